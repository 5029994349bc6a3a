import { describe, expect, it } from 'vitest';
import { parseScenarioObject } from './load.ts';
import { formatErrors, type ScenarioError } from './messages.ts';
import { parseTimeOfDay, shiftSpanMin } from './validate.ts';
import { fields, findError, isBilingual, minimalScenario, type RawScenario } from './fixtures.ts';

function errorsFor(edit: (s: RawScenario) => void): ScenarioError[] {
  const s = minimalScenario();
  edit(s);
  const r = parseScenarioObject(s);
  return r.ok ? [] : r.errors;
}

function expectError(edit: (s: RawScenario) => void, path: string, code: string): ScenarioError {
  const errors = errorsFor(edit);
  const e = findError(errors, path, code);
  expect(e, `no ${code} at ${path} in:\n${formatErrors(errors)}`).toBeDefined();
  expect(isBilingual(e!), JSON.stringify(e)).toBe(true);
  return e!;
}

function expectValid(edit: (s: RawScenario) => void) {
  const errors = errorsFor(edit);
  expect(errors, formatErrors(errors)).toEqual([]);
}

describe('validateScenario: the city', () => {
  it('grid size must divide cols and rows, and lists the sizes that do', () => {
    const e = expectError(
      (s) => {
        s.city.cols = 12;
        s.city.rows = 18;
        s.city.gridSize = 4;
      },
      '$.city.gridSize',
      'grid_size_not_dividing',
    );
    expect(e.zh).toContain('1、2、3、6');
    expectValid((s) => {
      s.city.gridSize = 2;
    });
    expectValid((s) => {
      s.city.gridSize = 10;
    });
    expectError(
      (s) => {
        s.city.gridSize = 20;
      },
      '$.city.gridSize',
      'grid_size_not_dividing',
    );
  });

  it('zones, stations and districts must lie inside the city', () => {
    expectError(
      (s) => {
        s.city.zones![0].x = 10;
      },
      '$.city.zones[0].x',
      'outside_city',
    );
    const e = expectError(
      (s) => {
        s.city.zones![0].h = 11;
      },
      '$.city.zones[0].h',
      'outside_city',
    );
    expect(e.en).toContain('h at most 10');
    expectError(
      (s) => {
        s.city.stations![0].y = 10;
      },
      '$.city.stations[0].y',
      'outside_city',
    );
    expectError(
      (s) => {
        s.city.districts![0].w = 11;
      },
      '$.city.districts[0].w',
      'outside_city',
    );
    expectValid((s) => {
      s.city.zones!.push({ x: 9, y: 9, w: 1, h: 1, landUse: 'green' });
    });
  });

  it('ids must be unique within each list', () => {
    const e = expectError(
      (s) => {
        s.teams[1].id = 'sanitation';
      },
      '$.teams[1].id',
      'duplicate_id',
    );
    expect(e.en).toContain('$.teams[0].id');
    expectError(
      (s) => {
        s.eventTypes[1].id = 'garbage';
      },
      '$.eventTypes[1].id',
      'duplicate_id',
    );
    expectError(
      (s) => {
        s.city.stations!.push({ ...s.city.stations![0], x: 1 });
      },
      '$.city.stations[1].id',
      'duplicate_id',
    );
    expectError(
      (s) => {
        s.city.districts!.push({ ...s.city.districts![0] });
      },
      '$.city.districts[1].id',
      'duplicate_id',
    );
    // The same id in two different lists is fine.
    expectValid((s) => {
      s.teams[0].id = 'garbage';
    });
  });

  it('the warm-up must be shorter than the run', () => {
    expectError(
      (s) => {
        s.run!.warmupHours = 24;
      },
      '$.run.warmupHours',
      'warmup_too_long',
    );
    expectValid((s) => {
      s.run = { days: 2, warmupHours: 24 };
    });
  });
});

