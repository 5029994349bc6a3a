/**
 * The briefing's words, in both languages, from a saved experiment: the
 * question it answers, the changes it made (field names in words), the
 * recommended plan with its cost, and the method with its limits in plain
 * language. Pure (tested without a browser).
 */
import type { Estimate } from '../../analysis/aggregate.ts';
import { overrideLabel, paramLabel, valueLabel, type Bilingual } from '../../analysis/paramLabels.ts';
import { shownCi } from '../../i18n/kpi.ts';
import type { SavedExperiment } from '../../app/savedFormat.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { cheapestPoint } from '../experiments/sweepParams.ts';

const pct = (v: number | null | undefined, d = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(d)}%`;
const pp = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;
const int = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : Math.round(v).toLocaleString('en-US');
const yuan = (v: number | null | undefined, signed = false) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : `${signed ? (v >= 0 ? '+' : '−') : ''}¥${Math.round(Math.abs(v)).toLocaleString('en-US')}`;
/** An interval in words; an estimate's (`share`) within 0–100 % (shownCi), a difference's as it is. */
const ci = (e: Estimate | null | undefined, f: (v: number) => string, estimateOf?: 'share') => {
  const c = e?.ci95 ? (estimateOf ? shownCi(estimateOf, e.ci95) : e.ci95) : null;
  return c ? `[${f(c[0])}, ${f(c[1])}]` : '';
};

export function scenarioOf(rec: SavedExperiment): Scenario | null {
  const p = parseScenario(rec.scenario.text);
  return p.ok ? p.scenario : null;
}

/** Each override in words: the field's name, and its value. */
export function changesInWords(
  rec: SavedExperiment,
  sc: Scenario | null,
): { label: Bilingual; value: Bilingual; path: string }[] {
  return Object.entries(rec.overrides).map(([path, v]) => ({
    path,
    label: paramLabel(path, sc),
    value: valueLabel(path, v),
  }));
}

const joinWords = (xs: Bilingual[]): Bilingual => ({
  zh: xs.map((x) => x.zh).join('；'),
  en: xs.map((x) => x.en).join('; '),
});

/** The question the experiment answers. */
export function questionOf(rec: SavedExperiment, sc: Scenario | null): Bilingual {
  const name = sc
    ? { zh: sc.name?.zh ?? rec.scenario.id, en: sc.name?.en ?? rec.scenario.id }
    : { zh: rec.scenario.id, en: rec.scenario.id };
  const ch = joinWords(
    changesInWords(rec, sc).map((c) => ({
      zh: `${c.label.zh} 改为 ${c.value.zh}`,
      en: `${c.label.en} set to ${c.value.en}`,
    })),
  );
  const r = rec.result;
  switch (r.kind) {
    case 'replications':
      return {
        zh: `按现行方案，“${name.zh}”的达标情况如何，有多大把握？（${rec.replications} 次重复）`,
        en: `Under the current plan, how well does "${name.en}" meet the standard, and how sure are we? (${rec.replications} replications)`,
      };
    case 'comparison':
      return {
        zh: `如果在“${name.zh}”中${ch.zh}（方案 B），与现行方案 A 相比，达标率和成本会怎样变化？`,
        en: `If, in "${name.en}", ${ch.en} (plan B), how do attainment and cost change against the current plan A?`,
      };
    case 'sweep': {
      const ps = r.params.map((p) => r.labels[p.path] ?? paramLabel(p.path, sc));
      return {
        zh: `“${name.zh}”的覆盖指数和人力成本随 ${ps.map((p) => p.zh).join(' 与 ')} 如何变化？达到目标最省的是哪一档？`,
        en: `How do the coverage index and staff cost of "${name.en}" vary with ${ps.map((p) => p.en).join(' and ')}? Which setting meets the target most cheaply?`,
      };
    }
    case 'staffing':
      return {
        zh: `“${name.zh}”中 ${shiftInWords(sc, r.shift).zh}最少需要多少人，才能以 ${pct(r.confidence, 0)} 的把握使判据不低于 ${pct(r.target, 0)}？`,
        en: `What is the fewest staff on the ${shiftInWords(sc, r.shift).en} of "${name.en}" that meets ${pct(r.target, 0)} with ${pct(r.confidence, 0)} confidence?`,
      };
    case 'optimise':
      return {
        zh: `“${name.zh}”中，满足达标要求（${pct(r.result.target, 0)}，把握 ${pct(r.result.confidence, 0)}）的最省排班是什么？比现在省多少？`,
        en: `What is the cheapest roster of "${name.en}" that meets the requirement (${pct(r.result.target, 0)} at ${pct(r.result.confidence, 0)} confidence), and what does it save against today's?`,
      };
    case 'diagnose':
      return {
        zh: `“${name.zh}”中超时案件的时间花在哪个环节？什么在限制达标，什么手段能起作用？`,
        en: `Where does the time of late cases go in "${name.en}"? What limits the standard, and what acts on it?`,
      };
  }
}

