/**
 * Labels both pages (and the CLI, where it shows them) say alike, defined
 * once here and spread into each page's dictionary: the product's name,
 * weather and warning levels, display units; and, taken from their own one
 * source on floor 1, the KPI names (src/analysis/glossary.ts) and the
 * diagnosis stage names (src/analysis/diagnose.ts `STAGE_LABELS`), the
 * dispatch policies, orders and shift-end rules (src/analysis/paramLabels.ts).
 *
 * A page's dictionary then holds only its own texts: adding a KPI to the
 * glossary names it on every page, and no page repeats "红色预警".
 */
import { GLOSSARY, GLOSSARY_KEYS, type GlossaryKey } from '../analysis/glossary.ts';
import { STAGE_LABELS } from '../analysis/diagnose.ts';
import { ORDER_LABELS, POLICY_LABELS, SHIFT_END_LABELS } from '../analysis/paramLabels.ts';
import { STAGE_NAMES, type StageName } from '../sim/stages.ts';
import type { Bilingual, Lang } from './lang.ts';

/** Generic labels, zh-CN and en side by side. */
const GENERIC = {
  'app.title': { zh: '全天候', en: 'AllWeather' },
  'weather.label': { zh: '天气', en: 'Weather' },
  'weather.rain': { zh: '降雨 {mm} 毫米/小时', en: 'Rain {mm} mm/h' },
  'weather.dry': { zh: '无降雨', en: 'No rain' },
  'warning.0': { zh: '无预警', en: 'No warning' },
  'warning.1': { zh: '蓝色预警', en: 'Blue warning' },
  'warning.2': { zh: '黄色预警', en: 'Yellow warning' },
  'warning.3': { zh: '橙色预警', en: 'Orange warning' },
  'warning.4': { zh: '红色预警', en: 'Red warning' },
  'unit.hours': { zh: '小时', en: 'h' },
  'unit.staffHours': { zh: '人·时', en: 'staff-h' },
  'unit.minutes': { zh: '分钟', en: 'min' },
  'unit.people': { zh: '人', en: 'staff' },
  'unit.cases': { zh: '件', en: 'cases' },
  'unit.pp': { zh: '百分点', en: 'pp' },
  'unit.percent': { zh: '%', en: '%' },
  'unit.cny': { zh: '元', en: 'CNY' },
  // the city view's switch (src/ui/SceneSlot.tsx), wherever the city is drawn
  'map.mode': { zh: '视图', en: 'View' },
  'map.mode.2d': { zh: '二维地图', en: '2D map' },
  'map.mode.3d': { zh: '三维', en: '3D' },
  'map.mode.hint2d': {
    zh: '平面地图：大型辖区也流畅；放大显示网格编码',
    en: 'Map from above: fluid for large districts; zoom in for grid codes',
  },
  'map.mode.hint3d': { zh: '三维城市：方块高度为白天人口', en: '3D city: block height is day population' },
} satisfies Record<string, Bilingual>;

export type GenericKey = keyof typeof GENERIC;
/** The warning levels of the rain driver, 0 (none) to 4 (red). */
export type WarningKey = `warning.${0 | 1 | 2 | 3 | 4}`;

/** KPIs named by the glossary: `kpi.<key>`; its warm-up entry is `warmup.label`. */
export type KpiKey = `kpi.${Exclude<GlossaryKey, 'warmup'>}`;
export type StageKey = `diag.stage.${StageName}`;
/** Dispatch policies, dispatch orders and shift-end rules by id: `policy.nearest`, `order.fifo`, `shiftEnd.handover`. */
export type ChoiceKey =
  | `policy.${keyof typeof POLICY_LABELS & string}`
  | `order.${keyof typeof ORDER_LABELS & string}`
  | `shiftEnd.${keyof typeof SHIFT_END_LABELS & string}`;
export type SharedKey = GenericKey | KpiKey | 'warmup.label' | StageKey | ChoiceKey;

function side(lang: Lang): Record<SharedKey, string> {
  const of = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
  const out: Record<string, string> = {};
  for (const [k, b] of Object.entries(GENERIC)) out[k] = of(b);
  for (const k of GLOSSARY_KEYS) out[k === 'warmup' ? 'warmup.label' : `kpi.${k}`] = of(GLOSSARY[k].name);
  for (const n of STAGE_NAMES) out[`diag.stage.${n}`] = of(STAGE_LABELS[n]);
  for (const [prefix, table] of [
    ['policy', POLICY_LABELS],
    ['order', ORDER_LABELS],
    ['shiftEnd', SHIFT_END_LABELS],
  ] as const)
    for (const [id, b] of Object.entries(table)) out[`${prefix}.${id}`] = of(b);
  return out as Record<SharedKey, string>;
}

/** The shared labels of each language, to spread into a page's dictionary. */
export const SHARED: Readonly<Record<Lang, Record<SharedKey, string>>> = { 'zh-CN': side('zh-CN'), en: side('en') };

/**
 * The skills of the built-in scenarios in words (a scenario's skills are its own strings: one the product does
 * not know is shown as written, which is how its author named it).
 */
const SKILLS: Record<string, Bilingual> = {
  any: { zh: '通用', en: 'general' },
  crowd: { zh: '客流疏导', en: 'crowd control' },
  drainage: { zh: '排水', en: 'drainage' },
  enforcement: { zh: '城管执法', en: 'law enforcement' },
  environment: { zh: '环境保护', en: 'environment' },
  grid: { zh: '网格巡查', en: 'grid patrol' },
  police: { zh: '公安', en: 'police' },
  repair: { zh: '市政维修', en: 'municipal repair' },
  sanitation: { zh: '环卫', en: 'sanitation' },
  security: { zh: '安检', en: 'security check' },
  traffic: { zh: '交通', en: 'traffic' },
};

/** A skill in words, in `lang`. */
export function skillLabel(skill: string, lang: Lang): string {
  const l = SKILLS[skill];
  return l ? (lang === 'en' ? l.en : l.zh) : skill;
}

/** The key of a warning level (clamped to 0–4). */
export function warningKey(level: number): WarningKey {
  return `warning.${Math.max(0, Math.min(4, Math.round(level))) as 0 | 1 | 2 | 3 | 4}`;
}
