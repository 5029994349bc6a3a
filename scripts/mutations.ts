/**
 * The planted bugs of the mutation check (scripts/mutants.ts runs them): each an exact string in one
 * source file, its replacement, and the behaviour tests that must catch it. test/mutations.test.ts checks
 * that every search string still occurs exactly once in its file, so a change that moves the engine's code
 * fails `npm test` until the table is re-targeted, instead of leaving the check silently unable to apply it.
 */
export interface Mutation {
  id: string;
  /** The bug, in words. */
  what: string;
  /** Source file, from the repository root. */
  file: string;
  /** Exact text to replace (must occur exactly once) and its replacement. */
  search: string;
  replace: string;
  /** Behaviour test files expected to catch it (never golden tests). */
  tests: string[];
}

const T = (name: string) => `src/sim/${name}.behaviour.test.ts`;

/** The mutations. Re-target `file`/`search` here when the engine's code moves. */
export const MUTATIONS: Mutation[] = [
  {
    id: 'M1',
    what: 'multi-member crews take the farthest members instead of the nearest',
    file: 'src/sim/policies/select.ts',
    // the scan of a list under MIN_INDEXED_LIST members (every list a crew test draws from)
    search:
      '      consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell, limitFor(tier, need)), need);\n    }',
    replace: '      consider(s, tier - sim.city.cellDistance(sim.staffCell(s), cell), need);\n    }',
    tests: [T('crew'), 'src/sim/policies/nearest.test.ts'],
  },
  {
    id: 'M1b',
    what: 'the same, on a city-wide list of 32 members or more (its free-candidate set)',
    file: 'src/sim/policies/select.ts',
    search:
      '        consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell, limitFor(tier, need)), need);\n      });',
    replace: '        consider(s, tier - sim.city.cellDistance(sim.staffCell(s), cell), need);\n      });',
    tests: ['src/sim/scaleTables.test.ts'],
  },
  {
    id: 'M2',
    what: 'rain shortens handling instead of lengthening it',
    file: 'src/sim/drivers/rain.ts',
    search: 't.handlingFactor[h] = 1 + perMm * rain[h];',
    replace: 't.handlingFactor[h] = 1 / (1 + perMm * rain[h]);',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M3',
    what: 'p90 and p95 swapped',
    file: 'src/sim/report.ts',
    search: 'p90ResponseS: all.response.quantile(0.9),\n    p95ResponseS: all.response.quantile(0.95),',
    replace: 'p90ResponseS: all.response.quantile(0.95),\n    p95ResponseS: all.response.quantile(0.9),',
    tests: [T('quantiles')],
  },
  {
    id: 'M4',
    what: 'preemption takes the farthest member among cases of equal priority',
    file: 'src/sim/policies/priority.ts',
    // (the distance is asked without the best-so-far bound, so the farther one is measured exactly)
    search:
      'cellDistance(sim.staffCell(s), cell, p > bestP ? Infinity : bestD);\n        if (p > bestP || dd < bestD) {',
    replace: 'cellDistance(sim.staffCell(s), cell);\n        if (p > bestP || dd > bestD) {',
    tests: [T('preemption'), 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M5',
    what: "rain set during the run (setRain) ignores the schema's travel-slowdown default",
    file: 'src/sim/drivers/rain.ts',
    search: 'this.weather = sim.sc.weather ?? WEATHER_DEFAULTS;',
    replace: 'this.weather = sim.sc.weather ?? { ...WEATHER_DEFAULTS, travelSlowdownPerMm: 0 };',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M6',
    what: 'SLA response verdict uses < instead of <= (on scene at the deadline counted late)',
    file: 'src/sim/simulation.ts',
    search: 'const met = resp <= t.responseS && resol <= t.resolutionS;',
    replace: 'const met = resp < t.responseS && resol <= t.resolutionS;',
    tests: [T('sla')],
  },
  {
    id: 'M7',
    what: 'SLA resolution verdict uses < instead of <=',
    file: 'src/sim/simulation.ts',
    search: 'const met = resp <= t.responseS && resol <= t.resolutionS;',
    replace: 'const met = resp <= t.responseS && resol < t.resolutionS;',
    tests: [T('sla')],
  },
  {
    id: 'M8',
    what: 'coverage: a grid-hour exactly at the target counted as not covered',
    file: 'src/sim/report.ts',
    search: 'if (a >= target) covered++;',
    replace: 'if (a > target) covered++;',
    tests: [T('sla')],
  },
  {
    id: 'M9',
    what: 'warm-up not excluded: cases before it are counted',
    file: 'src/sim/simulation.ts',
    search: 'const counted = now >= this.warmupS ? 1 : 0;',
    replace: 'const counted = 1;',
    tests: [T('roster')],
  },
  {
    id: 'M10',
    what: 'a crew is released one member short',
    file: 'src/sim/simulation.ts',
    search: 'for (const s of extra) this.release(s);',
    replace: 'for (const s of extra.slice(1)) this.release(s);',
    tests: [T('crew')],
  },
  {
    id: 'M11',
    what: 'rain lowers arrival rates where it should raise them',
    file: 'src/sim/drivers/rain.ts',
    search: 'base[h] * (1 + rain.ratePerMm * r)',
    replace: 'base[h] * (1 - rain.ratePerMm * r)',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M12',
    what: 'rain speeds travel up instead of slowing it',
    file: 'src/sim/drivers/rain.ts',
    search: 'sim.travelFactor[h] = 1 + slow * rain[h];',
    replace: 'sim.travelFactor[h] = 1 / (1 + slow * rain[h]);',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M13',
    what: "a night shift running at midnight is not on duty at the run's start",
    file: 'src/sim/simulation.ts',
    search: 'let start = sh.startS - DAY_S;',
    replace: 'let start = sh.startS;',
    tests: [T('roster')],
  },
  {
    id: 'M14',
    what: 'shifts end one minute late',
    file: 'src/sim/roster.ts',
    search: 'durationS: (end - start) * 60,',
    replace: 'durationS: (end - start) * 60 + 60,',
    tests: [T('roster')],
  },
  {
    id: 'M15',
    what: 'overtime not paid',
    file: 'src/sim/dispatch.ts',
    search: 'if (to > from) this.teamOvertimeS[this.sTeam[s]] += to - from;',
    replace: 'if (to > from) this.teamOvertimeS[this.sTeam[s]] += 0;',
    tests: [T('roster')],
  },
  {
    id: 'M16',
    what: 'handover teams keep their cases at shift end (work overtime)',
    file: 'src/sim/simulation.ts',
    search: "if (forceHandover || team.shiftEnd === 'handover') handover.push(s);",
    replace: 'if (forceHandover) handover.push(s);',
    tests: [T('roster')],
  },
  {
    id: 'M17',
    what: 'priority order ignored (priority behaves as FIFO)',
    file: 'src/sim/policies/priority.ts',
    search: 'classOf: types.map((t) => t.priority - 1)',
    replace: 'classOf: types.map(() => 0)',
    tests: [T('order'), 'src/sim/dispatch.test.ts', 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M18',
    what: 'easy-first ranks the longest handling first',
    file: 'src/sim/policies/easyFirst.ts',
    search: 'm.filter((y, j) => y < x || (y === x && j < i))',
    replace: 'm.filter((y, j) => y > x || (y === x && j < i))',
    tests: [T('order'), 'src/sim/dispatch.test.ts', 'src/sim/policies/easyFirst.test.ts'],
  },
  {
    id: 'M19',
    what: 'priority-2 cases preempt too',
    file: 'src/sim/policies/priority.ts',
    search: 'if (t.priority !== 1 || t.crew !== 1) return -1;',
    replace: 'if (t.priority > 2 || t.crew !== 1) return -1;',
    tests: [T('preemption'), 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M20',
    what: 'a preempted case forgets the handling already done (starts over)',
    file: 'src/sim/dispatch.ts',
    search: 'if (this.cState[c] === CS.HANDLING) this.cRemainS[c] = Math.max(0, this.cHandleEnd[c] - this.now);',
    replace: '',
    tests: [T('preemption')],
  },
  {
    id: 'M21',
    what: 'a single member: ties go to the highest id instead of the lowest',
    // the scan of a list under MIN_INDEXED_LIST members: the first (lowest id) of equals is kept
    file: 'src/sim/policies/select.ts',
    search: '    if (d < bestD) {\n      bestD = d;\n      s = m;',
    replace: '    if (d <= bestD) {\n      bestD = d;\n      s = m;',
    tests: [T('crew'), 'src/sim/policies/nearest.test.ts'],
  },
  {
    id: 'M21b',
    what: 'the same, in the ring search over a city-wide list of 32 members or more',
    file: 'src/sim/policies/freeLists.ts',
    search: 'if (d < bestD || (d === bestD && m < s)) {',
    replace: 'if (d < bestD || (d === bestD && m > s)) {',
    tests: ['src/sim/scaleTables.test.ts'],
  },
  {
    id: 'M22',
    what: 'quantiles read the lower edge of their bin (no interpolation)',
    file: 'src/sim/stats.ts',
    search: 'const frac = (target - cum) / c;',
    replace: 'const frac = 0 * ((target - cum) / c);',
    tests: [T('quantiles')],
  },
  {
    id: 'M23',
    what: 'grid-first sends neighbouring grids at once, without the wait',
    file: 'src/sim/policies/gridFirst.ts',
    search: 'if (sim.now - sim.cFiled[c] >= sim.neighbourWaitS) {',
    replace: 'if (sim.cFiled[c] === sim.cFiled[c]) {',
    tests: [T('scope'), 'src/sim/policies/gridFirst.test.ts'],
  },
  {
    id: 'M24',
    what: "grid-bound members, when free, take neighbouring grids' waiting cases like grid-first",
    file: 'src/sim/policies/gridBound.ts',
    search: 'memberScopes: ownScopes,',
    replace:
      'memberScopes: (sim, s, out) => {\n      ownScopes(sim, s, out);\n      if (sim.sPooled[s] !== 1) for (const g of sim.gridNeighbours[sim.sHome[s]]) out.push(g);\n    },',
    tests: [T('scope'), 'src/sim/policies/gridBound.test.ts'],
  },
  {
    id: 'M25',
    what: 'a 24-hour shift is sent off and back on at the instant it restarts (handover, trip home)',
    file: 'src/sim/simulation.ts',
    search: 'if (this.roster.shifts[si].durationS === DAY_S && this.now < this.horizonS + DRAIN_S) return;',
    replace: 'if (this.roster.shifts[si].durationS === DAY_S && this.now < 0) return;',
    tests: [T('allDayShift')],
  },
  {
    id: 'M26',
    what: "live indicators read staff time as of each level's last change, not up to the frame (utilisation over 100 %)",
    file: 'src/sim/stats.ts',
    search: 'return this.total() + (to > this.lastS ? this.level * (to - this.lastS) : 0);',
    replace: 'return this.total() + 0 * to;',
    tests: [T('liveKpis'), 'src/sim/stats.test.ts'],
  },
  {
    id: 'M27',
    what: 'live overtime leaves out members still finishing a case after their shift',
    file: 'src/sim/simulation.ts',
    search: '      if (to > from) s += to - from;\n    }\n    return s;',
    replace: '      if (to < from) s += to - from;\n    }\n    return s;',
    tests: [T('liveKpis')],
  },
];
