/**
 * The future-event list: a binary min-heap over parallel typed arrays.
 *
 * A discrete-event simulation is a clock plus a list of things that will
 * happen. Each entry here is (time, sequence, kind, a, b): `kind` says what
 * happens, `a` names the entity (a case, a staff member, an event type) and
 * `b` is a token the handler compares with the entity's current token, so an
 * event that was overtaken (a patrol step after the member was dispatched)
 * is recognised as stale and dropped instead of being searched for and
 * removed.
 *
 * Ordering is by time, then by insertion sequence: two events at the same
 * instant always run in the order they were scheduled. That rule, and
 * nothing else, is what makes a run with the same seed repeat exactly.
 *
 * The arrays grow by doubling; entries are moved with a "hole" sift so each
 * level costs one move instead of a swap. Kind and entity share one Int32
 * (entity << KIND_BITS | kind): kinds.ts numbers the kinds and refuses one
 * that would not fit; entity ids stay below MAX_ENTITY (the case store
 * refuses to grow past it).
 */
import { KIND_BITS } from './kinds.ts';

const KIND_MASK = (1 << KIND_BITS) - 1;

export class EventQueue {
  private t: Float64Array;
  private s: Float64Array;
  /** Entity id and kind packed: a << KIND_BITS | kind. */
  private a: Int32Array;
  private b: Int32Array;
  /** Number of pending events. */
  size = 0;
  private seq = 0;
  /** Fields of the event last returned by pop(). */
  time = 0;
  ea = 0;
  eb = 0;

  constructor(capacity = 1024) {
    this.t = new Float64Array(capacity);
    this.s = new Float64Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  private grow(): void {
    const n = this.t.length * 2;
    const t = new Float64Array(n);
    t.set(this.t);
    this.t = t;
    const s = new Float64Array(n);
    s.set(this.s);
    this.s = s;
    const a = new Int32Array(n);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(n);
    b.set(this.b);
    this.b = b;
  }

  /** Schedule `kind` at `time` for entity `a` with token `b`. */
  push(time: number, kind: number, a: number, b: number): void {
    if (this.size === this.t.length) this.grow();
    const seq = this.seq++;
    const T = this.t,
      S = this.s,
      A = this.a,
      B = this.b;
    const ka = (a << KIND_BITS) | kind;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p];
      if (pt < time || (pt === time && S[p] < seq)) break;
      T[i] = pt;
      S[i] = S[p];
      A[i] = A[p];
      B[i] = B[p];
      i = p;
    }
    T[i] = time;
    S[i] = seq;
    A[i] = ka;
    B[i] = b;
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.t[0] : Infinity;
  }

  /** Remove the next event; returns its kind and leaves time/ea/eb set. Call only when size > 0. */
  pop(): number {
    const T = this.t,
      S = this.s,
      A = this.a,
      B = this.b;
    const ka = A[0];
    const kind = ka & KIND_MASK;
    this.time = T[0];
    this.ea = ka >> KIND_BITS;
    this.eb = B[0];
    const n = --this.size;
    if (n > 0) {
      const lt = T[n],
        ls = S[n],
        la = A[n],
        lb = B[n];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < n && (T[r] < T[c] || (T[r] === T[c] && S[r] < S[c]))) c = r;
        const ct = T[c];
        if (lt < ct || (lt === ct && ls < S[c])) break;
        T[i] = ct;
        S[i] = S[c];
        A[i] = A[c];
        B[i] = B[c];
        i = c;
      }
      T[i] = lt;
      S[i] = ls;
      A[i] = la;
      B[i] = lb;
    }
    return kind;
  }
}
