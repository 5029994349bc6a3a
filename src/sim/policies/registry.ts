/**
 * The dispatch policies by name: the scenario's `dispatch.policy`,
 * `dispatch.order` and `dispatch.preemption` pick one of each here.
 * A new policy is its file beside this one, one line below and its test.
 */
import type { OrderPolicy, PreemptionPolicy, ScopePolicyFactory } from './types.ts';
import { gridBound } from './gridBound.ts';
import { nearest } from './nearest.ts';
import { gridFirst } from './gridFirst.ts';
import { fifo } from './fifo.ts';
import { priority, priorityPreemption, noPreemption } from './priority.ts';
import { easyFirst } from './easyFirst.ts';

export const SCOPE_POLICIES: Readonly<Record<string, ScopePolicyFactory>> = { gridBound, nearest, gridFirst };
export const ORDER_POLICIES: Readonly<Record<string, OrderPolicy>> = { fifo, priority, easyFirst };
export const PREEMPTION_POLICIES: Readonly<Record<'off' | 'priority', PreemptionPolicy>> = {
  off: noPreemption,
  priority: priorityPreemption,
};

/** The entry `name` of `registry`, or an error naming the known ones. */
export function lookup<T>(registry: Readonly<Record<string, T>>, what: string, name: string): T {
  const p = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (p === undefined) throw new Error(`unknown ${what} "${name}" (known: ${Object.keys(registry).join(', ')})`);
  return p;
}
