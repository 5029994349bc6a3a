/** React adapter for the saved experiments (savedExperiments.ts), provided by main.tsx. */
import { createContext, useContext } from 'react';
import type { SavedController, SavedState } from './savedExperiments.ts';
import { useStoreOf } from './useStore.ts';

export const SavedContext = createContext<SavedController | null>(null);

export function useSaved(): SavedController {
  const c = useContext(SavedContext);
  if (!c) throw new Error('useSaved: no SavedContext provider');
  return c;
}

/** Select a slice of the saved-experiments state. */
export function useSavedState<U>(selector: (s: SavedState) => U): U {
  return useStoreOf(useSaved().store, selector);
}
