import { describe, expect, expectTypeOf, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  GLOSSARY,
  GLOSSARY_BEGIN,
  GLOSSARY_END,
  GLOSSARY_KEYS,
  glossaryMarkdown,
  type GlossaryKey,
} from './glossary.ts';
import { KPI_NAMES, type KpiName } from './aggregate.ts';
import type { LiveKpis } from '../sim/frame.ts';

describe('KPI glossary', () => {
  it('explains every KPI a run reports and every figure of the live panel', () => {
    expectTypeOf<Exclude<KpiName, GlossaryKey>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof LiveKpis, GlossaryKey | 'staffBusy'>>().toEqualTypeOf<never>();
    for (const k of KPI_NAMES) expect(GLOSSARY_KEYS, k).toContain(k);
  });

  it('has every text in both languages, zh-CN in Chinese', () => {
    for (const k of GLOSSARY_KEYS) {
      const e = GLOSSARY[k];
      for (const b of [e.name, e.def, e.counts]) {
        expect(b.zh.trim(), k).not.toBe('');
        expect(b.en.trim(), k).not.toBe('');
        expect(b.zh, k).toMatch(/[\u4e00-\u9fff]/);
        expect(b.en, k).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('says that the wait KPI runs to handling start, travel included', () => {
    expect(GLOSSARY.meanWaitS.name).toEqual({ zh: '平均等待开工', en: 'Mean wait to handling start' });
    expect(GLOSSARY.meanWaitS.def.en).toMatch(/travel/);
  });

  it('the README holds exactly the generated table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const a = readme.indexOf(GLOSSARY_BEGIN),
      b = readme.indexOf(GLOSSARY_END);
    expect(a, 'README.md has the glossary markers').toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    // regenerate with: npx tsx scripts/glossary-md.ts --write
    expect(readme.slice(a + GLOSSARY_BEGIN.length + 1, b)).toBe(glossaryMarkdown());
    expect(readme).toMatch(/^## KPI glossary \/ 指标说明$/m);
  });

  it('the table has one row per term and no broken cell', () => {
    const lines = glossaryMarkdown().trimEnd().split('\n');
    expect(lines.length).toBe(2 + GLOSSARY_KEYS.length);
    for (const l of lines) expect(l.replace(/\\\|/g, '').split('|').length, l).toBe(8);
  });
});
