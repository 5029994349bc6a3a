/**
 * The roster: which staff members exist and when each is on duty.
 *
 * Every shift of every team becomes a group of members. A shift runs daily
 * from `start` to `end`; "HH:MM+1" ends on the next day, so a night shift
 * 22:00-06:00+1 is on duty from 22:00 to 06:00 and, at the start of the run,
 * the members of the previous night's shift are already on duty until 06:00.
 * A team placed per grid has `staff` members of the shift in every grid; a
 * pooled team has `staff` in total, spread evenly over the grids as home
 * grids (where they come on duty and patrol).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { City } from './city.ts';

/** Minutes after midnight of "HH:MM" / "HH:MM+1". */
export function parseTimeOfDay(s: string): number {
  const m = /^(\d\d):(\d\d)(\+1)?$/.exec(s);
  if (!m) throw new Error(`bad time of day: ${s}`);
  return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? 1440 : 0);
}

export interface ShiftDef {
  team: number;
  startS: number;
  durationS: number;
  /** Member ids of this shift. */
  members: number[];
}

export interface Roster {
  shifts: ShiftDef[];
  nStaff: number;
  staffTeam: Int16Array;
  staffShift: Int32Array;
  staffHome: Int32Array;
}

export function buildRoster(sc: Scenario, city: City): Roster {
  const shifts: ShiftDef[] = [];
  const team: number[] = [],
    shift: number[] = [],
    home: number[] = [];
  sc.teams.forEach((t, ti) => {
    for (const sh of t.shifts) {
      const start = parseTimeOfDay(sh.start);
      const end = parseTimeOfDay(sh.end);
      const def: ShiftDef = { team: ti, startS: start * 60, durationS: (end - start) * 60, members: [] };
      const si = shifts.length;
      shifts.push(def);
      const add = (g: number) => {
        def.members.push(team.length);
        team.push(ti);
        shift.push(si);
        home.push(g);
      };
      const station = t.station ? sc.city.stations.find((st) => st.id === t.station) : undefined;
      if (station) {
        // based at a metro station: everyone's home is the station's grid
        const g = city.cellGrid[station.y * city.cols + station.x];
        for (let j = 0; j < sh.staff; j++) add(g);
      } else if (t.placement === 'perGrid') {
        for (let g = 0; g < city.nGrids; g++) for (let j = 0; j < sh.staff; j++) add(g);
      } else {
        for (let j = 0; j < sh.staff; j++) add(Math.floor(((j + 0.5) * city.nGrids) / sh.staff));
      }
    }
  });
  return {
    shifts,
    nStaff: team.length,
    staffTeam: Int16Array.from(team),
    staffShift: Int32Array.from(shift),
    staffHome: Int32Array.from(home),
  };
}
