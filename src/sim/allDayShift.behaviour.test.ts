/**
 * A 24-hour shift (00:00–24:00, or 08:00–08:00+1) ends at the instant it
 * starts again: the same members are on duty on both sides of that instant,
 * so nothing happens to them there. A busy member keeps its case (no
 * handover, no overtime), an idle one stays where it is (no trip home).
 *
 * Observed through a drill session with automatic dispatch on a one-row city
 * (src/drill/handBuilt.ts: a trip of d cells takes 100·d s, 50 s inside a
 * cell) and through frames (snapshot.ts).
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team, tripS } from '../drill/handBuilt.ts';

const H = 3600;

// one member of a pooled team, placed in the middle grid (cell 1, a 100 s trip from cell 2); a 60-minute case at
// cell 2 at 23:30, and a second day to run into
const city = (shiftEnd: 'overtime' | 'handover', start = '00:00', end = '24:00') =>
  lineCity(
    3,
    [caseType('job', { handlingMin: 60 })],
    [team('allday', { shiftEnd, shifts: [{ start, end, staff: 1 }] })],
    {
      run: { days: 2, warmupHours: 0, seed: 1 },
    },
  );

describe('a 24-hour shift across its own end', () => {
  for (const shiftEnd of ['handover', 'overtime'] as const) {
    it(`${shiftEnd}: the member working at midnight keeps its case, one trip, handled an hour after it arrived; no overtime`, () => {
      const { records, session } = playInjects(city(shiftEnd), [{ atMin: 23 * 60 + 30, type: 'job', x: 2 }], {
        durationMin: 30 * 60,
      });
      const r = records[0];
      expect(r.travelS).toBe(tripS(1));
      expect(r.handlingS).toBe(H);
      expect(r.handledS).toBe(23.5 * H + tripS(1) + H);
      session.engine.runUntil(session.engine.horizonS);
      expect(session.engine.frame().result!.kpis.overtimeHours).toBe(0);
    });
  }

  it('a shift from 08:00 to 08:00+1 is the same rule at 08:00', () => {
    const { records } = playInjects(city('handover', '08:00', '08:00+1'), [{ atMin: 7 * 60 + 30, type: 'job', x: 2 }], {
      durationMin: 30 * 60,
    });
    expect(records[0].travelS).toBe(tripS(1));
    expect(records[0].handledS).toBe(7.5 * H + tripS(1) + H);
  });

  it('an idle member stays where its last case left it at midnight (no trip home)', () => {
    // the case at 22:00 is done at 23:01:40 at cell 2; a second case at cell 2 at 00:30 is a 50 s walk, not 100 s from home
    const { records } = playInjects(
      city('overtime'),
      [
        { atMin: 22 * 60, type: 'job', x: 2 },
        { atMin: 24 * 60 + 30, type: 'job', x: 2 },
      ],
      { durationMin: 30 * 60 },
    );
    expect(records[1].travelS).toBe(tripS(0));
  });
});
