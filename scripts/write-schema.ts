/**
 * Write scenarios/scenario.schema.json from the zod schema.
 *
 *     npx tsx scripts/write-schema.ts
 *
 * Lives outside src/ because it touches the file system (src/scenario is pure).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from '../src/scenario/jsonSchema.ts';

const target = fileURLToPath(new URL(`../${SCENARIO_SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, scenarioJsonSchemaText(), 'utf8');
console.log(`wrote ${SCENARIO_SCHEMA_FILE}`);
