/**
 * Write the generated Shanghai-scale scenario as a scenario file, for the CLI or the app.
 *
 *     npx tsx scripts/shanghai-scale.ts                       # tmp/shanghai-scale.json, full size
 *     npx tsx scripts/shanghai-scale.ts out.json --scale 0.5  # half the area, staff and cases
 *     node bin/allweather.mjs run tmp/shanghai-scale.json
 *
 * The file is small (~15 KB: zones, districts, teams and event types; the
 * 634,000 cells are built at load), but it is not a built-in: scenarios/ is
 * what the app lists and the golden tests replay, and a megacity day is a
 * benchmark (bench/scale.ts), not a test. The generator is the source:
 * src/scenario/generators/shanghaiScale.ts. Lives outside src/ because it
 * writes a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { shanghaiScale } from '../src/scenario/generators/shanghaiScale.ts';
import { loadScenarioOrThrow } from '../src/scenario/load.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--scale');
const scale = at >= 0 ? Number(args[at + 1]) : 1;
const positional = args.filter((_, i) => i !== at && i !== at + 1);
const target = resolve(positional[0] ?? 'tmp/shanghai-scale.json');
const scenario = { $schema: '../scenarios/scenario.schema.json', ...shanghaiScale({ scale }) };
loadScenarioOrThrow(scenario); // refuse to write an invalid file
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(scenario, null, 2)}\n`, 'utf8');
console.log(`wrote ${target} (scale ${scale})`);
