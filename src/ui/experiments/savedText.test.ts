import { describe, it, expect } from 'vitest';
import { shownTitle } from './savedText.ts';
import { scenarioNameOf, type SavedMeta } from '../../app/savedFormat.ts';
import { matches } from '../../app/savedExperiments.ts';

describe("a saved experiment's title as shown", () => {
  const name = { zh: '工作日基准', en: 'Weekday baseline' };
  const title = {
    zh: '重复运行 · baseline-weekday · 派遣策略 = 就近派遣',
    en: 'Replications · baseline-weekday · dispatch = nearest',
  };
  it('names the scenario in the current language in place of its id (the id stays for a scenario without a name)', () => {
    expect(shownTitle('zh-CN', { name: '', title, scenarioId: 'baseline-weekday', scenarioName: name })).toBe(
      '重复运行 · 工作日基准 · 派遣策略 = 就近派遣',
    );
    expect(shownTitle('en', { name: '', title, scenarioId: 'baseline-weekday', scenarioName: name })).toBe(
      'Replications · Weekday baseline · dispatch = nearest',
    );
    expect(shownTitle('en', { name: '', title, scenarioId: 'baseline-weekday' })).toBe(title.en);
    // only the id's own part of the title, not a part that merely contains it
    const t2 = { zh: 'A/B 对比 · x · x-2', en: 'A/B · x · x-2' };
    expect(shownTitle('en', { name: '', title: t2, scenarioId: 'x', scenarioName: { zh: '甲', en: 'Ex' } })).toBe(
      'A/B · Ex · x-2',
    );
  });
  it("the planner's own name wins", () => {
    expect(shownTitle('en', { name: 'Night plan', title, scenarioId: 'baseline-weekday', scenarioName: name })).toBe(
      'Night plan',
    );
  });
  it("a scenario text's name is read without validating the rest", () => {
    expect(scenarioNameOf('\uFEFF{"id":"a","name":{"zh":"甲","en":"A"}}')).toEqual({ zh: '甲', en: 'A' });
    expect(scenarioNameOf('{"name":{"zh":"甲"}}')).toEqual({ zh: '甲', en: '甲' });
    expect(scenarioNameOf('{"id":"a"}')).toBeUndefined();
    expect(scenarioNameOf('{')).toBeUndefined();
    expect(scenarioNameOf('null')).toBeUndefined();
  });
  it('the history finds a record by the scenario name it shows', () => {
    const m: SavedMeta = {
      id: 'x',
      kind: 'replications',
      name: '',
      title,
      createdAt: 0,
      seed: 1,
      replications: 3,
      scenarioId: 'baseline-weekday',
      scenarioName: name,
      arms: 1,
    };
    expect(matches(m, '工作日基准')).toBe(true);
    expect(matches(m, 'weekday baseline')).toBe(true);
    expect(matches(m, 'baseline-weekday')).toBe(true);
    expect(matches({ ...m, scenarioName: undefined }, '工作日基准')).toBe(false);
  });
});
