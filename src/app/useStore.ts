/**
 * React adapter for the app store: `useStore(s => s.lang)` re-renders the
 * component only when the selected value changes (Object.is).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState, Store } from './store.ts';
import type { Controller } from './controller.ts';

export const ControllerContext = createContext<Controller | null>(null);

/** The app controller (store + live client), provided by main.tsx. */
export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('useController: no ControllerContext provider');
  return c;
}

export function useStoreOf<T extends object, U>(store: Store<T>, selector: (s: T) => U): U {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}

/** Select a slice of the app state. */
export function useStore<U>(selector: (s: AppState) => U): U {
  return useStoreOf(useController().store, selector);
}
