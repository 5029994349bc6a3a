/**
 * Verdicts: what a comparison may honestly call better, worse or cheaper.
 *
 * A significant difference (its 95 % CI excludes 0, see compare.ts) says
 * that B changed a figure; whether that is good depends on the figure:
 *
 * - service outcomes have a direction: more SLA attainment, coverage or
 *   closed cases is *better*, longer waits, responses or backlog *worse*;
 * - resources spent (staff-hours, staff cost, overtime) are not outcomes:
 *   fewer of them is *cheaper*, more is *costlier*, never better or worse
 *   in itself. Saving staff-hours by covering fewer grid-hours is a cut, and
 *   calling it "significant · better" (as the A/B table once did) sells the
 *   cut as an improvement;
 * - counts of what happened regardless of the plan (cases arrived) and
 *   utilisation (high is busy, low is idle) have no direction.
 *
 * The verdict of the whole comparison puts service first: coverage index
 * and SLA attainment decide whether B covers better, worse, mixed or no
 * differently; the cost sentence follows, and when coverage worsened while
 * staff-hours fell it says in so many words that B is cheaper, not better.
 * When A and B roster different headcounts (a grid-size change with
 * per-grid teams), a third sentence says so (headcount.ts). When their
 * grids differ, a last one warns that the coverage index counts grid-hours,
 * a unit that is not the same on both sides, while SLA attainment counts
 * cases and compares directly.
 *
 * Every sentence is given in Chinese and English. Pure.
 */
import type { KpiName } from './aggregate.ts';
import type { Comparison, Difference } from './compare.ts';
import { fmtCount, headcountChange, type Headcount, type HeadcountChange } from './headcount.ts';

/** How a KPI's difference is judged: higher/lower is better, a resource (lower is cheaper), or no direction. */
export type KpiDirection = 'higher' | 'lower' | 'cost' | null;

export const KPI_DIRECTION: Record<KpiName, KpiDirection> = {
  casesArrived: null,
  casesClosed: 'higher',
  meanWaitS: 'lower',
  p50WaitS: 'lower',
  p90WaitS: 'lower',
  p95WaitS: 'lower',
  meanQueueWaitS: 'lower',
  p90QueueWaitS: 'lower',
  meanResponseS: 'lower',
  p50ResponseS: 'lower',
  p90ResponseS: 'lower',
  p95ResponseS: 'lower',
  meanResolutionS: 'lower',
  p50ResolutionS: 'lower',
  p90ResolutionS: 'lower',
  p95ResolutionS: 'lower',
  slaAttainment: 'higher',
  coverageIndex: 'higher',
  staffHours: 'cost',
  utilisation: null,
  overtimeHours: 'cost',
  meanBacklog: 'lower',
  costCny: 'cost',
  casesOpenAfterDrain: 'lower',
};

/** The word for one KPI's difference; null when it is not significant or has no direction. */
export type KpiVerdict = 'better' | 'worse' | 'cheaper' | 'costlier' | null;

export function kpiVerdict(kpi: KpiName, d: Difference): KpiVerdict {
  const dir = KPI_DIRECTION[kpi];
  const m = d.diff.mean;
  if (!d.significant || dir === null || m === null || m === 0) return null;
  if (dir === 'cost') return m < 0 ? 'cheaper' : 'costlier';
  return m > 0 === (dir === 'higher') ? 'better' : 'worse';
}

/** Bilingual words for a KPI verdict. */
export const KPI_VERDICT_WORDS: Record<Exclude<KpiVerdict, null>, { zh: string; en: string }> = {
  better: { zh: '改善', en: 'better' },
  worse: { zh: '变差', en: 'worse' },
  cheaper: { zh: '更省', en: 'cheaper' },
  costlier: { zh: '更费', en: 'costlier' },
};

export type CoverageVerdict = 'improved' | 'worsened' | 'mixed' | 'unchanged' | 'unknown';
export type CostVerdict = 'cheaper' | 'costlier' | 'unchanged' | 'unknown';

export interface ComparisonVerdict {
  /** By coverage index and SLA attainment (significant changes only). */
  coverage: CoverageVerdict;
  /** By staff-hours, else staff cost. */
  cost: CostVerdict;
  /** Each KPI's word. */
  kpis: Record<KpiName, KpiVerdict>;
  /** How B's rostered headcount differs from A's; null when equal or not known. */
  headcount: HeadcountChange | null;
  /** The verdict in sentences: coverage, cost, then headcount when it changed. */
  lines: { zh: string; en: string }[];
}

/** The service KPIs that decide coverage. */
export const COVERAGE_KPIS = ['coverageIndex', 'slaAttainment'] as const;

const minus = (s: string) => s.replace(/^-/, '−');
const signedPp = (x: number) => minus(`${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`);
const signedCount = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + fmtCount(Math.abs(x));

const COVERAGE_NAMES = {
  coverageIndex: { zh: '覆盖指数', en: 'coverage index' },
  slaAttainment: { zh: '按时率', en: 'SLA attainment' },
};

/**
 * The verdict of a comparison, with `headcount` (A's and B's, from
 * headcount.ts) when known.
 */
