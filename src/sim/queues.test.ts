/**
 * CaseQueues (queues.ts): FIFO per key, front insertion for requeued cases,
 * stale entries skipped, and the same order across the in-place compaction
 * of a long list's consumed front.
 */
import { describe, expect, it } from 'vitest';
import { CaseQueues, QUEUED_STATE } from './queues.ts';

const N = 30_000;

function setup() {
  const q = new CaseQueues(2, 1, 1);
  const state = new Uint8Array(N).fill(QUEUED_STATE);
  const qtok = new Int32Array(N);
  const take = (key: number): number => {
    const c = q.head(key, state, qtok);
    if (c >= 0) {
      q.shift(key);
      state[c] = 0;
    }
    return c;
  };
  return { q, state, qtok, take };
}

describe('waiting-case queues', () => {
  it('serve each key first in, first out, through many compactions of the consumed front', () => {
    const { q, take } = setup();
    const model: number[] = [];
    let next = 0;
    const served: number[] = [];
    const expected: number[] = [];
    // grow to ~10,000 waiting, then drain while pushing: the head passes 4,096 many times
    for (let step = 0; next < N; step++) {
      const pushes = step < 5_000 ? 2 : 1;
      for (let i = 0; i < pushes && next < N; i++) {
        q.push(0, next, 0);
        model.push(next++);
      }
      if (step % 3 !== 2) {
        served.push(take(0));
        expected.push(model.shift()!);
      }
    }
    while (model.length > 0) {
      served.push(take(0));
      expected.push(model.shift()!);
    }
    expect(served).toEqual(expected);
    expect(take(0)).toBe(-1);
    expect(q.length).toBe(0);
  });

  it('put a requeued case in front, and skip entries whose case left or was requeued with a new token', () => {
    const { q, state, qtok, take } = setup();
    for (let c = 0; c < 6; c++) q.push(1, c, 0);
    expect(take(1)).toBe(0);
    state[2] = 0; // case 2 left the queue another way
    qtok[3]++; // case 3 was queued again elsewhere: this entry is stale
    q.unshift(1, 9, 0); // a preempted case goes to the front
    expect([take(1), take(1), take(1), take(1), take(1)]).toEqual([9, 1, 4, 5, -1]);
    expect(take(0)).toBe(-1); // keys are separate
  });
});
