import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_KEYS } from '../analysis/glossary.ts';
import { STAGE_LABELS } from '../analysis/diagnose.ts';
import { STAGE_NAMES } from '../sim/stages.ts';
import { SHARED, skillLabel, warningKey } from './shared.ts';
import { DICTS } from './app/index.ts';
import { DRILL_DICTS } from './drill/index.ts';
import { LANGS } from './lang.ts';

describe('labels defined once', () => {
  it('KPI names are the glossary names, stage names the diagnosis ones, in both languages', () => {
    for (const k of GLOSSARY_KEYS) {
      const key = k === 'warmup' ? 'warmup.label' : (`kpi.${k}` as const);
      expect({ k, zh: SHARED['zh-CN'][key], en: SHARED.en[key] }).toEqual({ k, ...GLOSSARY[k].name });
    }
    for (const n of STAGE_NAMES)
      expect({ n, zh: SHARED['zh-CN'][`diag.stage.${n}`], en: SHARED.en[`diag.stage.${n}`] }).toEqual({
        n,
        ...STAGE_LABELS[n],
      });
  });

  it('both pages say every shared label alike (no page overrides one)', () => {
    for (const lang of LANGS)
      for (const [k, v] of Object.entries(SHARED[lang])) {
        expect(DICTS[lang][k as keyof (typeof DICTS)['en']], `app ${lang} ${k}`).toBe(v);
        expect(DRILL_DICTS[lang][k as keyof (typeof DRILL_DICTS)['en']], `drill ${lang} ${k}`).toBe(v);
      }
  });

  it('names the warning levels 0–4', () => {
    expect([0, 1, 2, 3, 4, 9, -1].map(warningKey)).toEqual([
      'warning.0',
      'warning.1',
      'warning.2',
      'warning.3',
      'warning.4',
      'warning.4',
      'warning.0',
    ]);
    expect(SHARED['zh-CN']['warning.4']).toBe('红色预警');
  });
});

describe('skills in words', () => {
  it('every skill of the built-in scenarios has a name in both languages; an unknown one is shown as written', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../scenarios/', import.meta.url);
    const skills = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'scenario.schema.json')) {
      const sc = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as {
        eventTypes: { skill: string }[];
        teams: { skills: string[] }[];
      };
      for (const et of sc.eventTypes) skills.add(et.skill);
      for (const t of sc.teams) for (const s of t.skills) skills.add(s);
    }
    expect(skills.size).toBeGreaterThan(5);
    for (const s of skills) {
      expect(skillLabel(s, 'zh-CN'), s).not.toBe(s);
      expect(skillLabel(s, 'en'), s).toMatch(/^[a-z ]+$/);
    }
    expect(skillLabel('enforcement', 'zh-CN')).toBe('城管执法');
    expect(skillLabel('tree-surgery', 'en')).toBe('tree-surgery');
  });
});
