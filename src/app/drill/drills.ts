/**
 * The built-in drills: every scenarios/drills/*.json bundled as text, with
 * the scenario each one extends (a built-in in scenarios/, see
 * src/app/scenarios.ts). The worker validates both on load.
 */
import { builtinById } from '../scenarios.ts';

const files = import.meta.glob('../../../scenarios/drills/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface BuiltinDrill {
  id: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  scenarioId: string;
  text: string;
}

function entry(path: string, text: string): BuiltinDrill | null {
  const base = path
    .split('/')
    .pop()!
    .replace(/\.json$/, '');
  if (base.endsWith('.schema')) return null;
  try {
    const j = JSON.parse(text) as {
      id?: unknown;
      name?: { zh?: string; en?: string };
      description?: { zh: string; en: string };
      scenario?: unknown;
    };
    const id = typeof j.id === 'string' ? j.id : base;
    return {
      id,
      name: { zh: j.name?.zh ?? id, en: j.name?.en ?? id },
      description: j.description,
      scenarioId: typeof j.scenario === 'string' ? j.scenario : '',
      text,
    };
  } catch {
    return null;
  }
}

export const BUILTIN_DRILLS: BuiltinDrill[] = Object.entries(files)
  .map(([p, t]) => entry(p, t))
  .filter((d): d is BuiltinDrill => d !== null)
  .sort((a, b) => a.id.localeCompare(b.id));

export function drillById(id: string): BuiltinDrill | undefined {
  return BUILTIN_DRILLS.find((d) => d.id === id);
}

/** The scenario text a built-in drill extends, or undefined. */
export function scenarioTextFor(d: BuiltinDrill): string | undefined {
  return builtinById(d.scenarioId)?.text;
}
