/**
 * A tiny picture of an interval: a bar whose width is the half-width
 * relative to |mean| (full width at ±25 % or more), so narrowing intervals
 * visibly shrink. Decorative (aria-hidden): the numbers are in the table.
 */
import type { Estimate } from '../../analysis/aggregate.ts';

const FULL = 0.25;

export function CiBar({ estimate }: { estimate: Estimate }) {
  const { mean, ci95 } = estimate;
  if (mean === null || ci95 === null) return <span className="ci-bar empty" aria-hidden="true" />;
  const rel = Math.abs(mean) > 1e-12 ? (ci95[1] - ci95[0]) / 2 / Math.abs(mean) : ci95[1] > ci95[0] ? 1 : 0;
  const w = Math.max(2, Math.min(100, (rel / FULL) * 100));
  return (
    <span className="ci-bar" aria-hidden="true">
      <span className="ci-bar-fill" style={{ width: `${w}%` }} />
    </span>
  );
}
