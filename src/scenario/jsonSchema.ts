/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod
 * schema so the two cannot drift apart.
 *
 * Editors use it for completion and red squiggles: a scenario file points at
 * it with `"$schema": "./scenario.schema.json"`. It describes what may be
 * *written* (`io: "input"`), so fields with defaults are optional. It covers
 * the current `schemaVersion` only; older files are migrated when loaded, and
 * cross-field rules (validate.ts) are not expressible here.
 *
 * The committed copy is `scenarios/scenario.schema.json`; regenerate it with
 * `npx tsx scripts/write-schema.ts` (a test fails when it is stale).
 */
import { z } from 'zod';
import { SCHEMA_VERSION, Scenario } from './schema.ts';

export const SCENARIO_SCHEMA_ID = `urn:allweather:scenario:v${SCHEMA_VERSION}`;

/** Path of the committed schema file, relative to the repository root. */
export const SCENARIO_SCHEMA_FILE = 'scenarios/scenario.schema.json';

/** The command that rewrites the committed schema file. */
export const WRITE_SCHEMA_COMMAND = 'npx tsx scripts/write-schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Scenario, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: `AllWeather (全天候) scenario, schemaVersion ${SCHEMA_VERSION}`,
    description:
      'A city, its responsibility grids, event types, teams and dispatch rules for the AllWeather simulator. 场景文件：城市、责任网格、事件类型、队伍与派遣规则。',
    ...rest,
  };
}

/** The schema file's exact text: 2-space indent and a trailing newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
