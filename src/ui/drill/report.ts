/**
 * The drill's readable report: one self-contained HTML page (inline CSS, no
 * request anywhere) that reads well on screen and prints well (@media
 * print: A4, black on white, tables that do not break inside a row, no
 * buttons; the wide case table on landscape pages). It carries the drill and its scenario (hash, seed), the scores
 * side by side (trainee, automatic-dispatch baseline, and the what-if
 * staffing plan when one was run), in a drill with seats each seat's
 * score (its grids, cases, on-time share and the score's three parts,
 * beside its baseline; src/app/drill/record.ts `seatReport`), the
 * timeline of injects and actions, and every case's score (and seat).
 */
import type { DrillRecord } from '../../client/drillClient.ts';
import type { CaseScore, DrillScore } from '../../drill/scoring.ts';
import { timeOfDay } from '../format.ts';
import { intlLocale } from '../../i18n/lang.ts';
import { translator, pick, type T } from './i18n/index.ts';
import { describeAction, describeInject, namesFromScenario } from './describe.ts';
import { fmtDuration } from './model.ts';
import { SCORE_METRICS, matchBaseline, verdictKey } from './scoreMetrics.ts';
import type { Action, Inject } from '../../drill/schema.ts';
import { seatReport, withoutLiveDuplicates, type SeatReportRow } from '../../app/drill/record.ts';
import type { ReportOptions } from '../../app/drill/review.ts';

export type { ReportOptions };

/**
 * A moment in the report's language, in the local time of the browser that
 * writes the report, with its offset: "2026年11月30日星期一 23:17（GMT+8）",
 * "Monday, November 30, 2026, 23:17 (GMT+8)". Not a date (a test's
 * placeholder): the text as given.
 */