/** A shift by its team's name and hours ("网格员 08:00–16:00"); the id and the shift's number only when the scenario lacks it. */
export function shiftInWords(sc: Scenario | null, ref: { team: string; shift: number }): Bilingual {
  const team = sc?.teams.find((t) => t.id === ref.team);
  const s = team?.shifts[ref.shift];
  if (!team || !s) return { zh: `${ref.team} 第 ${ref.shift + 1} 个班次`, en: `${ref.team} shift ${ref.shift + 1}` };
  return { zh: `${team.name.zh} ${s.start}–${s.end} 班次`, en: `${team.name.en} ${s.start}–${s.end} shift` };
}

/** The recommended plan and its cost, in sentences (and a verdict where there is none to recommend). */
export function planOf(rec: SavedExperiment, sc: Scenario | null): Bilingual[] {
  const r = rec.result;
  switch (r.kind) {
    case 'replications': {
      const c = r.summary.coverageIndex,
        cost = r.summary.costCny,
        h = r.summary.staffHours;
      return [
        {
          zh: `本实验只衡量现行方案，不比较其他方案。现行方案：覆盖指数 ${pct(c.mean)} ${ci(c, (v) => pct(v), 'share')}，每天人力成本 ${yuan(cost.mean)}（${int(h.mean)} 人·时）。`,
          en: `This experiment measures the current plan only; it compares no other. Current plan: coverage index ${pct(c.mean)} ${ci(c, (v) => pct(v), 'share')}, staff cost ${yuan(cost.mean)} a day (${int(h.mean)} staff-hours).`,
        },
      ];
    }
    case 'comparison': {
      const k = r.comparison.kpis;
      const dc = k.coverageIndex,
        dCost = k.costCny,
        dh = k.staffHours;
      const sig = dc.significant ? { zh: '显著', en: 'significant' } : { zh: '不显著', en: 'not significant' };
      const better = dc.significant && (dc.diff.mean ?? 0) > 0;
      const cheaper = (dCost.diff.mean ?? 0) < 0;
      const rec1: Bilingual = better
        ? {
            zh: '建议采用方案 B：覆盖指数显著提高。',
            en: 'Recommended: plan B; it raises the coverage index significantly.',
          }
        : dc.significant
          ? {
              zh: '不建议采用方案 B：覆盖指数显著下降。',
              en: 'Not recommended: plan B lowers the coverage index significantly.',
            }
          : cheaper
            ? {
                zh: '方案 B 的覆盖指数与 A 无显著差别而成本更低：可以考虑（“更省”，并非“更好”）。',
                en: 'Plan B is no different in coverage index within the interval and cheaper: worth considering (cheaper, not better).',
              }
            : {
                zh: '方案 B 与 A 无显著差别：不足以支持变更。',
                en: 'Plan B is not distinguishable from A: no case for the change.',
              };
      return [
        rec1,
        {
          zh: `覆盖指数 B − A = ${pp(dc.diff.mean)} 个百分点，95% 置信区间 ${ci(dc.diff, (v) => pp(v))}（${sig.zh}）。每天成本 ${yuan(dCost.a.mean)} → ${yuan(dCost.b.mean)}（${yuan(dCost.diff.mean, true)}），人·时 ${int(dh.a.mean)} → ${int(dh.b.mean)}。`,
          en: `Coverage index B − A = ${pp(dc.diff.mean)} percentage points, 95 % CI ${ci(dc.diff, (v) => pp(v))} (${sig.en}). Cost a day ${yuan(dCost.a.mean)} → ${yuan(dCost.b.mean)} (${yuan(dCost.diff.mean, true)}), staff-hours ${int(dh.a.mean)} → ${int(dh.b.mean)}.`,
        },
        ...(r.headcount && r.headcount.a.peakOnDuty !== r.headcount.b.peakOnDuty
          ? [
              {
                zh: `注意：两方案在岗人数不同（峰值 ${int(r.headcount.a.peakOnDuty)} → ${int(r.headcount.b.peakOnDuty)} 人）。`,
                en: `Note: the plans put different numbers on duty (peak ${int(r.headcount.a.peakOnDuty)} → ${int(r.headcount.b.peakOnDuty)}).`,
              },
            ]
          : []),
      ];
    }
    case 'sweep': {
      const target = sc?.targets?.coverage ?? 0.8;
      const p = cheapestPoint(r.points, target, true);
      if (!p)
        return [
          {
            zh: `扫描的各档中，没有一档的覆盖指数 95% 置信区间下端达到 ${pct(target, 0)}。`,
            en: `No swept setting has the lower end of its coverage-index 95 % CI at ${pct(target, 0)} or above.`,
          },
        ];
      const vals = Object.entries(p.values).map(([path, v]) => overrideLabel(path, v, sc, r.labels[path]));
      const w = joinWords(vals);
      return [
        {
          zh: `建议：${w.zh}。这是覆盖指数 95% 置信区间下端达到 ${pct(target, 0)} 的最省一档：覆盖指数 ${pct(p.coverageIndex?.mean)} ${ci(p.coverageIndex, (v) => pct(v), 'share')}，每天 ${int(p.staffHours?.mean)} 人·时，成本 ${yuan(p.costCny?.mean)}。`,
          en: `Recommended: ${w.en}, the cheapest setting whose coverage-index 95 % CI starts at ${pct(target, 0)} or above: coverage index ${pct(p.coverageIndex?.mean)} ${ci(p.coverageIndex, (v) => pct(v), 'share')}, ${int(p.staffHours?.mean)} staff-hours and ${yuan(p.costCny?.mean)} a day.`,
        },
      ];
    }
    case 'staffing': {
      const plan = r.plan;
      if (!plan) return [{ zh: '搜索未完成，没有方案。', en: 'The search did not finish: no plan.' }];
      return plan.shifts.map((s) => {
        const ev = s.evaluations.find((e) => e.staff === s.staff);
        const label = shiftInWords(sc, s.shift);
        return s.staff === null
          ? {
              zh: `${label.zh}：搜索范围内没有人数能满足要求（现为 ${s.original} 人）。`,
              en: `${label.en}: no count within the search bounds meets the requirement (now ${s.original}).`,
            }
          : {
              zh: `建议：${label.zh}由 ${s.original} 人改为 ${s.staff} 人${s.perGrid ? '（每网格）' : ''}；此时每天成本 ${yuan(ev?.costCny?.mean)}，覆盖指数 ${pct(ev?.coverageIndex?.mean)}。`,
              en: `Recommended: ${label.en} from ${s.original} to ${s.staff}${s.perGrid ? ' per grid' : ''}; cost ${yuan(ev?.costCny?.mean)} a day, coverage index ${pct(ev?.coverageIndex?.mean)}.`,
            };
      });
    }
    case 'optimise': {
      const o = r.result;
      const lines: Bilingual[] = [
        o.feasible
          ? {
              zh: `建议采用找到的排班：每天成本 ${yuan(o.current.costCny)} → ${yuan(o.costCny)}（${yuan(o.costCny - o.current.costCny, true)}），人·时 ${int(o.current.staffHours)} → ${int(o.staffHours)}；在新种子上验证${o.verification.meets ? '仍满足' : '未满足'}要求。`,
              en: `Recommended: the roster found. Cost a day ${yuan(o.current.costCny)} → ${yuan(o.costCny)} (${yuan(o.costCny - o.current.costCny, true)}), staff-hours ${int(o.current.staffHours)} → ${int(o.staffHours)}; on fresh seeds it ${o.verification.meets ? 'still meets' : 'does not meet'} the requirement.`,
            }
          : {
              zh: '在搜索范围和预算内没有找到满足要求的排班。',
              en: 'No roster within the bounds and budget meets the requirement.',
            },
      ];
      for (const s of o.shifts)
        if (s.plan !== s.current)
          lines.push({
            zh: `${s.label.zh}：${s.current} → ${s.plan} 人${s.perGrid ? '（每网格）' : ''}，每天 ${yuan(s.costChangeCny, true)}`,
            en: `${s.label.en}: ${s.current} → ${s.plan}${s.perGrid ? ' per grid' : ''}, ${yuan(s.costChangeCny, true)} a day`,
          });
      return lines;
    }
    case 'diagnose': {
      const top = r.diagnosis.limits[0];
      return [
        top
          ? {
              zh: `本实验不比较方案。最主要的限制（占超时案件 ${pct(top.share, 0)}）的对策：${top.lever.zh}。可用“最省排班”或 A/B 对比验证其效果和成本。`,
              en: `This experiment compares no plans. What acts on the main limit (${pct(top.share, 0)} of late cases): ${top.lever.en}. Check its effect and cost with the cheapest plan or an A/B comparison.`,
            }
          : { zh: '没有超时案件，不需要改变。', en: 'No late cases: nothing to change.' },
      ];
    }
  }
}

