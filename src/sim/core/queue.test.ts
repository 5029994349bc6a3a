import { describe, it, expect } from 'vitest';
import { EventQueue } from './queue.ts';
import { StreamSet } from '../rng.ts';

describe('EventQueue', () => {
  it('pops in time order and, at equal times, in insertion order', () => {
    const q = new EventQueue(2);
    const s = new StreamSet(1).get(0);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(s.uniform() * 50); // many ties
      q.push(t, 1, i, 0);
      pushed.push([t, i]);
    }
    pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const popped: [number, number][] = [];
    while (q.size > 0) {
      q.pop();
      popped.push([q.time, q.ea]);
    }
    expect(popped).toEqual(pushed);
  });
  it('keeps the order when pushes and pops interleave (a hold model, as a run uses it)', () => {
    // a run pops the next event and pushes a few later ones: the heap is rebuilt many times over at every size
    const q = new EventQueue(1);
    const s = new StreamSet(2).get(0);
    const pending: [number, number][] = [];
    let id = 0;
    const schedule = (t: number) => {
      q.push(t, 3, id, id);
      pending.push([t, id++]);
    };
    for (let i = 0; i < 300; i++) schedule(Math.floor(s.uniform() * 20));
    let now = 0;
    for (let step = 0; step < 20000; step++) {
      pending.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const [t, a] = pending.shift()!;
      expect(q.pop()).toBe(3);
      expect([q.time, q.ea, q.eb]).toEqual([t, a, a]);
      expect(t).toBeGreaterThanOrEqual(now);
      now = t;
      // 0, 1 or 2 new events, some at this very instant (ties with what is already pending)
      const k = Math.floor(s.uniform() * 3);
      for (let j = 0; j < k && q.size < 2000; j++) schedule(now + Math.floor(s.uniform() * 4));
      if (q.size === 0) schedule(now + 1);
    }
    expect(q.size).toBe(pending.length);
  });
  it('keeps kind and payload with their key', () => {
    const q = new EventQueue();
    q.push(2, 7, 20, 200);
    q.push(1, 5, 10, 100);
    expect(q.pop()).toBe(5);
    expect([q.time, q.ea, q.eb]).toEqual([1, 10, 100]);
    expect(q.pop()).toBe(7);
    expect([q.time, q.ea, q.eb]).toEqual([2, 20, 200]);
    expect(q.peekTime()).toBe(Infinity);
  });
});

describe('substreams', () => {
  it('are reproducible and distinct', () => {
    const a = new StreamSet(3),
      b = new StreamSet(3);
    const xs = [a.get(5).uniform(), a.get(2).uniform(), a.get(5).uniform()];
    const ys = [b.get(5).uniform(), b.get(2).uniform(), b.get(5).uniform()];
    expect(ys).toEqual(xs);
    expect(new StreamSet(3).get(1).uniform()).not.toBe(new StreamSet(3).get(2).uniform());
    expect(new StreamSet(4).get(1).uniform()).not.toBe(new StreamSet(3).get(1).uniform());
  });
});
