/**
 * Form values that outlive their panel: `useSticky(key, initial)` is `useState`, except that the value is
 * remembered under `key` for the page's life, so a form left for another tab or view (which unmounts it)
 * shows what the user typed when it comes back (R, seeds, the variant). Only what the user typed is kept
 * this way, never a result. Values that depend on the scenario are checked where they are used, as before.
 */
import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

/** The value remembered under `key`, else `initial` (called when it is a function). */
function recall<T>(key: string, initial: T | (() => T)): T {
  if (memory.has(key)) return memory.get(key) as T;
  return typeof initial === 'function' ? (initial as () => T)() : initial;
}

/** Remember `value` under `key`; returns it. */
function remember<T>(key: string, value: T): T {
  memory.set(key, value);
  return value;
}

export function useSticky<T>(key: string, initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => recall(key, initial));
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => remember(key, typeof next === 'function' ? (next as (p: T) => T)(prev) : next)),
    [key],
  );
  return [value, set];
}
