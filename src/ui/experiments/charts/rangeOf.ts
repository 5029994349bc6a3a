/** The range a chart's axis needs to show some values (nulls skipped), padded; `fallback` when there are none. */
export function rangeOf(
  values: readonly (number | null)[],
  opts: { pad?: number; floor?: number; ceil?: number; include?: number[]; fallback?: [number, number] } = {},
): [number, number] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).concat(opts.include ?? []);
  if (xs.length === 0) return opts.fallback ?? [0, 1];
  let lo = Math.min(...xs),
    hi = Math.max(...xs);
  const pad = (hi - lo) * (opts.pad ?? 0.08) || Math.abs(hi) * 0.1 || 1;
  lo -= pad;
  hi += pad;
  if (opts.floor !== undefined) lo = Math.max(opts.floor, lo);
  if (opts.ceil !== undefined) hi = Math.min(opts.ceil, hi);
  return [lo, hi];
}
