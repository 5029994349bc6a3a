/**
 * The built-in scenarios: every scenarios/*.json bundled as text (the
 * schema file excepted). The id and names are read from each file without
 * full validation (the worker validates on load), on first use: parsing
 * every file at start-up cost the first task ~60 ms on a loaded machine.
 */
const files = import.meta.glob(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface BuiltinScenario {
  id: string;
  name: { zh: string; en: string };
  text: string;
}

export const DEFAULT_SCENARIO_ID = 'baseline-weekday';

function entry(path: string, text: string): BuiltinScenario | null {
  const base = path
    .split('/')
    .pop()!
    .replace(/\.json$/, '');
  if (base === 'scenario.schema' || base.endsWith('.schema')) return null;
  try {
    const j = JSON.parse(text) as { id?: unknown; name?: { zh?: unknown; en?: unknown } };
    const id = typeof j.id === 'string' ? j.id : base;
    const zh = typeof j.name?.zh === 'string' ? j.name.zh : id;
    const en = typeof j.name?.en === 'string' ? j.name.en : id;
    return { id, name: { zh, en }, text };
  } catch {
    return { id: base, name: { zh: base, en: base }, text };
  }
}

let builtins: readonly BuiltinScenario[] | null = null;

/** Built-ins, the default first, then by id. */
export function builtinScenarios(): readonly BuiltinScenario[] {
  builtins ??= Object.entries(files)
    .map(([p, t]) => entry(p, t))
    .filter((s): s is BuiltinScenario => s !== null)
    .sort((a, b) => (a.id === DEFAULT_SCENARIO_ID ? -1 : b.id === DEFAULT_SCENARIO_ID ? 1 : a.id.localeCompare(b.id)));
  return builtins;
}

export function builtinById(id: string): BuiltinScenario | undefined {
  return builtinScenarios().find((s) => s.id === id);
}
