/**
 * The case store: every open case's fields in structure-of-arrays form, one
 * typed array per field indexed by the case's slot.
 *
 * Invariants:
 * - a slot is either free (state FREE, on the free list) or holds one open
 *   case; `used` counts the open ones, `cap` the slots;
 * - the free list is threaded through `cLatNext` (a free slot's next free
 *   slot; -1 ends it); a case in use reuses that field for its cell's
 *   latent list, so `allocCase` hands out a slot whose fields hold the last
 *   case's values: the caller writes every field the case will read;
 * - freeing a slot bumps its tokens (`cToken`, `cQTok`), so events and queue
 *   entries still naming the slot are recognised as stale;
 * - slots grow by doubling, never past the queue's entity ceiling
 *   (core/kinds.ts), so a slot id always fits an event;
 * - `cStage` holds STAGE_COUNT numbers per slot and `cResp` 3 (stages.ts).
 *
 * Memory is bounded by the most cases open at once, not by the cases a run
 * sees. What the fields mean is the workflow's business (simulation.ts).
 */
import { CS } from './codes.ts';
import { MAX_ENTITY } from './kinds.ts';
import { STAGE_COUNT } from '../stages.ts';

export class CaseStore {
  cap = 0;
  private nextFree = -1;
  used = 0;
  cType = new Int16Array(0);
  cCell = new Int32Array(0);
  cState = new Uint8Array(0);
  protected cToken = new Int32Array(0);
  cQTok = new Int32Array(0);
  protected cChannel = new Uint8Array(0);
  protected cCounted = new Uint8Array(0);
  cCrewNeed = new Uint8Array(0);
  protected cCrewArrived = new Uint8Array(0);
  protected cCrew0 = new Int32Array(0);
  protected cLatNext = new Int32Array(0);
  protected cLatPrev = new Int32Array(0);
  cId = new Float64Array(0);
  protected cSeq = new Float64Array(0);
  cOccur = new Float64Array(0);
  protected cDiscover = new Float64Array(0);
  cFiled = new Float64Array(0);
  protected cDispatched = new Float64Array(0);
  cOnScene = new Float64Array(0);
  protected cHandleStart = new Float64Array(0);
  protected cHandleEnd = new Float64Array(0);
  protected cHandled = new Float64Array(0);
  protected cVerified = new Float64Array(0);
  protected cRemainS = new Float64Array(0);
  protected cFileD = new Float64Array(0);
  protected cDispatchD = new Float64Array(0);
  protected cVerifyD = new Float64Array(0);
  protected cCloseD = new Float64Array(0);
  // --- stage accounting (see stages.ts): the stage a case is in since cPhaseFrom, and seconds spent in each ---
  protected cPhase = new Uint8Array(0);
  protected cPhaseFrom = new Float64Array(0);
  /** Seconds in each stage so far, STAGE_COUNT per case (index c * STAGE_COUNT + stage). */
  protected cStage = new Float64Array(0);
  /** The response's split (filed → first on scene): centre, queue, travel seconds, frozen at first on scene. */
  protected cResp = new Float64Array(0);
  /** Extra crew members of cases needing more than one. */
  protected readonly crewExtra = new Map<number, number[]>();

  constructor(capacity: number) {
    this.growCases(capacity);
  }

  private growCases(cap: number): void {
    // case ids travel in the event queue's packed key (core/kinds.ts)
    if (cap - 1 > MAX_ENTITY)
      throw new Error(`more than ${MAX_ENTITY + 1} open cases: the event queue cannot address them`);
    const old = this.cap;
    const g = <T extends Float64Array | Int32Array | Int16Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(cap);
      b.set(a);
      return b;
    };
    this.cType = g(this.cType);
    this.cCell = g(this.cCell);
    this.cState = g(this.cState);
    this.cToken = g(this.cToken);
    this.cQTok = g(this.cQTok);
    this.cChannel = g(this.cChannel);
    this.cCounted = g(this.cCounted);
    this.cCrewNeed = g(this.cCrewNeed);
    this.cCrewArrived = g(this.cCrewArrived);
    this.cCrew0 = g(this.cCrew0);
    this.cLatNext = g(this.cLatNext);
    this.cLatPrev = g(this.cLatPrev);
    this.cId = g(this.cId);
    this.cSeq = g(this.cSeq);
    this.cOccur = g(this.cOccur);
    this.cDiscover = g(this.cDiscover);
    this.cFiled = g(this.cFiled);
    this.cDispatched = g(this.cDispatched);
    this.cOnScene = g(this.cOnScene);
    this.cHandleStart = g(this.cHandleStart);
    this.cHandleEnd = g(this.cHandleEnd);
    this.cHandled = g(this.cHandled);
    this.cVerified = g(this.cVerified);
    this.cRemainS = g(this.cRemainS);
    this.cFileD = g(this.cFileD);
    this.cDispatchD = g(this.cDispatchD);
    this.cVerifyD = g(this.cVerifyD);
    this.cCloseD = g(this.cCloseD);
    this.cPhase = g(this.cPhase);
    this.cPhaseFrom = g(this.cPhaseFrom);
    const st = new Float64Array(cap * STAGE_COUNT);
    st.set(this.cStage);
    this.cStage = st;
    const rp = new Float64Array(cap * 3);
    rp.set(this.cResp);
    this.cResp = rp;
    // thread the new slots onto the free list
    for (let i = cap - 1; i >= old; i--) {
      this.cLatNext[i] = this.nextFree;
      this.nextFree = i;
    }
    this.cap = cap;
  }

  protected allocCase(): number {
    if (this.nextFree < 0) this.growCases(this.cap * 2);
    const c = this.nextFree;
    this.nextFree = this.cLatNext[c];
    this.used++;
    return c;
  }

  protected freeCase(c: number): void {
    this.cState[c] = CS.FREE;
    this.cToken[c]++;
    this.cQTok[c]++;
    this.cLatNext[c] = this.nextFree;
    this.nextFree = c;
    this.used--;
  }
}
