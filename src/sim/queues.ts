/**
 * Waiting cases, kept in FIFO lists keyed by (scope, skill, class).
 *
 * - scope is the responsibility grid for grid-bound and grid-first dispatch,
 *   or 0 (the whole city) for nearest-available;
 * - skill is what the case needs, so a freed member looks only at lists it
 *   can serve;
 * - class is the dispatch order: one class for FIFO, the priority (1..4) for
 *   priority order, the rank of the event type's mean handling time for
 *   "easy-first".
 *
 * Entries are (case, token) pairs. A case that leaves the queue by another
 * route (escalation to a neighbour grid, say) is not searched for: its token
 * moves on and the stale entry is skipped when it reaches the head.
 */
/** The case state that means "waiting in a queue" (CS.QUEUED in engine.ts). */
export const QUEUED_STATE = 3;

export class CaseQueues {
  private readonly lists: (number[] | undefined)[];
  private readonly heads: Int32Array;
  private readonly nSkills: number = 0;
  readonly nClasses: number = 0;
  /** Live entries in all lists (an upper bound: stale ones count until skipped). */
  length = 0;

  constructor(nScopes: number, nSkills: number, nClasses: number) {
    this.nSkills = nSkills;
    this.nClasses = nClasses;
    const n = nScopes * nSkills * nClasses;
    this.lists = new Array(n);
    this.heads = new Int32Array(n);
  }

  key(scope: number, skill: number, cls: number): number {
    return (scope * this.nSkills + skill) * this.nClasses + cls;
  }

  push(key: number, c: number, token: number): void {
    let l = this.lists[key];
    if (!l) this.lists[key] = l = [];
    l.push(c, token);
    this.length++;
  }

  /** Put a case back at the front (preempted or handed over). */
  unshift(key: number, c: number, token: number): void {
    let l = this.lists[key];
    if (!l) this.lists[key] = l = [];
    const h = this.heads[key];
    if (h >= 2) {
      l[h - 2] = c;
      l[h - 1] = token;
      this.heads[key] = h - 2;
    } else {
      l.splice(h, 0, c, token);
    }
    this.length++;
  }

  /**
   * The first live case of list `key`, or -1. An entry is live while its
   * case is queued (state QUEUED_STATE) with the token it was queued with;
   * stale heads are dropped on the way.
   */
  head(key: number, state: Uint8Array, qtok: Int32Array): number {
    const l = this.lists[key];
    if (!l) return -1;
    let h = this.heads[key];
    while (h < l.length) {
      const c = l[h];
      if (state[c] === QUEUED_STATE && qtok[c] === l[h + 1]) {
        this.heads[key] = h;
        return c;
      }
      h += 2;
      this.length--;
    }
    // empty: start over at the front once the list has grown (truncating an array is a runtime call: not every time)
    if (h > 4096) {
      l.length = 0;
      h = 0;
    }
    this.heads[key] = h;
    return -1;
  }

  /** Drop the head of list `key` (after head() returned it and it was taken). */
  shift(key: number): void {
    const l = this.lists[key]!;
    let h = this.heads[key] + 2;
    this.length--;
    if (h >= l.length) {
      // empty: start over at the front once the list has grown (truncating an array is a runtime call)
      if (h > 4096) {
        l.length = 0;
        h = 0;
      }
    } else if (h > 4096 && h * 2 > l.length) {
      // drop the consumed front in place (splice would allocate an array of the h dropped entries)
      l.copyWithin(0, h);
      l.length -= h;
      h = 0;
    }
    this.heads[key] = h;
  }
}