describe('validateScenario: shifts', () => {
  it('an end before the start suggests +1', () => {
    const e = expectError(
      (s) => {
        s.teams[0].shifts[1].end = '06:00';
      },
      '$.teams[0].shifts[1].end',
      'shift_end_before_start',
    );
    expect(e.zh).toContain('"06:00+1"');
  });

  it('an end equal to the start is an empty shift', () => {
    const e = expectError(
      (s) => {
        s.teams[1].shifts[0].end = '08:00';
      },
      '$.teams[1].shifts[0].end',
      'shift_end_before_start',
    );
    expect(e.en).toContain('empty');
  });

  it('a shift longer than 24 h is refused; exactly 24 h is fine', () => {
    expectError(
      (s) => {
        s.teams[1].shifts[0].end = '09:00+1';
      },
      '$.teams[1].shifts[0].end',
      'shift_too_long',
    );
    expectValid((s) => {
      s.teams[1].shifts[0].end = '08:00+1';
    });
    expectValid((s) => {
      s.teams[1].shifts[0] = { start: '00:00', end: '24:00', staff: 2 };
    });
  });

  it('hour 24 only as 24:00, and no +1 on a start', () => {
    expectError(
      (s) => {
        s.teams[1].shifts[0].end = '24:30';
      },
      '$.teams[1].shifts[0].end',
      'time_out_of_range',
    );
    expectError(
      (s) => {
        s.teams[1].shifts[0].start = '01:00+1';
      },
      '$.teams[1].shifts[0].start',
      'shift_start_next_day',
    );
  });

  it('a team with zero staff on every shift is allowed', () => {
    expectValid((s) => {
      for (const sh of s.teams[0].shifts) sh.staff = 0;
    });
  });

  it('parses times of day', () => {
    expect(parseTimeOfDay('06:30')).toEqual({ minutes: 390, nextDay: false });
    expect(parseTimeOfDay('06:00+1')).toEqual({ minutes: 1800, nextDay: true });
    expect(parseTimeOfDay('24:00')).toEqual({ minutes: 1440, nextDay: false });
    expect(parseTimeOfDay('24:01')).toBeNull();
    expect(parseTimeOfDay('6:00')).toBeNull();
    expect(shiftSpanMin({ start: '22:00', end: '06:00+1' })).toEqual({ startMin: 1320, endMin: 1800 });
  });
});

describe('validateScenario: skills and crews', () => {
  it('every event type needs a team with its skill', () => {
    const e = expectError(
      (s) => {
        s.eventTypes[0].skill = 'cleaning';
      },
      '$.eventTypes[0].skill',
      'skill_without_team',
    );
    expect(e.en).toContain('"sanitation"');
  });

  it('every team needs a skill that some event type uses', () => {
    expectError(
      (s) => {
        s.teams[1].skills = ['gardening'];
      },
      '$.teams[1].skills',
      'team_skill_unused',
    );
    expectValid((s) => {
      s.teams[1].skills = ['gardening', 'enforcement'];
    });
  });

  it('a crew larger than the peak staff on duty can never assemble', () => {
    const e = expectError(
      (s) => {
        s.eventTypes[1].crew = 3;
      },
      '$.eventTypes[1].crew',
      'crew_too_large',
    );
    expect(e.en).toContain('more than 2');
    // perGrid staff count in every grid (4 grids x 1 on the night shift).
    expectValid((s) => {
      s.eventTypes[0].crew = 4;
    });
    // Overlapping shifts add up.
    expectValid((s) => {
      s.eventTypes[1].crew = 3;
      s.teams[1].shifts.push({ start: '12:00', end: '14:00', staff: 1 });
    });
    // A switched-off team is not an error.
    expectValid((s) => {
      s.eventTypes[1].crew = 3;
      s.teams[1].shifts[0].staff = 0;
    });
  });

  it('a per-grid team based at a station has its staff there once, not in every grid (as the roster does)', () => {
    // sanitation: 1 per grid at the peak, 4 grids; garbage cases now need a crew of 2
    expectValid((s) => {
      s.eventTypes[0].crew = 2;
    });
    const e = expectError(
      (s) => {
        s.eventTypes[0].crew = 2;
        s.teams[0].station = 's1';
      },
      '$.eventTypes[0].crew',
      'crew_too_large',
    );
    expect(e.en).toContain('more than 1');
  });
});