export function fmtLocalDateTime(iso: string, lang: ReportOptions['lang'], timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const loc = intlLocale(lang);
  const date = new Intl.DateTimeFormat(loc, { dateStyle: 'full', timeZone }).format(d);
  const time = new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    d,
  );
  const zone =
    new Intl.DateTimeFormat(loc, { timeZoneName: 'shortOffset', timeZone })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return lang === 'en' ? `${date}, ${time}${zone ? ` (${zone})` : ''}` : `${date} ${time}${zone ? `（${zone}）` : ''}`;
}

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
  :root { color-scheme: light; }
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 24px auto; max-width: 1080px; padding: 0 16px; color: #111; background: #fff; font-size: 13px; line-height: 1.45; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 2px solid #222; padding-bottom: 3px; }
  .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0; }
  .meta dt { color: #555; }
  .meta dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #eef1f5; font-weight: 600; }
  td.num, th.num { text-align: right; }
  table.summary { width: auto; min-width: 55%; }
  table.summary td.num, table.summary th.num { min-width: 110px; }
  table.seats th, table.seats td { padding: 3px 5px; }
  table.seats thead th { font-size: 11.5px; white-space: nowrap; vertical-align: bottom; }
  table.seats tr.total td, table.seats tr.total th { border-top: 2px solid #222; font-weight: 600; }
  table.seats .grids { font-size: 11px; color: #444; }
  table.seats .sub { display: block; color: #555; font-size: 11px; font-weight: 400; }
  .bad { color: #a40000; font-weight: 600; }
  .good { color: #0a5c1f; }
  .note { color: #444; font-size: 12px; }
  .toolbar { position: sticky; top: 0; background: #fff; padding: 8px 0; display: flex; gap: 8px; border-bottom: 1px solid #ddd; }
  .toolbar button { font: inherit; padding: 4px 12px; }
  @media print {
    @page { size: A4; margin: 14mm 12mm; }
    /* 2 px inside the page margin on each side: a full-width table's outer border (half of it outside the
       table's box in the collapsed model) would otherwise lie on the margin's edge and be cut off */
    body { margin: 0; max-width: none; padding: 0 2px; font-size: 10.5pt; }
    table.seats { font-size: 9pt; }
    table.seats thead th { font-size: 8.5pt; }
    /* the case table (17 columns) prints on landscape A4 pages of its own, small and tight */
    @page cases { size: A4 landscape; margin: 12mm; }
    .cases-page { page: cases; }
    table.cases { font-size: 8pt; }
    table.cases th, table.cases td { padding: 1px 3px; }
    table.cases td.num, table.cases td.t { white-space: nowrap; }
    .no-print { display: none !important; }
    h2 { break-after: avoid; }
    tr, .meta { break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
`;

function fmtMetric(key: (typeof SCORE_METRICS)[number]['key'], s: DrillScore | null): string {
  if (!s) return '—';
  const v = s[key];
  if (v === null || v === undefined) return '—';
  return key === 'onTimeShare' || key === 'priorityShare' ? `${(v * 100).toFixed(1)}%` : String(v);
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const pts = (v: number) => v.toFixed(1);

/** The report's table of seats: one row per seat, then the whole drill's. */
function seatTable(rows: SeatReportRow[], total: SeatReportRow, t: T, lang: ReportOptions['lang']): string {
  const th = (k: Parameters<T>[0], num = true) => `<th${num ? ' class="num"' : ''}>${esc(t(k))}</th>`;
  const tr = (r: SeatReportRow) => {
    const name = r.name ? pick(lang, r.name) : t('seatReport.total');
    const grids = r.grids === 'all' ? t('seatReport.scopeAll') : r.grids.join(', ');
    return (
      `<tr data-seat="${esc(r.seat)}" data-score="${r.score}" data-cases="${r.cases}"${r.name ? '' : ' class="total"'}>` +
      `<th scope="row">${esc(name)}<span class="grids sub">${esc(grids)}</span></th>` +
      `<td class="num">${r.cases}</td><td class="num">${r.byTrainee}</td>` +
      `<td class="num" data-metric="onTimeShare">${esc(pct(r.onTimeShare))}</td><td class="num">${r.late}</td>` +
      `<td class="num">${esc(pct(r.priorityShare))}</td>` +
      `<td class="num" data-part="onTime">${pts(r.parts.onTime)}</td><td class="num" data-part="notLate">${pts(r.parts.notLate)}</td>` +
      `<td class="num" data-part="order">${pts(r.parts.order)}</td>` +
      `<td class="num"><strong>${r.score}</strong></td>` +
      `<td class="num">${r.baseline.score}<span class="sub">${esc(pct(r.baseline.onTimeShare))}</span></td></tr>`
    );
  };
  const part = (k: Parameters<T>[0], n: number) =>
    `<th class="num">${esc(t(k))}<span class="sub">${esc(t('seatReport.outOf', { n }))}</span></th>`;
  return (
    `<table class="seats" data-testid="seat-scores"><thead><tr>${th('seats.seat', false)}${th('seatReport.cases')}${th('seatReport.byTrainee')}` +
    `${th('seatReport.onTime')}${th('seatReport.late')}${th('seatReport.order')}${part('seatReport.partOnTime', 50)}${part('seatReport.partNotLate', 30)}` +
    `${part('seatReport.partOrder', 20)}${th('seats.score')}${th('seats.baseline')}</tr></thead><tbody>` +
    rows.map(tr).join('') +
    tr(total) +
    '</tbody></table>'
  );
}

function caseCells(c: CaseScore | undefined, t: T): string {
  if (!c) return '<td colspan="5">—</td>';
  const resp = c.responseS === null ? '—' : (c.responseS / 60).toFixed(1);
  const v = t(verdictKey(c.onTime));
  return (
    `<td class="t">${c.dispatchedS === null ? '—' : esc(timeOfDay(c.dispatchedS))}</td><td class="num">${esc(resp)}</td>` +
    `<td class="${c.onTime === false ? 'bad' : c.onTime ? 'good' : ''}">${esc(v)}</td><td class="${c.late ? 'bad' : ''}">${esc(t(c.late ? 'cases.lateYes' : 'cases.lateNo'))}</td>` +
    `<td class="num">${c.inversions}</td>`
  );
}

export function renderReport(rec: DrillRecord, o: ReportOptions): string {
  const t = translator(o.lang);
  const lang = o.lang;
  const names = namesFromScenario(rec.scenario, lang);
  const startS = rec.drill.startHour * 3600;
  const endS = startS + rec.drill.durationMin * 60;
  const cols: { label: string; s: DrillScore | null }[] = [
    { label: t('score.trainee'), s: rec.score },
    { label: t('score.baseline'), s: rec.baseline },
    ...(o.whatIf ? [{ label: t('score.whatIf'), s: o.whatIf.score }] : []),
  ];
  const summary =
    `<table class="summary"><thead><tr><th>${esc(t('score.metric'))}</th>${cols.map((c) => `<th class="num">${esc(c.label)}</th>`).join('')}</tr></thead><tbody>` +
    SCORE_METRICS.map(
      (m) =>
        `<tr><td>${esc(t(m.label))}</td>${cols.map((c) => `<td class="num" data-metric="${m.key}">${esc(fmtMetric(m.key, c.s))}</td>`).join('')}</tr>`,
    ).join('') +
    '</tbody></table>';

  const whatIf = o.whatIf
    ? `<p>${esc(t('whatIf.planLabel'))}: ${esc(
        Object.entries(o.whatIf.deltas)
          .filter(([, d]) => d !== 0)
          .map(([team, d]) => `${names.team(team)} ${d > 0 ? '+' : ''}${d}`)
          .join('; ') || t('whatIf.noChange'),
      )}</p>`
    : '';

  const timeline =
    `<table><thead><tr><th>${esc(t('timeline.time'))}</th><th>${esc(t('timeline.elapsed'))}</th><th>${esc(t('timeline.kind'))}</th><th>${esc(t('timeline.detail'))}</th></tr></thead><tbody>` +
    withoutLiveDuplicates(rec.timeline)
      .map((e) => {
        const kind =
          e.kind === 'action'
            ? t(`kind.action.${(e.detail as Action).kind}`)
            : t(`kind.inject.${(e.detail as Inject).kind}`);
        const detail =
          e.kind === 'action'
            ? describeAction(e.detail as Action, t, lang, names)
            : describeInject(e.detail as Inject, t, lang, names);
        return `<tr><td>${esc(timeOfDay(e.tS))}</td><td class="num">T+${esc(fmtDuration(e.tS - startS, true))}</td><td>${esc(kind)}</td><td>${esc(detail)}</td></tr>`;
      })
      .join('') +
    '</tbody></table>';

  const seatRows = seatReport(rec);
  const seatOf = new Map<number, string>();
  for (const x of rec.seatScores ?? []) {
    const seat = rec.drill.seats?.find((y) => y.id === x.seat);
    for (const c of x.score.cases) seatOf.set(c.caseId, seat ? pick(lang, seat.name) : x.seat);
  }
  const withSeats = seatRows.seats.length > 0;
  const seatsSection = withSeats
    ? `<h2>${esc(t('report.seats'))}</h2>\n${seatTable(seatRows.seats, seatRows.total, t, lang)}\n<p class="note">${esc(t('report.seatsNote'))}</p>`
    : '';

  const base = matchBaseline(rec.score.cases, rec.baseline.cases, o.edited);
  const head5 = `<th>${esc(t('cases.dispatched'))}</th><th class="num">${esc(t('cases.responseMin'))}</th><th>${esc(t('cases.onTime'))}</th><th>${esc(t('cases.late'))}</th><th class="num">${esc(t('cases.inversions'))}</th>`;
  const cases =
    `<table class="cases"><thead><tr><th colspan="${withSeats ? 6 : 5}"></th><th colspan="6">${esc(t('score.trainee'))}</th><th colspan="5">${esc(t('score.baseline'))}</th></tr>` +
    `<tr><th class="num">${esc(t('cases.id'))}</th>${withSeats ? `<th>${esc(t('cases.seat'))}</th>` : ''}<th>${esc(t('cases.type'))}</th><th>${esc(t('cases.priority'))}</th><th>${esc(t('cases.filed'))}</th><th>${esc(t('cases.due'))}</th><th>${esc(t('cases.by'))}</th>${head5}${head5}</tr></thead><tbody>` +
    rec.score.cases
      .map(
        (c) =>
          `<tr><td class="num">${c.caseId}</td>${withSeats ? `<td>${esc(seatOf.get(c.caseId) ?? '—')}</td>` : ''}<td>${esc(names.type(c.type))}</td><td class="t">P${c.priority}</td>` +
          `<td class="t">${c.filedS < 0 ? '—' : esc(timeOfDay(c.filedS))}</td><td class="t">${esc(timeOfDay(c.responseDueS))}</td><td>${esc(t(`cases.by.${c.by}`))}</td>` +
          `${caseCells(c, t)}${caseCells(base.get(c.caseId), t)}</tr>`,
      )
      .join('') +
    '</tbody></table>';

  const generatedAt = o.generatedAt ?? new Date().toISOString();
  const scope = rec.drill.scope.grids === 'all' ? t('meta.scopeAll') : rec.drill.scope.grids.join(', ');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${esc(t('report.title', { name: pick(lang, rec.drill.name) }))}</title>
<style>${CSS}</style>
</head>
<body data-report="drill" data-score="${rec.score.score}" data-baseline="${rec.baseline.score}">
<div class="toolbar no-print"><button type="button" onclick="window.print()">${esc(t('report.print'))}</button></div>
<h1>${esc(t('report.title', { name: pick(lang, rec.drill.name) }))}</h1>
${rec.drill.description ? `<p>${esc(pick(lang, rec.drill.description))}</p>` : ''}
<dl class="meta">
<dt>${esc(t('meta.scenario'))}</dt><dd>${esc(pick(lang, rec.scenario.name))} (${esc(rec.scenario.id)})</dd>
<dt>${esc(t('meta.hash'))}</dt><dd><code>${esc(rec.scenarioHash)}</code></dd>
<dt>${esc(t('meta.seed'))}</dt><dd>${rec.seed}</dd>
<dt>${esc(t('meta.window'))}</dt><dd>${esc(timeOfDay(startS))}–${esc(timeOfDay(endS))} (${rec.drill.durationMin} ${esc(t('unit.minutes'))})</dd>
<dt>${esc(t('meta.scope'))}</dt><dd>${esc(scope)}</dd>
<dt>${esc(t('meta.actions'))}</dt><dd>${rec.actions.length}</dd>
${rec.endedAt ? `<dt>${esc(t('meta.date'))}</dt><dd data-iso="${esc(rec.endedAt)}">${esc(fmtLocalDateTime(rec.endedAt, lang))}</dd>\n` : ''}<dt>${esc(t('meta.app'))}</dt><dd data-iso="${esc(generatedAt)}">AllWeather ${esc(o.appVersion)} · ${esc(fmtLocalDateTime(generatedAt, lang))}</dd>
</dl>
<h2>${esc(t('report.scores'))}</h2>
${summary}
${whatIf}
<p class="note">${esc(t('score.formula'))}</p>
<p class="note">${esc(t(o.edited ? 'score.baselineNoteEdited' : 'score.baselineNote'))}</p>
${seatsSection}
<h2>${esc(t('report.timeline'))}</h2>
${timeline}
<section class="cases-page">
<h2>${esc(t('report.cases', { n: rec.score.n }))}</h2>
${cases}
</section>
</body>
</html>
`;
}
