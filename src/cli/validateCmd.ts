/**
 * `allweather validate <scenario.json>`: checks a scenario file and prints
 * one line (id, names, city size, event types, teams, content hash); an
 * invalid file is bad input (exit 2) with every error listed in zh and en.
 */
import { scenarioHash } from '../scenario/load.ts';
import { loadScenario, onePositional, parse, type CliIO } from './common.ts';
import { USAGE } from './usage.ts';

export function validateCommand(args: string[], io: CliIO): number {
  const { positionals } = parse(args, {}, USAGE);
  const path = onePositional('validate', positionals, USAGE);
  const { text, scenario } = loadScenario(path);
  const teams = scenario.teams.length;
  const types = scenario.eventTypes.length;
  io.stdout.write(
    `OK: ${scenario.id} — ${scenario.name.zh} / ${scenario.name.en} ` +
      `(${scenario.city.cols}×${scenario.city.rows} cells, grid ${scenario.city.gridSize}×${scenario.city.gridSize}, ` +
      `${types} event types, ${teams} teams, hash ${scenarioHash(text)})\n`,
  );
  return 0;
}
