/**
 * React adapters for the app's stores: `useStore(s => s.lang)` re-renders the
 * component only when the selected value changes (Object.is). The same for
 * the experiments (`useExp`) and the scenario editor (`useEditorState`).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState, Store } from './store.ts';
import type { Controller } from './controller.ts';
import type { ExperimentsController, ExperimentsState } from './experiments.ts';
import type { EditorController, EditorState } from './editor.ts';

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

/** The experiments controller (worker pool, jobs), provided by main.tsx. */
export const ExperimentsContext = createContext<ExperimentsController | null>(null);

export function useExperiments(): ExperimentsController {
  const c = useContext(ExperimentsContext);
  if (!c) throw new Error('useExperiments: no ExperimentsContext provider');
  return c;
}

/** Select a slice of the experiments state (return stored objects, not new ones). */
export function useExp<U>(selector: (s: ExperimentsState) => U): U {
  return useStoreOf(useExperiments().store, selector);
}

/** The scenario editor, provided by main.tsx. */
export const EditorContext = createContext<EditorController | null>(null);

export function useEditor(): EditorController {
  const c = useContext(EditorContext);
  if (!c) throw new Error('useEditor: no EditorContext provider');
  return c;
}

/** Select a slice of the editor state. */
export function useEditorState<U>(selector: (s: EditorState) => U): U {
  return useStoreOf(useEditor().store, selector);
}
