/**
 * Is a message small enough to look at?
 *
 * A BroadcastChannel hands the receiver whatever any page of the origin
 * posted, already deserialised (a structured clone): a number, `null`, an
 * object a million levels deep, an array of ten million entries, a string of
 * a hundred megabytes. Before a schema walks it field by field, this walk
 * looks at it once, cheaply, and gives up as soon as it is clearly too big:
 *
 *   values      how many values it visits in all (objects, arrays, strings, numbers…)
 *   depth       how deeply objects nest
 *   stringChars the longest string
 *   arrayItems  the longest array (checked on `length`, before any item is read)
 *   typedBytes  bytes in typed arrays and buffers together (they are not walked)
 *
 * The work is bounded by `values` whatever the input, a cycle included (it
 * simply runs out of budget). A key named `__proto__` is refused outright:
 * no message of ours has one, and copying it onto an object would change
 * that object's prototype. The verdict is `ok`, `size` or `shape`; the
 * schema then decides whether the message is one of ours.
 */

export interface MessageLimits {
  values: number;
  depth: number;
  stringChars: number;
  arrayItems: number;
  typedBytes: number;
}

export type BudgetVerdict = 'ok' | 'size' | 'shape';

export function checkBudget(message: unknown, limits: MessageLimits): BudgetVerdict {
  const stack: { v: unknown; depth: number }[] = [{ v: message, depth: 0 }];
  let values = 0;
  let bytes = 0;
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (++values > limits.values) return 'size';
    if (typeof v === 'string') {
      if (v.length > limits.stringChars) return 'size';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.depth) return 'size';
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      bytes += v.byteLength;
      if (bytes > limits.typedBytes) return 'size';
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > limits.arrayItems || values + stack.length + v.length > limits.values) return 'size';
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.arrayItems || values + stack.length + keys.length > limits.values) return 'size';
    for (const k of keys) {
      if (k === '__proto__') return 'shape';
      stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 });
    }
  }
  return 'ok';
}
