/**
 * React adapter for the applied-scenario controller (applied.ts), provided
 * by main.tsx: `useApplied()` gives the controller, `useAppliedState(s =>
 * s.notice)` a slice of its state.
 */
import { createContext, useContext } from 'react';
import type { AppliedController, AppliedState } from './applied.ts';
import { useStoreOf } from './useStore.ts';

export const AppliedContext = createContext<AppliedController | null>(null);

export function useApplied(): AppliedController {
  const c = useContext(AppliedContext);
  if (!c) throw new Error('useApplied: no AppliedContext provider');
  return c;
}

export function useAppliedState<U>(selector: (s: AppliedState) => U): U {
  return useStoreOf(useApplied().store, selector);
}
