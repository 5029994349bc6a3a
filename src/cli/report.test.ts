import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/load.ts';
import { runScenario } from '../sim/run.ts';
import { aggregate } from '../analysis/aggregate.ts';
import { buildReport, casesCsv, casesCsvChunks, casesCsvHeader, type Manifest } from './report.ts';
import { fakeRun } from '../analysis/fakeRun.ts';

const load = (id: string) => {
  const p = parseScenario(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8'));
  if (!p.ok) throw new Error(id);
  return p.scenario;
};
const manifest = (id: string): Manifest => ({
  app: 'allweather',
  version: '0',
  scenario: id,
  scenarioHash: 'x',
  seed: 1,
  replications: 2,
  days: 1,
});

describe('run report', () => {
  it('carries stations, teams and backlog by hour as means over replications', () => {
    const sc = load('peoples-square-surge');
    const runs = [runScenario(sc, { seed: 1 }), runScenario(sc, { seed: 2 })];
    const rep = buildReport(manifest(sc.id), aggregate(runs), 0, runs);
    const ps = rep.stations['peoples-square'];
    expect(ps.passengers).toBe((runs[0].stations[0].passengers + runs[1].stations[0].passengers) / 2);
    expect(ps.passengers).toBeGreaterThan(220_000);
    expect(ps.meanQueueByHour).toHaveLength(24);
    expect(Object.keys(rep.byTeam)).toEqual(sc.teams.map((t) => t.id));
    expect(rep.backlogByHour[12]).toBeCloseTo((runs[0].backlogByHour[12] + runs[1].backlogByHour[12]) / 2, 9);
    expect(rep.weather).toBeNull();
  });

  it('carries the rain and warning series of a storm', () => {
    const sc = load('rainstorm-red-night');
    const runs = [runScenario(sc, { seed: 1 })];
    const rep = buildReport(manifest(sc.id), aggregate(runs), 0, runs);
    expect(rep.weather!.warningByHour).toContain('red');
    expect(rep.weather!.totalMm).toBeCloseTo(180, 6);
  });
});

describe('cases.csv streamed', () => {
  it("the header and each replication's pieces are casesCsv byte for byte, pieces of at most 8192 rows", () => {
    const big = fakeRun(1, { log: true });
    big.log = Array.from({ length: 20_000 }, (_, i) => ({
      ...big.log![0],
      id: i,
      type: i % 2 ? '=SUM(A1)' : 'litter',
    }));
    const results = [big, fakeRun(2, { log: true }), { ...fakeRun(3), log: [] }];
    const pieces = results.map((r, i) => [...casesCsvChunks(i, r)]);
    expect(pieces[0]).toHaveLength(3);
    expect(pieces[0].map((p) => p.split('\r\n').length - 1)).toEqual([8192, 8192, 3616]);
    expect(casesCsvHeader() + pieces.flat().join('')).toBe(casesCsv(results));
    expect(casesCsv(results)).toContain(",'=SUM(A1),"); // formula-escaped as before
  });
});
