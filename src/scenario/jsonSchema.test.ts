import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_SCHEMA_FILE,
  SCENARIO_SCHEMA_ID,
  WRITE_SCHEMA_COMMAND,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from './jsonSchema.ts';

const committedPath = fileURLToPath(new URL(`../../${SCENARIO_SCHEMA_FILE}`, import.meta.url));

describe('scenario JSON Schema', () => {
  it('is generated from zod with an $id and a title', () => {
    const s = scenarioJsonSchema();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(String(s.title)).toContain('schemaVersion 2');
    expect(s.type).toBe('object');
    // io: 'input' — fields with defaults are optional to write.
    expect(s.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'name', 'city', 'eventTypes', 'teams']));
    expect(s.required).not.toContain('run');
  });

  it(`the committed ${SCENARIO_SCHEMA_FILE} is up to date`, () => {
    let committed: unknown;
    try {
      committed = JSON.parse(readFileSync(committedPath, 'utf8'));
    } catch (e) {
      throw new Error(
        `${SCENARIO_SCHEMA_FILE} is missing or unreadable (${String(e)}); regenerate it with: ${WRITE_SCHEMA_COMMAND}`,
      );
    }
    expect(committed, `${SCENARIO_SCHEMA_FILE} is stale; regenerate it with: ${WRITE_SCHEMA_COMMAND}`).toEqual(
      scenarioJsonSchema(),
    );
  });

  it('is written with 2-space indentation and a trailing newline', () => {
    const text = scenarioJsonSchemaText();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });
});
