/**
 * Pure helpers of the drill consoles: crews from candidates, staff counts
 * by state, drill-time formatting. No React, no DOM (unit-tested).
 */
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { Candidate } from '../../client/drillClient.ts';
import { pad2 } from '../format.ts';

/**
 * Candidate crews for a case needing `crew` members: the free members with
 * the skill, nearest first, taken `crew` at a time (the first crew is the
 * nearest one possible). At most `max` crews.
 */
export function crewsFrom(cands: readonly Candidate[], crew: number, max = 6): Candidate[][] {
  const out: Candidate[][] = [];
  const k = Math.max(1, crew);
  for (let i = 0; i + k <= cands.length && out.length < max; i += k) out.push(cands.slice(i, i + k));
  return out;
}

/** Staff states as drawn (Frame.staffState): off, idle, patrol, travelling, on scene, security lane. */
export const STAFF_STATES = ['off', 'idle', 'patrol', 'travel', 'onScene', 'lane'] as const;
export type StaffStateName = (typeof STAFF_STATES)[number];

export interface StaffCounts {
  total: number[];
  /** Per team (layout order): counts by state. */
  byTeam: number[][];
}

export function staffCounts(layout: CityLayout, frame: Frame | null): StaffCounts {
  const total = STAFF_STATES.map(() => 0);
  const byTeam = layout.teams.map(() => STAFF_STATES.map(() => 0));
  if (!frame) return { total, byTeam };
  const n = Math.min(layout.nStaff, frame.staffState.length);
  for (let s = 0; s < n; s++) {
    const st = Math.min(STAFF_STATES.length - 1, frame.staffState[s]);
    total[st]++;
    byTeam[layout.staffTeam[s]][st]++;
  }
  return { total, byTeam };
}

export function cellXY(cell: number, cols: number): { x: number; y: number } {
  return { x: cell % cols, y: Math.floor(cell / cols) };
}

/** Seconds as "mm:ss" (or "h:mm:ss" from an hour, or always with `hours`), the sign kept. */
export function fmtDuration(s: number, hours = false): string {
  const neg = s < 0;
  const a = Math.floor(Math.abs(s));
  const h = Math.floor(a / 3600),
    m = Math.floor((a % 3600) / 60),
    sec = a % 60;
  const body = h > 0 || hours ? `${h}:${pad2(m)}:${pad2(sec)}` : `${pad2(m)}:${pad2(sec)}`;
  return neg ? `-${body}` : body;
}

/** Minutes into the drill, one decimal at most (for inject times). */
export function drillMinutes(tS: number, startS: number): number {
  return Math.round(((tS - startS) / 60) * 10) / 10;
}

/** Parse a list of rain rates "12, 60 80" (mm/h); null when any item is not a non-negative number. */
export function parseRainList(s: string): number[] | null {
  const parts = s.split(/[\s,，、;；]+/).filter((p) => p !== '');
  if (!parts.length) return null;
  const v = parts.map(Number);
  return v.every((x) => Number.isFinite(x) && x >= 0) ? v : null;
}
