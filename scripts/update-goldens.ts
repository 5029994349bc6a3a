/**
 * Rewrite the golden expected summaries of the built-in scenarios.
 *
 *     npx tsx scripts/update-goldens.ts            # every scenario
 *     npx tsx scripts/update-goldens.ts night-incidents lianhu-grids
 *
 * Prints, for each scenario, which numbers moved. Commit the new goldens
 * with a message that says why they moved (see scripts/goldens.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { GOLDEN_DIR, computeGolden, goldenPath, goldenText, readGolden, scenarioIds, type Golden } from './goldens.ts';

const all = scenarioIds();
const asked = process.argv.slice(2);
const unknown = asked.filter((id) => !all.includes(id));
if (unknown.length > 0) {
  console.error(`unknown scenario id(s): ${unknown.join(', ')}\nknown: ${all.join(', ')}`);
  process.exit(2);
}

function changes(before: Golden, after: Golden): string[] {
  const out: string[] = [];
  if (before.days !== after.days || before.seed !== after.seed)
    out.push(`seed/days ${before.seed}/${before.days} → ${after.seed}/${after.days}`);
  for (const [k, v] of Object.entries(after.kpis)) {
    const old = (before.kpis as Record<string, unknown>)[k];
    if (old !== v) out.push(`kpis.${k}: ${String(old)} → ${String(v)}`);
  }
  const ids = new Set([...Object.keys(before.byType), ...Object.keys(after.byType)]);
  for (const id of ids) {
    const a = before.byType[id],
      b = after.byType[id];
    if (a?.arrived !== b?.arrived || a?.closed !== b?.closed)
      out.push(`byType.${id}: ${JSON.stringify(a ?? null)} → ${JSON.stringify(b ?? null)}`);
  }
  return out;
}

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const id of asked.length > 0 ? asked : all) {
  const t0 = performance.now();
  const g = computeGolden(id);
  const wall = ((performance.now() - t0) / 1000).toFixed(2);
  const path = goldenPath(id);
  const diff = existsSync(path) ? changes(readGolden(id), g) : ['new golden'];
  writeFileSync(path, goldenText(g), 'utf8');
  console.log(`${id}: ${diff.length === 0 ? 'unchanged' : `${diff.length} change(s)`} (${wall} s)`);
  for (const line of diff) console.log(`  ${line}`);
}
