/**
 * Dispatching at the keyboard, and the P1 alert: pure functions the
 * trainee's console calls (no React, no DOM; unit-tested).
 *
 *   ↑ / ↓     select the previous / next case of the inbox (as shown: most
 *             urgent first); with none selected, ↓ takes the first, ↑ the last
 *   Enter     assign the nearest qualified crew to the selected case (with
 *             none selected: select the first)
 *   1 … 9     assign the crew of that rank in the candidate list
 *   Escape    close the selected case
 *
 * A dispatcher keeping pace with a storm does not reach for the mouse: the
 * inbox is already in the order to work it, so ↓ Enter ↓ Enter … clears it
 * nearest-crew first.
 */
import type { InboxItem } from '../../drill/session.ts';

export type KeyIntent =
  | { kind: 'select'; caseId: number }
  | { kind: 'assignNearest'; caseId: number }
  | { kind: 'assignCrew'; caseId: number; staff: number[] }
  | { kind: 'close' };

export interface KeyContext {
  /** Case ids in the order the inbox shows them. */
  inbox: readonly number[];
  selected: number | null;
  /** The selected case's candidate crews as listed (rank 1 first), null while loading. */
  crews: readonly (readonly number[])[] | null;
}

/** What key `key` (a KeyboardEvent.key) asks for, or null when it means nothing here. */
export function dispatchKey(key: string, ctx: KeyContext): KeyIntent | null {
  const { inbox, selected } = ctx;
  const at = selected === null ? -1 : inbox.indexOf(selected);
  switch (key) {
    case 'ArrowDown':
      if (!inbox.length) return null;
      return { kind: 'select', caseId: inbox[at < 0 ? 0 : Math.min(inbox.length - 1, at + 1)] };
    case 'ArrowUp':
      if (!inbox.length) return null;
      return { kind: 'select', caseId: inbox[at < 0 ? inbox.length - 1 : Math.max(0, at - 1)] };
    case 'Enter':
      if (at >= 0) return { kind: 'assignNearest', caseId: inbox[at] };
      return inbox.length ? { kind: 'select', caseId: inbox[0] } : null;
    case 'Escape':
      return selected === null ? null : { kind: 'close' };
    default:
      if (/^[1-9]$/.test(key) && at >= 0 && ctx.crews) {
        const crew = ctx.crews[Number(key) - 1];
        return crew ? { kind: 'assignCrew', caseId: inbox[at], staff: crew.slice() } : null;
      }
      return null;
  }
}

/**
 * Cases of priority ≤ `maxPriority` in `inbox` that are not in `seen` (the
 * ids met so far): the arrivals to alert on. Adds every inbox id to `seen`.
 */
export function urgentArrivals(seen: Set<number>, inbox: readonly InboxItem[], maxPriority = 1): number[] {
  const out: number[] = [];
  for (const it of inbox) {
    if (seen.has(it.caseId)) continue;
    seen.add(it.caseId);
    if (it.priority <= maxPriority) out.push(it.caseId);
  }
  return out;
}

/** The inbox of a seat: the cases in its grids ('all': every case). */
export function seatInbox(inbox: readonly InboxItem[], grids: 'all' | readonly string[]): InboxItem[] {
  return grids === 'all' ? inbox.slice() : inbox.filter((i) => grids.includes(i.grid));
}

/** The speed above which a person cannot follow the drill (cases arrive faster than one can dispatch). */
export const FOLLOWABLE_SPEED = 10;
