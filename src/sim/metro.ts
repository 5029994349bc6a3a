/**
 * The metro crowd driver.
 *
 * Each station has a daily ridership spread over the day by the scenario's
 * hourly curve (morning and evening peaks), plus any planned surge (a
 * concert, a holiday) for given hours. Passengers arrive one by one as a
 * non-homogeneous Poisson process and pass the security check: a FIFO queue
 * in front of as many lanes as there are security staff of the station on
 * duty (the roster sets the lanes hour by hour), each passenger taking an
 * exponential time. The queue is the station's crowd level. When it passes
 * the threshold, a crowd incident is raised in the station's cell or a
 * neighbour, to be handled by marshals like any other case; at most one per
 * cooldown while the crowd stays.
 *
 * Passengers are not entities: a waiting passenger is just her arrival time
 * in a ring buffer, so 220,000 a day cost two heap events each and no
 * allocation.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { City } from './city.ts';
import { Tally, HourlyLevel } from './stats.ts';
import type { Stream } from './rng.ts';

export class StationRt {
  readonly index: number = 0;
  readonly id: string;
  readonly cell: number = 0;
  rates: Float64Array;
  readonly arrivals: Stream;
  readonly service: Stream;
  lanes = 0;
  /** Bumped when the rates change mid-run (a surge inject): the pending arrival is re-drawn. */
  arrivalToken = 0;
  busy = 0;
  /** Ring buffer of waiting passengers' arrival times. */
  private buf = new Float64Array(1024);
  private head = 0;
  queueLen = 0;
  nextIncidentS = 0;
  /** The team whose members are the lanes (its busy level tracks lanes in use). */
  laneTeam = -1;
  // statistics (post warm-up)
  readonly queue: HourlyLevel;
  readonly maxQueueByHour = new Float64Array(24);
  readonly passengersByHour = new Float64Array(24);
  readonly waitSumByHour = new Float64Array(24);
  readonly waitCountByHour = new Float64Array(24);
  readonly wait = new Tally();
  passengers = 0;
  incidents = 0;

  constructor(
    index: number,
    id: string,
    cell: number,
    rates: Float64Array,
    arrivals: Stream,
    service: Stream,
    warmupS: number,
    horizonS: number,
  ) {
    this.index = index;
    this.id = id;
    this.cell = cell;
    this.rates = rates;
    this.arrivals = arrivals;
    this.service = service;
    this.queue = new HourlyLevel(warmupS, horizonS);
  }

  push(t: number): void {
    if (this.queueLen === this.buf.length) {
      const b = new Float64Array(this.buf.length * 2);
      for (let i = 0; i < this.queueLen; i++) b[i] = this.buf[(this.head + i) % this.buf.length];
      this.buf = b;
      this.head = 0;
    }
    this.buf[(this.head + this.queueLen) % this.buf.length] = t;
    this.queueLen++;
  }

  shift(): number {
    const t = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.queueLen--;
    return t;
  }
}

/** Passenger arrival rates per hour of the horizon for every station: ridership by the hourly curve, before surges. */
export function baseStationRates(sc: Scenario, hours: number): Float64Array[] {
  const m = sc.metro;
  return sc.city.stations.map((st) => {
    const out = new Float64Array(hours);
    if (!m) return out;
    const total = m.curve.reduce((a, b) => a + b, 0);
    const daily = st.dailyRidership ?? 0;
    for (let h = 0; h < hours; h++) out[h] = total > 0 ? (daily * m.curve[h % 24]) / total : 0;
    return out;
  });
}

/** Add `extra` passengers over [fromS, fromS + durationS) to hourly `rates`, each hour its overlap's share. */
export function spreadSurge(rates: Float64Array, fromS: number, durationS: number, extra: number): void {
  const a = fromS,
    b = a + durationS,
    perS = extra / durationS;
  for (let h = Math.floor(a / 3600); h < Math.min(rates.length, Math.ceil(b / 3600)); h++) {
    const overlap = Math.min(b, (h + 1) * 3600) - Math.max(a, h * 3600);
    if (overlap > 0) rates[h] += perS * overlap;
  }
}

/** Passenger arrival rates per hour of the horizon for every station, planned surges included (what the metro and surges drivers build). */
export function stationRates(sc: Scenario, hours: number): Float64Array[] {
  const rates = baseStationRates(sc, hours);
  for (const s of sc.metro?.surges ?? []) {
    const i = sc.city.stations.findIndex((st) => st.id === s.station);
    if (i >= 0) spreadSurge(rates[i], s.startHour * 3600, s.durationH * 3600, s.extraPassengers);
  }
  return rates;
}

/** Cells of the station's 3 x 3 neighbourhood that are inside the city. */
export function stationNeighbourhood(city: City, cell: number): number[] {
  const x = city.cellX(cell),
    y = city.cellY(cell);
  const out: number[] = [];
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const cx = x + dx,
        cy = y + dy;
      if (cx >= 0 && cy >= 0 && cx < city.cols && cy < city.rows) out.push(cy * city.cols + cx);
    }
  return out;
}
