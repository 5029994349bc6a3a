import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_KEYS } from '../analysis/glossary.ts';
import { STAGE_LABELS } from '../analysis/diagnose.ts';
import { STAGE_NAMES } from '../sim/stages.ts';
import { zhCN } from './i18n/zh-CN.ts';
import { en } from './i18n/en.ts';

describe('the glossary and the app name things alike', () => {
  it('every KPI the app labels has its glossary name as the label, in both languages', () => {
    const labelled = GLOSSARY_KEYS.filter((k) => `kpi.${k}` in zhCN);
    expect(labelled.length).toBeGreaterThan(20);
    for (const k of labelled) {
      const key = `kpi.${k}` as keyof typeof zhCN;
      expect({ k, zh: GLOSSARY[k].name.zh, en: GLOSSARY[k].name.en }).toEqual({ k, zh: zhCN[key], en: en[key] });
    }
    expect(GLOSSARY.warmup.name).toEqual({ zh: zhCN['warmup.label'], en: en['warmup.label'] });
  });

  it('the diagnosis stages have the CLI names in the app, in both languages', () => {
    for (const n of STAGE_NAMES) {
      const key = `diag.stage.${n}` as keyof typeof zhCN;
      expect({ n, ...STAGE_LABELS[n] }).toEqual({ n, zh: zhCN[key], en: en[key] });
    }
  });
});