export function comparisonVerdict(c: Comparison, headcount?: { a: Headcount; b: Headcount } | null): ComparisonVerdict {
  const kpis = {} as Record<KpiName, KpiVerdict>;
  for (const k of Object.keys(KPI_DIRECTION) as KpiName[]) kpis[k] = c.kpis[k] ? kpiVerdict(k, c.kpis[k]) : null;

  // coverage
  const cov = COVERAGE_KPIS.map((k) => ({ k, d: c.kpis[k] }));
  const judged = cov.filter((x) => x.d.significant !== null && x.d.diff.mean !== null);
  const up = judged.some((x) => x.d.significant && x.d.diff.mean! > 0);
  const down = judged.some((x) => x.d.significant && x.d.diff.mean! < 0);
  const coverage: CoverageVerdict =
    judged.length === 0 ? 'unknown' : up && down ? 'mixed' : down ? 'worsened' : up ? 'improved' : 'unchanged';
  const parts = (lang: 'zh' | 'en') =>
    judged
      .map(({ k, d }) => {
        const sig = d.significant
          ? lang === 'zh'
            ? '显著'
            : 'significant'
          : lang === 'zh'
            ? '不显著'
            : 'not significant';
        return lang === 'zh'
          ? `${COVERAGE_NAMES[k].zh} ${signedPp(d.diff.mean!)} 个百分点（${sig}）`
          : `${COVERAGE_NAMES[k].en} ${signedPp(d.diff.mean!)} pp (${sig})`;
      })
      .join(lang === 'zh' ? '，' : ', ');
  const lines: { zh: string; en: string }[] = [];
  switch (coverage) {
    case 'improved':
      lines.push({ zh: `覆盖改善：${parts('zh')}。`, en: `Coverage improved: ${parts('en')}.` });
      break;
    case 'worsened':
      lines.push({ zh: `覆盖变差：${parts('zh')}。`, en: `Coverage worsened: ${parts('en')}.` });
      break;
    case 'mixed':
      lines.push({ zh: `覆盖有升有降：${parts('zh')}。`, en: `Coverage is mixed: ${parts('en')}.` });
      break;
    case 'unchanged':
      lines.push({ zh: `覆盖无显著变化：${parts('zh')}。`, en: `No significant change in coverage: ${parts('en')}.` });
      break;
    case 'unknown':
      lines.push({ zh: '覆盖：配对重复不足 2 次，无法判断。', en: 'Coverage: fewer than 2 pairs, no verdict.' });
      break;
  }

  // cost
  const sh = c.kpis.staffHours,
    cny = c.kpis.costCny;
  const by = sh.significant ? sh : cny.significant ? cny : sh;
  const cost: CostVerdict =
    by.significant === null || by.diff.mean === null
      ? 'unknown'
      : !by.significant || by.diff.mean === 0
        ? 'unchanged'
        : by.diff.mean < 0
          ? 'cheaper'
          : 'costlier';
  const amounts = (lang: 'zh' | 'en') => {
    const out: string[] = [];
    if (sh.diff.mean !== null)
      out.push(lang === 'zh' ? `人员工时 ${signedCount(sh.diff.mean)} h` : `staff-hours ${signedCount(sh.diff.mean)}`);
    if (cny.diff.mean !== null)
      out.push(
        lang === 'zh'
          ? `人力成本 ${signedCount(Math.round(cny.diff.mean))} 元`
          : `staff cost ${signedCount(Math.round(cny.diff.mean))} CNY`,
      );
    return out.join(lang === 'zh' ? '，' : ', ');
  };
  const costlyCut = coverage === 'worsened' || coverage === 'mixed';
  switch (cost) {
    case 'cheaper':
      lines.push(
        costlyCut
          ? {
              zh: `${amounts('zh')}：B 更省，但不是更好——省下的是服务。`,
              en: `${cap(amounts('en'))}: B is cheaper, not better — the saving is paid for in service.`,
            }
          : { zh: `${amounts('zh')}：B 更省。`, en: `${cap(amounts('en'))}: B is cheaper.` },
      );
      break;
    case 'costlier':
      lines.push(
        coverage === 'improved'
          ? { zh: `${amounts('zh')}：改善的代价。`, en: `${cap(amounts('en'))}: the cost of the improvement.` }
          : {
              zh: `${amounts('zh')}：B 更费${costlyCut ? '，覆盖却变差' : ''}。`,
              en: `${cap(amounts('en'))}: B costs more${costlyCut ? ' and covers worse' : ''}.`,
            },
      );
      break;
    case 'unchanged':
      lines.push({
        zh: `人员工时与成本无显著变化（${amounts('zh')}）。`,
        en: `No significant change in staff-hours or cost (${amounts('en')}).`,
      });
      break;
    case 'unknown':
      break;
  }

  const change = headcount ? headcountChange(headcount.a, headcount.b) : null;
  if (change) lines.push(change.message);
  if (!c.byGrid.sameGrids) {
    lines.push({
      zh: `注意：A、B 的责任网格不同（${c.byGrid.gridsA} 个对 ${c.byGrid.gridsB} 个）。覆盖指数按“网格×小时”计，两边的单位大小不同，差异有一部分来自定义本身；按时率按案件计，可直接比较。`,
      en: `Note: A and B have different responsibility grids (${c.byGrid.gridsA} vs ${c.byGrid.gridsB}). The coverage index counts grid-hours, a unit of a different size on each side, so part of its difference is the definition; SLA attainment counts cases and compares directly.`,
    });
  }
  return { coverage, cost, kpis, headcount: change, lines };
}

/** The verdict as reports carry it (CLI and app JSON): no per-KPI words, a flag for the headcount. */
export interface VerdictReport {
  coverage: CoverageVerdict;
  cost: CostVerdict;
  headcountChanged: boolean;
  lines: { zh: string; en: string }[];
}

export function verdictReport(c: Comparison, headcount?: { a: Headcount; b: Headcount } | null): VerdictReport {
  const v = comparisonVerdict(c, headcount);
  return { coverage: v.coverage, cost: v.cost, headcountChanged: v.headcount !== null, lines: v.lines };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
