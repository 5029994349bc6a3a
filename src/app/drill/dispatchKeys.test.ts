import { describe, it, expect } from 'vitest';
import type { InboxItem } from '../../drill/session.ts';
import { dispatchKey, seatInbox, urgentArrivals, type KeyContext } from './dispatchKeys.ts';

const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({
  inbox: [7, 3, 9],
  selected: null,
  crews: null,
  ...over,
});

const item = (caseId: number, priority: number, grid = 'G01-01'): InboxItem => ({
  caseId,
  type: 't',
  cell: 0,
  grid,
  priority,
  channel: 'sensor',
  filedS: 0,
  responseDueS: 600,
  crew: 1,
  skill: 's',
});

describe('dispatching at the keyboard', () => {
  it('↓ / ↑ walk the inbox in its order, from the first / last when nothing is selected, and stop at the ends', () => {
    expect(dispatchKey('ArrowDown', ctx())).toEqual({ kind: 'select', caseId: 7 });
    expect(dispatchKey('ArrowUp', ctx())).toEqual({ kind: 'select', caseId: 9 });
    expect(dispatchKey('ArrowDown', ctx({ selected: 7 }))).toEqual({ kind: 'select', caseId: 3 });
    expect(dispatchKey('ArrowDown', ctx({ selected: 9 }))).toEqual({ kind: 'select', caseId: 9 });
    expect(dispatchKey('ArrowUp', ctx({ selected: 3 }))).toEqual({ kind: 'select', caseId: 7 });
    expect(dispatchKey('ArrowUp', ctx({ selected: 7 }))).toEqual({ kind: 'select', caseId: 7 });
    // a selected case that has left the inbox: start again from the top
    expect(dispatchKey('ArrowDown', ctx({ selected: 42 }))).toEqual({ kind: 'select', caseId: 7 });
    expect(dispatchKey('ArrowDown', ctx({ inbox: [] }))).toBeNull();
  });

  it('Enter assigns the nearest qualified crew to the selected case; with none selected it selects the first', () => {
    expect(dispatchKey('Enter', ctx({ selected: 3 }))).toEqual({ kind: 'assignNearest', caseId: 3 });
    expect(dispatchKey('Enter', ctx())).toEqual({ kind: 'select', caseId: 7 });
    expect(dispatchKey('Enter', ctx({ inbox: [] }))).toBeNull();
  });

  it('1–9 pick the crew of that rank once the crews are listed; nothing for a rank not listed or while loading', () => {
    const crews = [
      [4, 5],
      [6, 8],
    ];
    expect(dispatchKey('1', ctx({ selected: 3, crews }))).toEqual({ kind: 'assignCrew', caseId: 3, staff: [4, 5] });
    expect(dispatchKey('2', ctx({ selected: 3, crews }))).toEqual({ kind: 'assignCrew', caseId: 3, staff: [6, 8] });
    expect(dispatchKey('3', ctx({ selected: 3, crews }))).toBeNull();
    expect(dispatchKey('1', ctx({ selected: 3, crews: null }))).toBeNull();
    expect(dispatchKey('1', ctx({ crews }))).toBeNull();
    expect(dispatchKey('0', ctx({ selected: 3, crews }))).toBeNull();
  });

  it('Escape closes the selected case; other keys mean nothing', () => {
    expect(dispatchKey('Escape', ctx({ selected: 3 }))).toEqual({ kind: 'close' });
    expect(dispatchKey('Escape', ctx())).toBeNull();
    for (const k of ['a', ' ', 'Tab', 'F5', 'ArrowLeft']) expect(dispatchKey(k, ctx({ selected: 3 }))).toBeNull();
  });
});

describe('P1 alerts and seat inboxes', () => {
  it('alerts once per P1 arrival, never for lower priorities or cases met before', () => {
    const seen = new Set<number>();
    expect(urgentArrivals(seen, [item(1, 1), item(2, 3)])).toEqual([1]);
    expect(urgentArrivals(seen, [item(1, 1), item(2, 3), item(3, 2), item(4, 1)])).toEqual([4]);
    expect(urgentArrivals(seen, [item(4, 1)])).toEqual([]);
    expect(seen).toEqual(new Set([1, 2, 3, 4]));
  });

  it("a seat's inbox keeps its grids' cases, in order", () => {
    const all = [item(1, 1, 'A'), item(2, 2, 'B'), item(3, 3, 'A')];
    expect(seatInbox(all, ['A']).map((i) => i.caseId)).toEqual([1, 3]);
    expect(seatInbox(all, 'all')).toEqual(all);
    expect(seatInbox(all, [])).toEqual([]);
  });
});