describe('validateScenario: event types and distributions', () => {
  it('a profile that sums to zero needs a zero rate', () => {
    expectError(
      (s) => {
        s.eventTypes[0].profile = Array(24).fill(0);
      },
      '$.eventTypes[0].profile',
      'profile_all_zero',
    );
    expectValid((s) => {
      s.eventTypes[0].profile = Array(24).fill(0);
      s.eventTypes[0].ratePerDay = 0;
    });
    expectValid((s) => {
      s.eventTypes[0].profile = Array(168)
        .fill(0)
        .map((_, i) => (i === 100 ? 1 : 0));
    });
  });

  it('some discovery channel must have a positive share', () => {
    expectError(
      (s) => {
        s.eventTypes[0].discovery = { sensor: 0 };
      },
      '$.eventTypes[0].discovery',
      'discovery_all_zero',
    );
  });

  it('events restricted to stations or low-lying cells need such cells', () => {
    expectError(
      (s) => {
        s.eventTypes[0].weights = { only: 'station' };
        s.city.stations = [];
      },
      '$.eventTypes[0].weights.only',
      'no_cells_for_event',
    );
    expectError(
      (s) => {
        s.eventTypes[0].weights = { only: 'lowLying' };
        s.city.zones = [];
      },
      '$.eventTypes[0].weights.only',
      'no_cells_for_event',
    );
    expectValid((s) => {
      s.eventTypes[0].weights = { only: 'lowLying' };
    });
  });

  it('uniform and triangular need min ≤ mode ≤ max, wherever they appear', () => {
    expectError(
      (s) => {
        s.eventTypes[0].handlingMin = { dist: 'uniform', min: 9, max: 3 };
      },
      '$.eventTypes[0].handlingMin.min',
      'dist_min_gt_max',
    );
    expectError(
      (s) => {
        fields(s.eventTypes[1].handlingMin).mode = 50;
      },
      '$.eventTypes[1].handlingMin.mode',
      'dist_mode_outside',
    );
    expectError(
      (s) => {
        fields(s.eventTypes[1].handlingMin).min = 45;
      },
      '$.eventTypes[1].handlingMin.min',
      'dist_min_gt_max',
    );
    expectError(
      (s) => {
        s.workflow = { verifyMin: { dist: 'triangular', min: 5, mode: 1, max: 9 } };
      },
      '$.workflow.verifyMin.mode',
      'dist_mode_outside',
    );
    expectError(
      (s) => {
        s.eventTypes[0].discovery = { citizen: 1, citizenDelayMin: { dist: 'uniform', min: 2, max: 1 } };
      },
      '$.eventTypes[0].discovery.citizenDelayMin.min',
      'dist_min_gt_max',
    );
    expectValid((s) => {
      s.eventTypes[0].handlingMin = { dist: 'uniform', min: 5, max: 5 };
    });
  });

  it('reports every problem at once', () => {
    const errors = errorsFor((s) => {
      s.city.gridSize = 3;
      s.teams[0].shifts[1].end = '06:00';
      s.eventTypes[1].skill = 'x';
    });
    expect(errors.map((e) => e.code).sort()).toEqual(
      ['grid_size_not_dividing', 'shift_end_before_start', 'skill_without_team', 'team_skill_unused'].sort(),
    );
  });
});

describe('validateScenario: metro', () => {
  const lanes = (station?: string) => ({
    id: 'security',
    name: { zh: '安检', en: 'Security' },
    skills: ['screening'],
    role: 'securityLanes' as const,
    ...(station ? { station } : {}),
    shifts: [{ start: '06:00', end: '23:00', staff: 4 }],
  });

  it('a security-lane team needs no event type for its skill, but needs a known station', () => {
    expectValid((s) => {
      s.teams.push(lanes('s1'));
    });
    expectError(
      (s) => {
        s.teams.push(lanes());
      },
      '$.teams[2].station',
      'lanes_without_station',
    );
    const e = expectError(
      (s) => {
        s.teams.push(lanes('s9'));
      },
      '$.teams[2].station',
      'unknown_station',
    );
    expect(e.en).toContain('"s1"');
  });

  it('security-lane staff do not count as handlers of a skill', () => {
    expectError(
      (s) => {
        s.teams.push({ ...lanes('s1'), skills: ['noise'] });
        s.eventTypes[1].skill = 'noise';
      },
      '$.eventTypes[1].skill',
      'skill_without_team',
    );
  });

  it('surges must name a station, and two stations cannot share a cell', () => {
    const metro = {
      curve: Array(24).fill(1),
      surges: [{ station: 'nowhere', startHour: 18, durationH: 2, extraPassengers: 5000 }],
    };
    expectError(
      (s) => {
        s.metro = metro;
      },
      '$.metro.surges[0].station',
      'unknown_station',
    );
    expectValid((s) => {
      s.metro = { ...metro, surges: [{ ...metro.surges[0], station: 's1' }] };
    });
    expectError(
      (s) => {
        s.city.stations!.push({ id: 's2', name: { zh: '二号站', en: 'Station 2' }, x: 5, y: 5 });
      },
      '$.city.stations[1]',
      'station_cell_taken',
    );
    expectError(
      (s) => {
        s.metro = { curve: Array(24).fill(0) };
      },
      '$.metro.curve',
      'profile_all_zero',
    );
  });

  it('at most one event type is the crowd incident', () => {
    expectValid((s) => {
      s.eventTypes[0].crowdIncident = true;
    });
    expectError(
      (s) => {
        s.eventTypes[0].crowdIncident = true;
        s.eventTypes[1].crowdIncident = true;
      },
      '$.eventTypes[1].crowdIncident',
      'crowd_incident_duplicate',
    );
  });
});
