/**
 * What B of the comparison on screen is, in words, when it is not what the
 * variant form shows (a comparison started elsewhere, e.g. "compare with
 * current" of the cheapest plan): each override by its planner's name
 * (paramLabels.ts) with its value, e.g. "环卫保洁 · 班次 05:00–13:00 人数 = 19".
 */
import { useMemo } from 'react';
import type { Overrides } from '../../analysis/overrides.ts';
import { overrideLabel } from '../../analysis/paramLabels.ts';
import { parseScenario } from '../../scenario/load.ts';
import { useStore } from '../../app/useStore.ts';
import { pickName, useT } from '../i18n/index.ts';
import '../diagnosis/diagnosis.css';

export interface ComparedVariantProps {
  /** The overrides the comparison ran with. */
  overrides: Overrides;
  /** The overrides the form shows now. */
  formOverrides: Overrides;
}

const same = (a: Overrides, b: Overrides) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([k, v]) => JSON.stringify(b[k]) === JSON.stringify(v));

export function ComparedVariant({ overrides, formOverrides }: ComparedVariantProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const text = useStore((s) => s.scenarioText);
  const sc = useMemo(() => {
    const r = text ? parseScenario(text) : null;
    return r?.ok ? r.scenario : null;
  }, [text]);
  if (same(overrides, formOverrides) || Object.keys(overrides).length === 0) return null;
  const items = Object.entries(overrides).map(([p, v]) => pickName(lang, overrideLabel(p, v, sc)));
  return (
    <p className="overrides-preview compared-variant" data-testid="cmp-b" data-count={items.length}>
      <span className="control-label">{t('cmp.bIs', { n: items.length })}</span>{' '}
      {items.join(lang === 'en' ? '; ' : '；')}
    </p>
  );
}
