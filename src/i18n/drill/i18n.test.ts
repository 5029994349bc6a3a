import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';
import { placeholders } from '../translate.ts';

describe('drill i18n dictionaries', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('no value is empty', () => {
    for (const d of [zhCN, en]) for (const [k, v] of Object.entries(d)) expect(v.trim(), k).not.toBe('');
  });

  it('both use the same placeholders for each key', () => {
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[])
      expect(placeholders(en[k]), k).toEqual(placeholders(zhCN[k]));
  });

  it('zh-CN is Chinese where it is words, en has no Chinese', () => {
    expect(zhCN['role.trainer']).toMatch(/[\u4e00-\u9fff]/);
    expect(zhCN['waiting.title']).toMatch(/培训师/);
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
