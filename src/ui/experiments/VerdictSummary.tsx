/**
 * The comparison's verdict in sentences (analysis/verdict.ts), in the UI
 * language: coverage first (improved, worsened, mixed, no significant
 * change), then cost (fewer staff-hours are "cheaper", never "better"; when
 * coverage fell, it says B is cheaper, not better), then — when A and B
 * roster different headcounts or have different grids — what that means.
 * `data-coverage`, `data-cost` and `data-headcount-changed` carry the
 * verdict for tests.
 */
import type { Comparison } from '../../analysis/compare.ts';
import type { Headcount } from '../../analysis/headcount.ts';
import { comparisonVerdict } from '../../analysis/verdict.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';

export interface VerdictSummaryProps {
  comparison: Comparison;
  /** A's and B's rostered headcount, when known. */
  headcount: { a: Headcount; b: Headcount } | null;
}

export function VerdictSummary({ comparison, headcount }: VerdictSummaryProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const v = comparisonVerdict(comparison, headcount);
  const warn = v.coverage === 'worsened' || v.coverage === 'mixed' || v.headcount !== null;
  return (
    <section
      className={`note verdict-summary ${warn ? 'warn' : ''}`}
      data-testid="cmp-verdict"
      data-coverage={v.coverage}
      data-cost={v.cost}
      data-headcount-changed={String(v.headcount !== null)}
      aria-label={t('cmp.verdict')}
    >
      <strong>{t('cmp.verdict')}</strong>
      {v.lines.map((l, i) => (
        <p key={i} className="verdict-line">
          {pickName(lang, l)}
        </p>
      ))}
    </section>
  );
}
