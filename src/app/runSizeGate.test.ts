/**
 * The controller asks before it runs a very large scenario (issue 10): a
 * file or share link over the app's run-size limits waits for an answer and
 * never reaches the worker until confirmed; declining leaves the current
 * run as it was; built-ins and ordinary files load without a question; a
 * text over 20 MB is refused with a message.
 */
import { readFileSync } from 'node:fs';
import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { LiveClient } from '../client/liveClient.ts';
import type { CityLayout, Frame } from '../analysis/liveTypes.ts';
import { createController, runSizeQuestionFor } from './controller.ts';
import { LIMITS } from '../scenario/limits.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const huge = (() => {
  const s = JSON.parse(text);
  s.id = 'ten-million';
  s.eventTypes[0].ratePerDay = 1e7; // within the schema; the estimate is what stops it
  return JSON.stringify(s);
})();

/** A live client that records what it is asked to load and answers with a layout. */
function fakeClient() {
  const loads: string[] = [];
  const client = {
    frames$: new Subject<Frame>(),
    rawFrames$: new Subject<Frame>(),
    layout$: new BehaviorSubject<CityLayout | null>(null),
    async load(t: string, seed?: number) {
      loads.push(t);
      const id = JSON.parse(t).id as string;
      return {
        ok: true as const,
        layout: { scenarioId: id, seed: seed ?? 1, gridIds: ['g'], horizonS: 86_400 } as unknown as CityLayout,
      };
    },
    play: async () => {},
    pause: async () => {},
    setSpeed: async () => {},
    step: async () => {},
    restart: async () => {},
    seek: async () => {},
    diagnosis: async () => null,
    dispose: () => {},
  } satisfies LiveClient;
  return { client, loads };
}

describe('runSizeQuestionFor', () => {
  it('asks about ten million cases a day, in both languages, with the estimate', () => {
    const q = runSizeQuestionFor(huge, 'share link');
    expect(q).not.toBeNull();
    expect(q!.casesPerDay).toBeGreaterThan(9.9e6);
    expect(q!.message.zh).toContain('页面');
    expect(q!.message.en).toMatch(/10\.0×10⁶ cases a day.*memory/);
  });

  it('does not ask about the built-ins, nor about text that does not parse (the worker says why)', () => {
    expect(runSizeQuestionFor(text, 'x')).toBeNull();
    expect(runSizeQuestionFor('{', 'x')).toBeNull();
  });
});

describe('the controller', () => {
  it('waits for an answer before loading a very large scenario; declining keeps the current run', async () => {
    const { client, loads } = fakeClient();
    const ctl = createController(client, 'en');
    expect(await ctl.loadText(text, 'file', 'baseline.json')).toBe(true);
    expect(loads).toHaveLength(1);

    const pending = ctl.loadText(huge, 'link', 'share link');
    await Promise.resolve();
    const q = ctl.store.getState().runSizeQuestion;
    expect(q?.label).toBe('share link');
    expect(loads).toHaveLength(1); // nothing sent to the worker yet
    expect(ctl.store.getState().loading).toBe(false);

    ctl.answerRunSize(false);
    expect(await pending).toBe(false);
    const s = ctl.store.getState();
    expect(s.runSizeQuestion).toBeNull();
    expect(s.scenarioId).toBe('baseline-weekday');
    expect(s.scenarioText).toBe(text);
    expect(s.errors).toBeNull();
    expect(loads).toHaveLength(1);
    ctl.dispose();
  });

  it('loads it when confirmed', async () => {
    const { client, loads } = fakeClient();
    const ctl = createController(client, 'zh-CN');
    const pending = ctl.loadText(huge, 'edited', 'ten-million');
    await Promise.resolve();
    expect(ctl.store.getState().runSizeQuestion).not.toBeNull();
    ctl.answerRunSize(true);
    expect(await pending).toBe(true);
    expect(loads).toEqual([huge]);
    expect(ctl.store.getState().scenarioId).toBe('ten-million');
    ctl.dispose();
  });

  it('a second large load declines the first question', async () => {
    const { client, loads } = fakeClient();
    const ctl = createController(client, 'en');
    const first = ctl.loadText(huge, 'link', 'first');
    await Promise.resolve();
    const second = ctl.loadText(huge, 'link', 'second');
    await Promise.resolve();
    expect(await first).toBe(false);
    expect(ctl.store.getState().runSizeQuestion?.label).toBe('second');
    ctl.answerRunSize(true);
    expect(await second).toBe(true);
    expect(loads).toHaveLength(1);
    ctl.dispose();
  });

  it('refuses a text over 20 MB with a message, before parsing it', async () => {
    const { client, loads } = fakeClient();
    const ctl = createController(client, 'en');
    const big = `{"notes": ["${'x'.repeat(LIMITS.fileBytes)}"]}`;
    expect(await ctl.loadFile('big.json', big)).toBe(false);
    const errors = ctl.store.getState().errors!;
    expect(errors[0].code).toBe('file_too_large');
    expect(errors[0].en).toContain('over the 20 MB limit');
    expect(errors[0].zh).toContain('20 MB');
    expect(loads).toHaveLength(0);
    ctl.dispose();
  });
});
