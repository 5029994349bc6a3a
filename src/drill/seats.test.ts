/**
 * Trainee seats: each seat sees and dispatches the cases of its own grids,
 * an action on another seat's case is refused and changes nothing, the
 * whole-scope seat takes everything, and each seat is scored on its own
 * cases (the seats' case counts add up to the drill's).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/load.ts';
import { parseDrill, parseDrillObject } from './validate.ts';
import { DrillSession } from './session.ts';
import type { Drill } from './schema.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const parsed = parseScenario(read('scenarios/rainstorm-red-night.json'));
if (!parsed.ok) throw new Error('scenario');
const scenario = parsed.scenario;
const text = read('scenarios/drills/red-night-drill.json');
const loaded = parseDrill(text, scenario);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const drill: Drill = loaded.drill;

describe('trainee seats', () => {
  it('the built-in drill has one seat per street, covering the command scope exactly once', () => {
    expect(drill.seats.map((x) => x.id)).toEqual(['nanjing-east', 'the-bund', 'yuyuan', 'huaihai-middle']);
    const all = drill.seats.flatMap((x) => x.grids).sort();
    expect(all).toEqual([...(drill.scope.grids as string[])].sort());
  });

  it('a seat outside the scope, an unknown grid, a duplicate or reserved id are refused with their paths', () => {
    const raw = JSON.parse(text) as { seats: { id: string; grids: string[] }[] };
    raw.seats[0].grids.push('G01-01');
    raw.seats[1].grids.push('G99-99');
    raw.seats[2].id = 'the-bund';
    raw.seats[3].id = 'all';
    const r = parseDrillObject(raw, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.errors.map((e) => [e.path, e.code]);
    expect(got).toContainEqual(['$.seats[0].grids[2]', 'seat_outside_scope']);
    expect(got).toContainEqual(['$.seats[1].grids[2]', 'unknown_grid']);
    expect(got).toContainEqual(['$.seats[2].id', 'duplicate_seat']);
    expect(got).toContainEqual(['$.seats[3].id', 'duplicate_seat']);
  });

  it("each seat's inbox holds its grids' cases; the whole scope's holds them all", () => {
    const s = new DrillSession(drill, scenario);
    s.advanceTo(s.startS + 40 * 60);
    const all = s.inbox('all');
    expect(all.length).toBeGreaterThan(0);
    expect(s.inbox()).toEqual(all);
    let sum = 0;
    for (const seat of drill.seats) {
      const mine = s.inbox(seat.id);
      for (const it of mine) expect(seat.grids).toContain(it.grid);
      sum += mine.length;
    }
    expect(sum).toBe(all.length);
    expect(s.inbox('nobody')).toEqual([]);
  });

  it("a seat may not act on another seat's case; the refusal changes nothing and is not logged", () => {
    const s = new DrillSession(drill, scenario);
    s.advanceTo(s.startS + 40 * 60);
    const item = s.inbox('all').find((i) => s.candidates(i.caseId).length >= i.crew)!;
    expect(item).toBeDefined();
    const owner = drill.seats.find((x) => x.grids.includes(item.grid))!;
    const other = drill.seats.find((x) => x !== owner)!;
    const staff = s
      .candidates(item.caseId)
      .slice(0, item.crew)
      .map((c) => c.staff);
    const refused = s.act({ kind: 'assign', tS: 0, caseId: item.caseId, staff, seat: other.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.en).toContain("outside this seat's command scope");
      expect(refused.zh).toContain('不属于本席位');
    }
    expect(s.actions).toHaveLength(0);
    expect(s.inbox('all').some((i) => i.caseId === item.caseId)).toBe(true);
    expect(s.act({ kind: 'escalate', tS: 0, caseId: item.caseId, seat: 'ghost' }).ok).toBe(false);
    // its own seat (and the whole scope) may
    expect(s.act({ kind: 'assign', tS: 0, caseId: item.caseId, staff, seat: owner.id })).toEqual({ ok: true });
    expect(s.actions[0]).toMatchObject({ kind: 'assign', seat: owner.id });
    expect(s.inbox(owner.id).some((i) => i.caseId === item.caseId)).toBe(false);
  });

  it("each seat is scored on its own cases: the seats' cases add up to the drill's, and a seat that dispatched scores its dispatches", () => {
    const s = new DrillSession(drill, scenario);
    const yuyuan = drill.seats.find((x) => x.id === 'yuyuan')!;
    for (let t = s.startS; t < s.endS; t += 5 * 60) {
      s.advanceTo(t);
      for (const it of s.inbox('yuyuan')) {
        const c = s.candidates(it.caseId);
        if (c.length < it.crew) continue;
        const r = s.act({
          kind: 'assign',
          tS: 0,
          caseId: it.caseId,
          staff: c.slice(0, it.crew).map((m) => m.staff),
          seat: 'yuyuan',
        });
        expect(r.ok).toBe(true);
      }
    }
    s.finish();
    const total = s.score();
    const seats = s.seatScores();
    expect(seats.map((x) => x.seat)).toEqual(drill.seats.map((x) => x.id));
    expect(seats.reduce((n, x) => n + x.score.n, 0)).toBe(total.n);
    const mine = seats.find((x) => x.seat === 'yuyuan')!.score;
    expect(mine.dispatches).toBeGreaterThan(0);
    for (const c of mine.cases)
      expect(yuyuan.grids).toContain(s.engine.gridIds[s.caseRecords().find((r) => r.id === c.caseId)!.grid]);
    expect(mine.cases.every((c) => c.by !== 'auto')).toBe(true);
    // the seats nobody sat in dispatched nothing
    for (const x of seats.filter((x) => x.seat !== 'yuyuan')) expect(x.score.dispatches).toBe(0);
  });
});
