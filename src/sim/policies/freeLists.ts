/**
 * Who is free, per city-wide staff list: the members of a skill's list
 * (everyone with the skill, or the pooled teams only) who may be free now.
 *
 * A case's nearest free member was found by reading every member of the
 * list (thousands of pooled members at city scale, most of them busy at the
 * peak). Each list keeps a set of candidates instead: a member joins when
 * it becomes free (`noteFree`: released on duty, or brought on duty idle),
 * and leaves when a scan meets it not free (lazily: the engine has many
 * ways to make a member busy and one to make it free). The scan then reads
 * only the free members and the few stale ones, in no particular order, so
 * ties are broken by id explicitly: the same pick as the list's own order
 * (lists are in id order). Per-grid lists are short and are read as they are.
 */
import type { EngineState } from '../engine.ts';

export class FreeSet {
  /** Candidates: ids[0 .. n). */
  readonly ids: Int32Array;
  n = 0;
  /** 1 while member s is among the candidates. */
  private readonly has: Uint8Array;

  constructor(size: number, nStaff: number) {
    this.ids = new Int32Array(size);
    this.has = new Uint8Array(nStaff);
  }

  add(s: number): void {
    if (this.has[s] === 1) return;
    this.has[s] = 1;
    this.ids[this.n++] = s;
  }

  /** Drop the candidate at index i (the last one takes its place). */
  removeAt(i: number): void {
    this.has[this.ids[i]] = 0;
    this.ids[i] = this.ids[--this.n];
  }
}

export class FreeLists {
  private readonly byList = new Map<Int32Array, FreeSet>();
  private readonly all: FreeSet[];
  private readonly pooled: FreeSet[];
  private readonly sim: EngineState;

  constructor(sim: EngineState) {
    this.sim = sim;
    const make = (list: Int32Array) => {
      const set = new FreeSet(list.length, sim.nStaff);
      this.byList.set(list, set);
      return set;
    };
    this.all = sim.skillStaff.map(make);
    this.pooled = sim.pooledSkillStaff.map(make);
  }

  /** The candidate set of a city-wide list, or undefined for any other list. */
  of(list: Int32Array): FreeSet | undefined {
    return this.byList.get(list);
  }

  /** Member s has just become free: a candidate of every city-wide list that holds it. */
  noteFree(s: number): void {
    const sim = this.sim;
    if (sim.sLane[s] >= 0) return;
    const mask = sim.sSkills[s];
    const pooled = sim.sPooled[s] === 1;
    for (let k = 0; k < this.all.length; k++) {
      if (!(mask & (1 << k))) continue;
      this.all[k].add(s);
      if (pooled) this.pooled[k].add(s);
    }
  }
}
