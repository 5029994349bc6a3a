/** `allweather schema`: prints the scenario JSON Schema (`npm run schema` writes it to scenarios/). */
import { scenarioJsonSchema } from '../scenario/jsonSchema.ts';
import { UsageError, parse, type CliIO } from './common.ts';
import { USAGE } from './usage.ts';

export function schemaCommand(args: string[], io: CliIO): number {
  const { positionals } = parse(args, {}, USAGE);
  if (positionals.length > 0) throw new UsageError(`schema 不接受参数 / schema takes no arguments\n\n${USAGE}`);
  io.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return 0;
}
