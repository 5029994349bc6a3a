/**
 * Golden runs: every built-in scenario, re-run at its golden seed, must give
 * the committed expected summary in scenarios/golden/<id>.golden.json (every
 * KPI and each event type's arrived/closed, rounded to 9 significant digits).
 *
 * A failure means behaviour changed. If the change is intended, regenerate
 * with `npx tsx scripts/update-goldens.ts <id>` and say in the commit message
 * why the numbers moved. Helpers: scripts/goldens.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGolden, goldenIds, goldenPath, loadBuiltin, readGolden, scenarioIds } from '../../scripts/goldens.ts';

const ids = scenarioIds();

const howTo = (id: string) =>
  `\nIf this change is intended, regenerate with:\n    npx tsx scripts/update-goldens.ts ${id}\n` +
  'and say in the commit message why the golden numbers moved.\n';

describe('golden runs', () => {
  it('every scenario has a golden and every golden a scenario', () => {
    const missing = ids.filter((id) => !existsSync(goldenPath(id)));
    const orphans = goldenIds().filter((id) => !ids.includes(id));
    expect(
      missing,
      `scenarios without a golden: create them with \`npx tsx scripts/update-goldens.ts ${missing.join(' ')}\``,
    ).toEqual([]);
    expect(orphans, 'goldens without a scenario: delete them (or restore the scenario)').toEqual([]);
  });

  it.each(ids)('%s: the file id matches its name', (id) => {
    expect(loadBuiltin(id).id).toBe(id);
  });

  it.each(ids.filter((id) => existsSync(goldenPath(id))))('%s reproduces its golden summary', (id) => {
    const want = readGolden(id);
    const got = computeGolden(id);
    expect({ seed: got.seed, days: got.days }, `golden seed/days of ${id}${howTo(id)}`).toEqual({
      seed: want.seed,
      days: want.days,
    });
    expect(got.kpis, `KPIs of ${id} moved${howTo(id)}`).toEqual(want.kpis);
    expect(got.byType, `per-type counts of ${id} moved${howTo(id)}`).toEqual(want.byType);
  });
});
