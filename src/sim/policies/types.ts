/**
 * Dispatch policies: the interfaces.
 *
 * Dispatch answers two questions, and a scenario picks an answer to each
 * by name (`dispatch.policy`, `dispatch.order`, `dispatch.preemption`):
 *
 * - **Scope** (`ScopePolicy`): which members may a waiting case draw from,
 *   in which tiers of preference, and which queues does a freed member look
 *   in? grid-bound, nearest, grid-first.
 * - **Order** (`OrderPolicy`): among the cases waiting in one queue, which
 *   comes first? The order maps each event type to a class; lower classes
 *   are served first, FIFO within a class. fifo, priority, easy-first.
 * - **Preemption** (`PreemptionPolicy`): may a case that finds nobody free
 *   take a member off another case, and whom? off, priority.
 *
 * The engine (dispatch.ts) owns the mechanics every policy shares: the
 * queues, which members are free, assignment and release. It asks the
 * policies only the questions above, so a new policy is one file here, one
 * line in registry.ts and its behaviour test; no branch in the core.
 *
 * Member choice within the tiers is the same rule for every scope
 * (select.ts): the first tier with anyone free wins; within it the nearest
 * member (cell distance from where the member is now), ties to the lowest
 * staff id; a crew of k takes the k nearest by (tier, distance, id).
 */
import type { Dispatcher } from '../dispatch.ts';

/** Where cases and members look for each other. */
export interface ScopePolicy {
  readonly name: string;
  /**
   * Waiting cases are queued in their responsibility grid as well as in the
   * city-wide scope (members bound to grids then serve from their grids'
   * queues). When false there is one city-wide scope, number 0.
   */
  readonly queuesByGrid: boolean;
  /**
   * The staff lists case c (needing `skill`) may draw from, in tiers of
   * preference: list 0 is tier 0, list 1 tier 1, and lists 2.. together form
   * tier 2 (the neighbouring grids, taken as one). The array is scratch: read
   * it before asking again.
   */
  tiers(sim: Dispatcher, c: number, skill: number): readonly Int32Array[];
  /**
   * The queue scopes freed member s serves, in the order it looks, written to
   * `out` (cleared first). Those it adds after `out.markOwn()` are taken only
   * once their cases have waited the neighbour wait.
   */
  memberScopes(sim: Dispatcher, s: number, out: ScopeList): void;
  /** Case c was filed, found nobody and now waits in its queues: schedule what the policy needs (an escalation). */
  onWait(sim: Dispatcher, c: number): void;
}

/** The order in which waiting cases are served. */
export interface OrderPolicy {
  readonly name: string;
  /** Number of classes and the class of each event type (lower is served first), given each type's priority and mean handling time. */
  classes(types: readonly { priority: number; meanHandlingS: number }[]): { nClasses: number; classOf: number[] };
}

/** Whether, and from whom, a case that finds nobody free may take a member. */
export interface PreemptionPolicy {
  readonly name: string;
  /** The member case c takes off another case now, or -1 (the engine then requeues that case and assigns the member). */
  victim(sim: Dispatcher, c: number): number;
}

export type ScopePolicyFactory = (sim: Dispatcher) => ScopePolicy;

/** A reusable list of queue scopes (no allocation, no array length writes on the hot path). */
export class ScopeList {
  scopes = new Int32Array(16);
  /** Scopes in the list. */
  n = 0;
  /** The first `nOwn` are the member's own; the rest need the case to have waited. */
  nOwn = 0;

  clear(): void {
    this.n = 0;
    this.nOwn = 0;
  }

  push(scope: number): void {
    if (this.n === this.scopes.length) {
      const b = new Int32Array(this.n * 2);
      b.set(this.scopes);
      this.scopes = b;
    }
    this.scopes[this.n++] = scope;
  }

  /** Everything pushed so far is the member's own. */
  markOwn(): void {
    this.nOwn = this.n;
  }
}
