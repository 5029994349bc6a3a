/**
 * React adapters for the diagnosis and the cheapest-plan controllers
 * (liveDiagnosis.ts, decisions.ts), provided by main.tsx: `useLiveDiagnosis`
 * and `useDecisions` give the controller, `useLiveDiag(s => s.live)` and
 * `useDec(s => s.optimise)` a slice of its state.
 */
import { createContext, useContext } from 'react';
import type { DecisionsController, DecisionsState } from './decisions.ts';
import type { LiveDiagnosisController, LiveDiagnosisState } from './liveDiagnosis.ts';
import { useStoreOf } from './useStore.ts';

export const LiveDiagnosisContext = createContext<LiveDiagnosisController | null>(null);
export const DecisionsContext = createContext<DecisionsController | null>(null);

export function useLiveDiagnosis(): LiveDiagnosisController {
  const c = useContext(LiveDiagnosisContext);
  if (!c) throw new Error('useLiveDiagnosis: no LiveDiagnosisContext provider');
  return c;
}

export function useLiveDiag<U>(selector: (s: LiveDiagnosisState) => U): U {
  return useStoreOf(useLiveDiagnosis().store, selector);
}

export function useDecisions(): DecisionsController {
  const c = useContext(DecisionsContext);
  if (!c) throw new Error('useDecisions: no DecisionsContext provider');
  return c;
}

export function useDec<U>(selector: (s: DecisionsState) => U): U {
  return useStoreOf(useDecisions().store, selector);
}
