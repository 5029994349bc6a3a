/**
 * Test support: random damage to JSON files, for property-based tests of the
 * validators (fuzz.test.ts here, src/cli/fuzz.test.ts) with fast-check.
 *
 * A validator's promise is total: whatever text it is given, it returns
 * (ok, or errors that each name a JSON path in Chinese and English) and
 * never throws, hangs or writes onto a prototype. Hand-written tests check
 * the mistakes we thought of; a fuzzer checks the ones we did not, by
 * taking a good file and breaking it at random places:
 *
 *     fc.assert(fc.property(mutationsArb, (ms) => {
 *       const text = render(mutate(baseline, ms));   // a damaged baseline-weekday.json
 *       expectWellFormed(parseScenario(text));
 *     }), { seed: 10, numRuns: 60 });
 *
 * A `Mutation` picks a node of the document by number (modulo the number of
 * nodes, so any integer is a valid pick and fast-check can shrink it) and
 * deletes it, replaces it with a nasty value, adds a key beside it (own
 * `__proto__`, `constructor`, `prototype` keys included), turns an array
 * into an object or back, or gives it a wrong type; `renumber` picks a
 * number of the document and puts another one there (0, -1, 1e308, ...),
 * which keeps the shape and so reaches the cross-field checks. Nasty values: random
 * JSON, huge and tiny numbers, "NaN"-like strings, and three that
 * `JSON.stringify` cannot write, spliced into the text by `render`:
 * 1e999 (Infinity after parsing), -1e999, and nesting 20 000 levels deep.
 *
 * Test-only (imports fast-check, a devDependency); pure otherwise.
 */
import fc from 'fast-check';

type Key = string | number;
type Container = Record<string, unknown> | unknown[];

/** Sentinel strings that `render` replaces with JSON text JSON.stringify cannot produce. */
const SPLICE: Record<string, string> = {
  '§inf§': '1e999',
  '§-inf§': '-1e999',
  '§deep-array§': `${'['.repeat(20_000)}1${']'.repeat(20_000)}`,
  '§deep-object§': `${'{"a":'.repeat(20_000)}{"__proto__":{"polluted":1}}${'}'.repeat(20_000)}`,
};

/** An object with `key` as an OWN property, even for "__proto__" (plain assignment would set the prototype). */
export function withOwnKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  return obj;
}

/** Values that break files: wrong types, extremes, prototype keys, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    1e21,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    4294967296,
    1e9,
    5e-324,
    -0,
    -1,
    0,
    0.5,
    25,
  ),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '0x1F',
    '',
    ' ',
    '12',
    '１２',
    'null',
    'true',
    '08:00+2',
    '24:01',
    '\u0000',
    'x'.repeat(10_000),
  ),
  fc.constantFrom(...Object.keys(SPLICE)),
  fc.constantFrom(true, false, null, [], {}),
  fc.jsonValue({ maxDepth: 2 }).map((v) => withOwnKey({}, '__proto__', v)),
  fc.constantFrom('__proto__', 'constructor', 'prototype'),
);

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'reshape'; at: number }
  | { op: 'retype'; at: number }
  | { op: 'renumber'; at: number; value: number };

const at = fc.nat();
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at }),
  fc.record({ op: fc.constant('replace' as const), at, value: nastyValue }),
  fc.record({
    op: fc.constant('addKey' as const),
    at,
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'extra', 'toString'),
      fc.string({ maxLength: 8 }),
    ),
    value: nastyValue,
  }),
  fc.record({ op: fc.constant('reshape' as const), at }),
  fc.record({ op: fc.constant('retype' as const), at }),
  // a number swapped for another keeps the file's shape, so it reaches the cross-field checks (and can make a valid but huge scenario)
  renumberArb(),
);

function renumberArb(): fc.Arbitrary<Mutation> {
  const value = fc.oneof(
    fc.constantFrom(0, 1, -1, 2, 1e9, 1e15, 1e308, 2 ** 31, 0.5, 1e-9),
    fc.integer({ min: -1000, max: 100_000 }),
  );
  return fc.record({ op: fc.constant('renumber' as const), at, value });
}

/** One to `max` renumberings only: files of the right shape with odd or huge numbers. */
export const renumbersArb = (max = 3) => fc.array(renumberArb(), { minLength: 1, maxLength: max });