/** How the numbers were made, and what they do not say. */
export function methodOf(rec: SavedExperiment): Bilingual[] {
  const r = rec.result;
  const common: Bilingual[] = [
    {
      zh: `方法：离散事件仿真。同一场景用不同随机种子运行 ${rec.replications} 次（重复），每次是城市可能的一天；表中的数是各次的平均，区间是 95% 置信区间（Student t）：若再做同样多次重复，平均值大致落在其中。同一场景、同一种子得到完全相同的数字（可用文末的命令复现）。`,
      en: `Method: discrete-event simulation. The scenario runs ${rec.replications} times with different random seeds (replications), each one possible day of the city; the tables give the mean over them, and the intervals are 95 % confidence intervals (Student t): with as many more replications the mean would likely fall inside. The same scenario and seed give the very same numbers (the command at the end re-runs it).`,
    },
  ];
  const byKind: Bilingual[] =
    r.kind === 'comparison'
      ? [
          r.comparison.mode === 'crn'
            ? {
                zh: 'A 与 B 使用相同的种子（共同随机数）：两方案面对完全相同的案件，差值的区间按逐次配对计算，比两组独立运行窄得多。',
                en: 'A and B ran the same seeds (common random numbers): both face the very same cases, so the interval of the difference is paired replication by replication, far narrower than two independent sets.',
              }
            : {
                zh: 'A 与 B 使用不同的种子（独立样本）。',
                en: 'A and B ran different seeds (independent samples).',
              },
          {
            zh: '“显著”指差值的 95% 置信区间不含 0；“不显著”不等于“没有差别”，只是这些重复看不出来。',
            en: '"Significant" means the 95 % CI of the difference excludes 0; "not significant" is not "no difference", only that these replications cannot tell.',
          },
        ]
      : r.kind === 'sweep'
        ? [
            {
              zh: '每一档都用同一组种子，各档之间可以直接比较；“前沿”是在覆盖指数和人·时上没有被其他档同时超过的点。',
              en: 'Every setting ran the same seeds, so settings compare directly; the frontier holds the points no other beats on both coverage index and staff-hours.',
            },
          ]
        : r.kind === 'staffing' || r.kind === 'optimise'
          ? [
              {
                zh: '达标判据用单侧置信下界：要求“有把握地”达到目标，而不只是平均达到。最省排班在搜索用的种子上找到方案，再在另一组新种子上验证，以免碰巧选中。',
                en: 'The requirement uses a one-sided lower confidence bound: the target must be met with confidence, not only on average. The cheapest plan is found on the search seeds and then checked on fresh seeds, so that luck does not pick it.',
              },
            ]
          : r.kind === 'diagnose'
            ? [
                {
                  zh: '诊断把每个超时案件的时间分到发现、指挥中心、排队、路途、处置五个环节，按占比最大的环节归类，并给出作用于该环节的手段。',
                  en: 'The diagnosis splits each late case’s time into discovery, command centre, queue, travel and handling, files it under the largest, and names what acts on that stage.',
                },
              ]
            : [];
  const limits: Bilingual = {
    zh: '局限：结果只对场景中写明的假设成立（案件发生率、处置时长、排班、路网、天气），这些多为合成或按历史数据标定的估计；未建模的因素（临时任务、请假、设备故障、政策变化）不在其中。重复次数少时区间较宽；区间只反映随机波动，不反映假设本身的误差。成本只计排班工时和加班（按场景中的单价）。',
    en: 'Limits: the results hold only for what the scenario assumes (case rates, handling times, rosters, the street network, weather), mostly synthetic or calibrated estimates; what is not modelled (ad-hoc tasks, leave, equipment failures, policy changes) is not in them. Few replications give wide intervals, and the intervals cover random variation only, not errors in the assumptions. Cost counts rostered hours and overtime only (at the scenario’s rates).',
  };
  return [...common, ...byKind, limits];
}
