/**
 * The event-kind ceiling is checked, not trusted: every kind the engine and
 * its drivers define fits the queue key, a kind past the ceiling is refused,
 * and the largest kind and entity survive the heap's packing.
 */
import { describe, expect, it } from 'vitest';
import { defineKind, kindNames, KIND_BITS, MAX_ENTITY, MAX_KINDS } from './kinds.ts';
import { EventQueue } from './queue.ts';
import '../simulation.ts'; // loads the workflow's kinds and every registered driver's

describe('event kinds', () => {
  it('every defined kind fits the queue key, and names are unique', () => {
    const names = kindNames();
    expect(names.length).toBeLessThanOrEqual(MAX_KINDS);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('arrival');
    expect(names).toContain('metro.passengerDone');
  });

  it('the kind past the ceiling is refused (a 17th kind cannot corrupt the heap silently)', () => {
    const free = MAX_KINDS - kindNames().length;
    for (let i = 0; i < free; i++) defineKind(`test.fill${i}`);
    expect(kindNames().length).toBe(MAX_KINDS);
    expect(() => defineKind('test.oneTooMany')).toThrow(/holds only 16 kinds/);
    expect(() => defineKind('arrival')).toThrow(/defined twice/);
  });

  it('the largest kind and entity round-trip through the queue', () => {
    const q = new EventQueue(2);
    q.push(5, MAX_KINDS - 1, MAX_ENTITY, -7);
    q.push(3, 1, 0, 9);
    expect(q.pop()).toBe(1);
    expect(q.pop()).toBe(MAX_KINDS - 1);
    expect([q.time, q.ea, q.eb]).toEqual([5, MAX_ENTITY, -7]);
    expect(KIND_BITS + Math.log2(MAX_ENTITY + 1)).toBe(31);
  });
});
