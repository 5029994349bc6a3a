/**
 * `allweather validate <scenario.json> [--set path=value ...]`: checks a scenario file and prints
 * one line (id, names, city size, event types, teams, content hash); an
 * invalid file is bad input (exit 2) with every error listed in zh and en.
 * With --set it checks the variant (the file with those overrides, as `run --set`
 * would play it) and prints the variant's line and hash, then the overrides.
 */
import { describeOverrides } from '../analysis/overrides.ts';
import { scenarioHash } from '../scenario/load.ts';
import { loadVariant, onePositional, overridesArg, parse, type CliIO } from './common.ts';
import { USAGE } from './usage.ts';

export function validateCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parse(args, { set: { type: 'string', multiple: true } }, USAGE);
  const path = onePositional('validate', positionals, USAGE);
  const overrides = overridesArg(values.set as string[] | undefined);
  const { text, scenario } = loadVariant(path, overrides);
  const shown = Object.keys(overrides).length > 0 ? `  覆盖 overrides: ${describeOverrides(overrides)}\n` : '';
  const teams = scenario.teams.length;
  const types = scenario.eventTypes.length;
  io.stdout.write(
    `OK: ${scenario.id} — ${scenario.name.zh} / ${scenario.name.en} ` +
      `(${scenario.city.cols}×${scenario.city.rows} cells, grid ${scenario.city.gridSize}×${scenario.city.gridSize}, ` +
      `${types} event types, ${teams} teams, hash ${scenarioHash(text)})\n` +
      shown,
  );
  return 0;
}
