/**
 * The calibration report as one self-contained HTML page (no script, no external file: inline CSS and SVG), in
 * Chinese and English side by side: the log's summary and warnings, then per event type observed vs fitted
 * counts by hour (bars and line) and by weekday, the handling-time fits with a Q-Q plot of the chosen family,
 * then the rows that could not be used, the new event types' defaults and the methods.
 *
 * Pure: returns a string (the CLI writes it, src/cli/calibrationReportFiles.ts; the app may offer it as a
 * download).
 */
import type { CalibrationReport, TypeReport } from './report.ts';
import { WEEKDAYS, badRowSplit } from './report.ts';

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const num = (x: number | undefined | null, digits = 3) =>
  x === undefined || x === null || !Number.isFinite(x) ? '' : Number(x.toPrecision(digits)).toString();
const h = (zh: string, en: string) => `${esc(zh)} <span class="en">${esc(en)}</span>`;

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${typeof c === 'number' ? num(c, 4) : c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Observed counts by hour as bars, fitted as a line. */
function hourChart(t: TypeReport): string {
  const W = 480,
    H = 180,
    L = 40,
    B = 24;
  const max = Math.max(1, ...t.profile.hourly.flatMap((x) => [x.observed, x.fitted]));
  const bw = (W - L - 8) / 24;
  const y = (v: number) => H - B - (v / max) * (H - B - 10);
  const bars = t.profile.hourly
    .map(
      (x) =>
        `<rect x="${L + x.hour * bw + 1}" y="${y(x.observed)}" width="${bw - 2}" height="${H - B - y(x.observed)}" fill="#9ecae1"><title>${x.hour}:00 observed ${x.observed}</title></rect>`,
    )
    .join('');
  const line = t.profile.hourly.map((x) => `${L + (x.hour + 0.5) * bw},${y(x.fitted)}`).join(' ');
  const ticks = [0, 6, 12, 18, 23]
    .map((k) => `<text x="${L + (k + 0.5) * bw}" y="${H - 6}" text-anchor="middle">${k}</text>`)
    .join('');
  return `<svg width="${W}" height="${H}" role="img" aria-label="observed vs fitted by hour">
<line x1="${L}" y1="${H - B}" x2="${W - 8}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="10" x2="${L}" y2="${H - B}" stroke="#333"/>
<text x="${L - 4}" y="14" text-anchor="end">${num(max, 3)}</text><text x="${L - 4}" y="${H - B}" text-anchor="end">0</text>
${bars}<polyline points="${line}" fill="none" stroke="#d95f02" stroke-width="2"/>${ticks}
<rect x="${W - 150}" y="8" width="10" height="10" fill="#9ecae1"/><text x="${W - 136}" y="17">观测 observed</text>
<line x1="${W - 150}" y1="30" x2="${W - 140}" y2="30" stroke="#d95f02" stroke-width="2"/><text x="${W - 136}" y="34">拟合 fitted</text></svg>`;
}

/** Q-Q of the chosen family: fitted quantile (x) against observed (y), with the diagonal. */
function qqChart(t: TypeReport): string {
  const qq = t.handling.qq;
  const fam = t.handling.chosen;
  if (!qq || !fam) return '';
  const S = 220,
    P = 36;
  const max = Math.max(...qq.flatMap((q) => [q.observed, q.fitted[fam]]).filter(Number.isFinite));
  const s = (v: number) => P + (Math.min(v, max) / max) * (S - P - 8);
  const pts = qq
    .map(
      (q) =>
        `<circle cx="${s(q.fitted[fam])}" cy="${S - s(q.observed) + P - 8}" r="2" fill="#1b9e77"><title>p=${q.p}: ${num(q.observed)} / ${num(q.fitted[fam])}</title></circle>`,
    )
    .join('');
  return `<svg width="${S}" height="${S + 10}" role="img" aria-label="Q-Q ${fam}">
<line x1="${P}" y1="${S - P + P - 8}" x2="${S - 8}" y2="${P}" stroke="#bbb" stroke-dasharray="4 3"/>
<line x1="${P}" y1="${S - 8}" x2="${S - 8}" y2="${S - 8}" stroke="#333"/><line x1="${P}" y1="${P}" x2="${P}" y2="${S - 8}" stroke="#333"/>
${pts}<text x="${S / 2}" y="${S + 8}" text-anchor="middle">拟合 fitted (${esc(fam)}), min</text>
<text x="10" y="${S / 2}" transform="rotate(-90 10 ${S / 2})" text-anchor="middle">观测 observed, min</text>
<text x="${P + 2}" y="${P + 10}">${num(max, 3)}</text></svg>`;
}

function typeSection(t: TypeReport): string {
  const test = t.profile.test;
  const choice =
    t.profile.chosen === 'base'
      ? h('沿用基础场景（案件过少）', 'base scenario’s (too few cases)')
      : h(`${t.profile.chosen} 小时`, `${t.profile.chosen} hours`);
  const fits = t.handling.fits
    ? table(
        ['分布 family', 'k', 'ln L', 'AIC', 'ΔAIC', 'KS', '参数 parameters', '选用 chosen'],
        t.handling.fits.map((f) => [
          esc(f.family),
          f.k,
          f.logLik,
          f.aic,
          f.deltaAic,
          f.ks,
          esc(
            Object.entries(f.params)
              .map(([k, v]) => `${k} = ${num(v, 4)}`)
              .join(', '),
          ),
          f.family === t.handling.chosen ? '✔' : '',
        ]),
      )
    : `<p>${h(`处置时长沿用：${JSON.stringify(t.handling.dist)}`, `handling kept: ${JSON.stringify(t.handling.dist)}`)}</p>`;
  return `<section><h2>${esc(t.id)}${t.isNew ? ' <span class="new">新 new</span>' : ''}</h2>
<p>${h('案件', 'cases')}: ${t.cases} · ${h('日均', 'per day')}: ${num(t.ratePerDay, 4)} ± ${num(t.rateSe, 2)} · ${h('到达曲线', 'profile')}: ${choice}${
    test ? ` (G = ${num(test.g, 4)}, df = ${test.df}, p = ${num(test.pValue, 3)}; α = ${test.alpha})` : ''
  } · ${h('平滑时段', 'smoothed bins')}: ${t.profile.smoothedBins} · X²(${h('按小时', 'by hour')}) = ${num(t.profile.hourX2, 4)}</p>
${t.warnings.length ? `<ul class="warn">${t.warnings.map((w) => `<li>${h(w.zh, w.en)}</li>`).join('')}</ul>` : ''}
<div class="row"><div><h3>${h('按小时：观测与拟合', 'By hour: observed and fitted')}</h3>${hourChart(t)}</div>
<div><h3>${h('按星期', 'By weekday')}</h3>${table(
    ['', '天数 days', '观测 observed', '拟合 fitted'],
    t.profile.weekday.map((w) => [`${WEEKDAYS[w.weekday].zh} ${WEEKDAYS[w.weekday].en}`, w.days, w.observed, w.fitted]),
  )}</div></div>
${
  t.spatial
    ? `<p>${h('位置权重', 'Location weights')}: ${t.spatial.cellsWithCases} ${h('个有案件的单元', 'cells with cases')}, N₁ = ${t.spatial.singletons}, floor = ${num(t.spatial.floor, 4)}, ${h('未见份额', 'unseen share')} ${num(t.spatial.unseenShare * 100, 3)} %</p>`
    : ''
}
<h3>${h('处置时长（分钟）', 'Handling time (minutes)')}: n = ${t.handling.n}${
    t.handling.mean !== undefined
      ? `, ${h('均值', 'mean')} ${num(t.handling.mean, 4)}, ${h('中位数', 'median')} ${num(t.handling.median, 4)}`
      : ''
  }</h3>
<div class="row"><div>${fits}</div><div>${qqChart(t)}</div></div></section>`;
}

export function calibrationReportHtml(r: CalibrationReport): string {
  const src = r.source;
  const split = badRowSplit(r.badRows);
  const off = `UTC${src.utcOffsetMin < 0 ? '-' : '+'}${String(Math.floor(Math.abs(src.utcOffsetMin) / 60)).padStart(2, '0')}:${String(Math.abs(src.utcOffsetMin) % 60).padStart(2, '0')}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>校准报告 / Calibration report</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1100px}
.en{color:#666;font-weight:normal}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;font-size:13px;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 6px;text-align:right}
th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}.row{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.warn li{color:#a04000}.new{font-size:12px;background:#fdd;padding:1px 6px;border-radius:3px}svg text{font-size:11px}
</style></head><body>
<h1>${h('案件记录校准报告', 'Calibration report from a case log')}</h1>
<p>${h('数据行', 'rows')}: ${src.rows} · ${h('可用', 'usable')}: ${src.usable} · ${h('天数', 'days')}: ${src.days} · ${h('起始日', 'first day')}: ${esc(src.startDate)} (${WEEKDAYS[src.startDayOfWeek].zh} ${WEEKDAYS[src.startDayOfWeek].en}, ${off}) · ${h('列', 'columns')}: ${esc(src.columns.join(', '))}</p>
${r.warnings.length ? `<ul class="warn">${r.warnings.map((w) => `<li>${h(w.zh, w.en)}</li>`).join('')}</ul>` : ''}
${r.types.map(typeSection).join('\n')}
<section><h2>${h('有问题的行', 'Rows with a problem')} (${r.badRows.total}${r.badRows.total > 0 ? `: ${h(`${split.dropped} 行未用，${split.kept} 行仅计到达`, `${split.dropped} dropped, ${split.kept} kept as arrivals`)}` : ''})</h2>
${table(
  ['原因 reason', '行数 rows', '丢弃 dropped', '说明 meaning'],
  r.badRows.byReason.map((b) => [esc(b.reason), b.count, b.dropped ? '✔' : '', h(b.zh, b.en)]),
)}
${
  r.badRows.rows.length
    ? `<h3>${h(`前 ${r.badRows.rows.length} 行`, `First ${r.badRows.rows.length} rows`)}</h3>${table(
        ['行 row', '原因 reason', '值 value'],
        r.badRows.rows.map((b) => [b.row, esc(b.reason), esc(b.value ?? '')]),
      )}`
    : ''
}</section>
${
  r.newTypes.length
    ? `<section><h2>${h('新事件类型（默认值，请核定）', 'New event types (defaults for the planner to set)')}</h2>${table(
        [
          'id',
          '案件 cases',
          '技能 skill',
          '队伍 team',
          '班组 crew',
          '优先级 priority',
          '响应时限 response (min)',
          '办结时限 resolution (min)',
        ],
        r.newTypes.map((n) => [
          esc(n.id),
          n.cases,
          esc(n.skill),
          esc(n.team),
          n.crew,
          n.priority,
          n.responseDeadlineMin,
          n.resolutionDeadlineMin,
        ]),
      )}</section>`
    : ''
}
${r.notInLog.length ? `<p>${h('记录中没有的事件类型（保留原设置）', 'Event types not in the log (kept)')}: ${esc(r.notInLog.join(', '))}</p>` : ''}
<section><h2>${h('方法', 'Methods')}</h2><ul>${r.methods.map((m) => `<li>${esc(m.zh)}<br><span class="en">${esc(m.en)}</span></li>`).join('')}</ul></section>
</body></html>
`;
}
