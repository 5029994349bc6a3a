/**
 * How the calibration decides, in the report's words (both languages): the same rules the modules state in
 * their comments (calibrate.ts, profile.ts, spatial.ts, fit.ts), for the planner who reads the report.
 *
 * Pure: constants only.
 */
import type { Bilingual } from './report.ts';

export const METHODS: Bilingual[] = [
  {
    zh: '时间 0 为记录第一天（按第一行可用记录的时区偏移）当地零点；运行天数为第一件到最后一件案件所跨的日历天数；上报时间 (reportedAt) 视为案件发生时间。',
    en: 'Time 0 is local midnight (at the first usable row’s UTC offset) of the log’s first day; run days are the calendar days from the first case to the last; reportedAt is taken as the time a case occurred.',
  },
  {
    zh: '日均量 = 案件数 ÷ 天数（标准误 √案件数 ÷ 天数）。',
    en: 'Rate per day = cases ÷ days (standard error √cases ÷ days).',
  },
  {
    zh: '到达曲线：用似然比 (G) 检验比较 168 小时计数与“24 小时曲线 × 各星期几天数”的期望；p < 0.001 且记录至少 14 天时取 168 小时曲线，否则取 24 小时曲线。',
    en: 'Profile: a likelihood-ratio (G) test of the 168-hour counts against the 24-hour profile × the days of each weekday; the 168-hour profile when p < 0.001 and the log has at least 14 days, else 24 hours.',
  },
  {
    zh: '稀疏时段平滑：案件少于 5 件的时段取与相邻时段的循环滑动平均（¼, ½, ¼），每个时段再加 0.5 件，避免某小时到达率恰为 0。',
    en: 'Sparse hours: a bin with fewer than 5 cases takes the circular moving average (¼, ½, ¼) with its neighbours, and every bin adds 0.5 case, so no hour gets a rate of exactly zero.',
  },
  {
    zh: '位置权重：有案件的单元格按案件数计权；辖区内其余单元格共享 Good–Turing 估计的未见份额（N₁ 件，N₁ 为恰有 1 件的单元格数，至少 1），平均分给它们作为下限 (floor)。',
    en: 'Location weights: a cell with cases weighs its count; the district’s other cells share the Good–Turing unseen mass (N₁ pseudo-cases, N₁ = cells with exactly one case, at least 1), spread evenly as the floor.',
  },
  {
    zh: '处置时长（到场 → 处置完成，分钟）：以最大似然拟合指数、对数正态、伽马分布，按 AIC 选择；AIC 相差 2 以内时取参数较少者。少于 30 条可用时长时沿用基础场景的分布。KS 距离与 Q-Q 点用于检查拟合。',
    en: 'Handling time (onSceneAt → handledAt, minutes): exponential, lognormal and gamma fitted by maximum likelihood, chosen by AIC, the family with fewer parameters when within 2 AIC units. Fewer than 30 usable durations: the base’s distribution is kept. KS distance and Q-Q points show the fit.',
  },
  {
    zh: '新事件类型：技能取基础场景中每日人时最多的外勤队伍的技能，班组 1 人，优先级 3，时限取基础事件类型的中位数，发现渠道为即时上报；请规划人员核定。',
    en: 'New event types: the skill of the base’s largest field team (staff-hours a day), crew 1, priority 3, the base types’ median deadlines, reported at once; for the planner to set.',
  },
];
