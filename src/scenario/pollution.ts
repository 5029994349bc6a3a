/**
 * Test helper: is Object.prototype (or Array.prototype) still as the
 * runtime made it? A prototype-pollution bug leaves an extra member there
 * (`({}).polluted === 1`), which every later object then inherits.
 */
const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();
const FUNCTION_KEYS = Object.getOwnPropertyNames(Function.prototype).sort();

/** Members added to the built-in prototypes since this module loaded (empty when clean). */
export function pollution(): string[] {
  const added = (now: string[], before: string[], where: string) =>
    now.filter((k) => !before.includes(k)).map((k) => `${where}.${k}`);
  return [
    ...added(Object.getOwnPropertyNames(Object.prototype), OBJECT_KEYS, 'Object.prototype'),
    ...added(Object.getOwnPropertyNames(Array.prototype), ARRAY_KEYS, 'Array.prototype'),
    ...added(Object.getOwnPropertyNames(Function.prototype), FUNCTION_KEYS, 'Function.prototype'),
  ];
}

/** Undo any pollution (so that one failing test does not fail the rest of its file). */
export function cleanPrototypes(): void {
  for (const k of Object.getOwnPropertyNames(Object.prototype))
    if (!OBJECT_KEYS.includes(k)) delete (Object.prototype as Record<string, unknown>)[k];
  for (const k of Object.getOwnPropertyNames(Array.prototype))
    if (!ARRAY_KEYS.includes(k)) delete (Array.prototype as unknown as Record<string, unknown>)[k];
  for (const k of Object.getOwnPropertyNames(Function.prototype))
    if (!FUNCTION_KEYS.includes(k)) delete (Function.prototype as unknown as Record<string, unknown>)[k];
}
