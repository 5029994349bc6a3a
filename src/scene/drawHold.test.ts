import { describe, it, expect } from 'vitest';
import { changedSince, createDrawHold } from './drawHold.ts';

describe('createDrawHold', () => {
  it('draws when nothing else changed', () => {
    const draw = createDrawHold(() => false);
    expect([draw(), draw(), draw()]).toEqual([true, true, true]);
  });

  it('moves a draw to the next frame when the panels changed, never two frames in a row', () => {
    const draw = createDrawHold(() => true);
    expect([draw(), draw(), draw(), draw()]).toEqual([false, true, false, true]);
  });

  it('holds once per change', () => {
    const changes = [false, true, false, false, true, false];
    let i = 0;
    const draw = createDrawHold(() => changes[i++]);
    expect(changes.map(() => draw())).toEqual([true, false, true, true, false, true]);
  });
});

describe('changedSince', () => {
  it('is true once after each change of any value, by identity', () => {
    let state: unknown[] = [null, null];
    const changed = changedSince(() => state);
    expect(changed()).toBe(false); // the first call only records
    const f1 = { tS: 1 };
    state = [f1, null];
    expect(changed()).toBe(true);
    expect(changed()).toBe(false);
    state = [f1, null]; // a new array with the same values: no change
    expect(changed()).toBe(false);
    state = [f1, f1];
    expect(changed()).toBe(true);
    state = [{ tS: 1 }, f1]; // an equal but new object is a change
    expect(changed()).toBe(true);
  });
});