/** One to `max` mutations, applied in order. */
export const mutationsArb = (max = 5) => fc.array(mutationArb, { minLength: 1, maxLength: max });

/** Every node's path (the root `[]` first), walked iteratively. */
function nodePaths(doc: unknown): Key[][] {
  const out: Key[][] = [];
  const stack: { v: unknown; p: Key[] }[] = [{ v: doc, p: [] }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    out.push(p);
    if (typeof v !== 'object' || v === null) continue;
    const entries: [Key, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i][1], p: [...p, entries[i][0]] });
  }
  return out;
}

/** Own-property read (the harness must not follow "__proto__" onto a prototype either). */
const own = (c: unknown, k: Key): unknown =>
  typeof c === 'object' && c !== null && Object.hasOwn(c, k) ? (c as Record<Key, unknown>)[k] : undefined;

function setOwn(parent: Container, key: Key, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else withOwnKey(parent, String(key), value);
}

function reshaped(v: unknown): unknown {
  if (Array.isArray(v)) {
    const o: Record<string, unknown> = {};
    v.forEach((x, i) => withOwnKey(o, String(i), x));
    return o;
  }
  if (typeof v === 'object' && v !== null) return Object.values(v);
  return [v];
}

function retyped(v: unknown): unknown {
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'string':
      return v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v.length;
    case 'boolean':
      return v ? 'true' : 0;
    default:
      return v === null ? 0 : Array.isArray(v) ? JSON.stringify(v).slice(0, 50) : 'object';
  }
}

/** A damaged copy of `doc` (the input is not modified). */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const m of mutations) {
    let paths = nodePaths(root);
    if (m.op === 'renumber') {
      const numbers = paths.filter((p) => typeof p.reduce<unknown>((c, k) => own(c, k), root) === 'number');
      if (numbers.length > 0) paths = numbers;
    }
    const path = paths[m.at % paths.length];
    const target = path.reduce<unknown>((c, k) => own(c, k), root);
    const parent = path.slice(0, -1).reduce<unknown>((c, k) => own(c, k), root) as Container;
    const key = path[path.length - 1];
    const put = (v: unknown) => {
      if (path.length === 0) root = v;
      else setOwn(parent, key, v);
    };
    switch (m.op) {
      case 'delete':
        if (path.length === 0) root = undefined;
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key as string];
        break;
      case 'replace':
        put(structuredClone(m.value));
        break;
      case 'addKey':
        if (typeof target === 'object' && target !== null && !Array.isArray(target))
          withOwnKey(target as Record<string, unknown>, m.key, structuredClone(m.value));
        else if (Array.isArray(target)) target.push(structuredClone(m.value));
        else put(withOwnKey({}, m.key, structuredClone(m.value)));
        break;
      case 'reshape':
        put(reshaped(target));
        break;
      case 'retype':
        put(retyped(target));
        break;
      case 'renumber':
        put(typeof target === 'number' ? m.value : target);
        break;
    }
  }
  return root;
}

/** The document as JSON text, with the sentinels spliced in (a deleted root renders as an empty file). */
export function render(doc: unknown): string {
  let text = JSON.stringify(doc, null, 1) ?? '';
  for (const [sentinel, json] of Object.entries(SPLICE)) text = text.split(JSON.stringify(sentinel)).join(json);
  return text;
}

/** What every validator result must look like: ok, or at least one error, each with a JSON path and both languages. */
export function malformedResult(
  r: { ok: true } | { ok: false; errors: readonly { path: string; code: string; zh: string; en: string }[] },
): string | null {
  if (r.ok) return null;
  if (r.errors.length === 0) return 'not ok, but no error';
  for (const e of r.errors) {
    if (typeof e.path !== 'string' || !e.path.startsWith('$')) return `error without a JSON path: ${JSON.stringify(e)}`;
    if (typeof e.zh !== 'string' || e.zh.trim() === '') return `error without Chinese: ${JSON.stringify(e)}`;
    if (typeof e.en !== 'string' || e.en.trim() === '') return `error without English: ${JSON.stringify(e)}`;
    if (typeof e.code !== 'string' || e.code === '') return `error without a code: ${JSON.stringify(e)}`;
  }
  return null;
}
