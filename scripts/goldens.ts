/**
 * Golden runs: for every built-in scenario, the expected summary of one run
 * at a fixed seed, committed in `scenarios/golden/<id>.golden.json`.
 *
 * A golden holds every KPI of `RunResult.kpis` and each event type's arrived
 * and closed counts, rounded to 9 significant digits: enough to catch any
 * change in behaviour, loose enough that the last bits of a float sum do not
 * matter. `src/scenario/golden.test.ts` re-runs each scenario and compares;
 * `scripts/update-goldens.ts` rewrites them. A change that moves a golden
 * number must say why in its commit message.
 *
 * Shared by the test and the script. Lives outside src/ because it reads the
 * file system (src/scenario is pure).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, formatErrors } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { Kpis } from '../src/sim/result.ts';
import { runScenario } from '../src/sim/run.ts';

export const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('../scenarios/golden/', import.meta.url));
export const GOLDEN_SEED = 1;
export const GOLDEN_NOTE =
  'Expected summary of runScenario(scenario, { seed, days }), numbers rounded to 9 significant digits; checked by ' +
  'src/scenario/golden.test.ts. Regenerate with `npx tsx scripts/update-goldens.ts <id>`; a commit that moves a number here must say why.';

export interface Golden {
  seed: number;
  days: number;
  note: string;
  kpis: Record<keyof Kpis, number | null>;
  byType: Record<string, { arrived: number; closed: number }>;
}

/** Ids of the built-in scenarios: every scenarios/<id>.json except the JSON Schema. */
export function scenarioIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Ids that have a golden file. */
export function goldenIds(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith('.golden.json'))
    .map((f) => f.slice(0, -'.golden.json'.length))
    .sort();
}

export const scenarioPath = (id: string): string => `${SCENARIO_DIR}${id}.json`;
export const goldenPath = (id: string): string => `${GOLDEN_DIR}${id}.golden.json`;

export function loadBuiltin(id: string): Scenario {
  const r = parseScenario(readFileSync(scenarioPath(id), 'utf8'));
  if (!r.ok) throw new Error(`scenarios/${id}.json is invalid:\n${formatErrors(r.errors)}`);
  return r.scenario;
}

/** x to 9 significant digits (integers and null unchanged; -0 becomes 0). */
export function round9(x: number | null): number | null {
  if (x === null) return null;
  if (!Number.isFinite(x)) throw new Error(`golden numbers must be finite, got ${x}`);
  if (Number.isInteger(x)) return x;
  const r = Number(x.toPrecision(9));
  return r === 0 ? 0 : r;
}

/** Run scenario `id` at the golden seed over its own run.days and summarise. */
export function computeGolden(id: string): Golden {
  const sc = loadBuiltin(id);
  const days = sc.run.days;
  const r = runScenario(sc, { seed: GOLDEN_SEED, days });
  const kpis = Object.fromEntries(
    Object.entries(r.kpis).map(([k, v]) => [k, round9(v as number | null)]),
  ) as Golden['kpis'];
  const byType: Golden['byType'] = {};
  for (const t of r.byType) byType[t.id] = { arrived: t.arrived, closed: t.closed };
  return { seed: GOLDEN_SEED, days, note: GOLDEN_NOTE, kpis, byType };
}

export function readGolden(id: string): Golden {
  return JSON.parse(readFileSync(goldenPath(id), 'utf8')) as Golden;
}

/** The file text: two-space JSON with one line per KPI and per event type. */
export function goldenText(g: Golden): string {
  const kpis = Object.entries(g.kpis).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const types = Object.entries(g.byType).map(
    ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v).replace(/,/g, ', ').replace(/:/g, ': ')}`,
  );
  return [
    '{',
    `  "seed": ${g.seed},`,
    `  "days": ${g.days},`,
    `  "note": ${JSON.stringify(g.note)},`,
    '  "kpis": {',
    kpis.join(',\n'),
    '  },',
    '  "byType": {',
    types.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}
