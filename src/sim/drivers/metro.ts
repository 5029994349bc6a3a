/**
 * The metro driver: passengers through the security check, and the crowd
 * incidents they raise.
 *
 * Each station (metro.ts: `StationRt`) has passenger rates by hour of the
 * horizon (ridership x hourly curve; the surges driver adds planned
 * surges). Passengers arrive one by one (PAX_ARRIVE, non-homogeneous
 * Poisson from the station's substream) and take a free lane or join the
 * FIFO queue; each service is exponential with mean `securityServiceS`
 * (PAX_DONE). Lanes are the station's security staff on duty: the core
 * calls `laneOpened`/`laneClosed` as they come and go. When the queue
 * reaches `crowdThreshold`, a crowd incident (the event type marked
 * `crowdIncident`) is raised in the station's 3 x 3 neighbourhood, at most
 * one per `incidentCooldownMin`.
 */
import { defineKind } from '../core/kinds.ts';
import { METRO_DEFAULTS } from '../../scenario/schema.ts';
import { STREAM, type Stream } from '../rng.ts';
import { nextArrival } from '../arrivals.ts';
import { StationRt, baseStationRates, stationNeighbourhood } from '../metro.ts';
import type { Simulation } from '../simulation.ts';
import type { Driver } from './types.ts';

export const PAX_ARRIVE = defineKind('metro.passengerArrive');
export const PAX_DONE = defineKind('metro.passengerDone');

export class MetroDriver implements Driver {
  readonly name = 'metro';
  readonly kinds = [PAX_ARRIVE, PAX_DONE];
  private readonly sim: Simulation;
  private readonly metro: typeof METRO_DEFAULTS;
  /** The event type raised by crowding (-1: none). */
  private crowdType = -1;
  private crowdStream: Stream | null = null;

  constructor(sim: Simulation) {
    this.sim = sim;
    this.metro = sim.sc.metro ?? METRO_DEFAULTS;
  }

  init(): void {
    const sim = this.sim;
    const sc = sim.sc;
    const rates = baseStationRates(sc, sim.hours);
    const stations = sc.city.stations.map(
      (st, i) =>
        new StationRt(
          i,
          st.id,
          st.y * sim.city.cols + st.x,
          rates[i],
          sim.streams.get(STREAM.PASSENGERS_BASE + 2 * i),
          sim.streams.get(STREAM.PASSENGERS_BASE + 2 * i + 1),
          sim.warmupS,
          sim.horizonS,
        ),
    );
    sc.teams.forEach((t, ti) => {
      if (t.role === 'securityLanes' && t.station) {
        const st = stations.find((x) => x.id === t.station);
        if (st) st.laneTeam = ti;
      }
    });
    sim.stations.push(...stations);
    this.crowdType = sc.eventTypes.findIndex((et) => et.crowdIncident);
    this.crowdStream = sim.streams.get(STREAM.crowd);
  }

  start(): void {
    for (const st of this.sim.stations) this.schedule(st, 0);
  }

  handle(kind: number, si: number, token: number): void {
    const st = this.sim.stations[si];
    if (kind === PAX_DONE) this.onPassengerDone(st);
    else if (token === st.arrivalToken) this.onPassenger(st);
  }

  /** Draw station st's next arrival from `fromS` (after its rates changed: bump its token first). */
  schedule(st: StationRt, fromS: number): void {
    const next = nextArrival(st.rates, fromS, st.arrivals);
    if (next < this.sim.horizonS) this.sim.q.push(next, PAX_ARRIVE, st.index, st.arrivalToken);
  }

  /** A security member of station si came on duty: one more lane. */
  laneOpened(si: number): void {
    const st = this.sim.stations[si];
    st.lanes++;
    if (st.queueLen > 0 && st.busy < st.lanes) this.serveNext(st);
  }

  /** A security member of station si went off duty (a passenger in service finishes). */
  laneClosed(si: number): void {
    this.sim.stations[si].lanes--;
  }

  private onPassenger(st: StationRt): void {
    const sim = this.sim;
    const now = sim.now;
    this.schedule(st, now);
    if (now >= sim.warmupS) {
      st.passengers++;
      st.passengersByHour[Math.floor(now / 3600) % 24]++;
    }
    if (st.busy < st.lanes) {
      this.startService(st, now);
      return;
    }
    st.push(now);
    st.queue.add(now, 1);
    const hod = Math.floor(now / 3600) % 24;
    if (now >= sim.warmupS && st.queueLen > st.maxQueueByHour[hod]) st.maxQueueByHour[hod] = st.queueLen;
    const m = sim.sc.metro;
    if (m && this.crowdType >= 0 && st.queueLen >= m.crowdThreshold && now >= st.nextIncidentS) {
      st.nextIncidentS = now + m.incidentCooldownMin * 60;
      const around = stationNeighbourhood(sim.city, st.cell);
      sim.createCase(this.crowdType, around[this.crowdStream!.int(around.length)]);
      if (now >= sim.warmupS) st.incidents++;
    }
  }

  private serveNext(st: StationRt): void {
    const arrived = st.shift();
    st.queue.add(this.sim.now, -1);
    this.startService(st, arrived);
  }

  private startService(st: StationRt, arrivedS: number): void {
    const sim = this.sim;
    st.busy++;
    if (st.laneTeam >= 0) sim.teamBusy[st.laneTeam].add(sim.now, 1);
    if (arrivedS >= sim.warmupS) {
      const w = sim.now - arrivedS;
      st.wait.add(w);
      const hod = Math.floor(arrivedS / 3600) % 24;
      st.waitSumByHour[hod] += w;
      st.waitCountByHour[hod]++;
    }
    sim.q.push(sim.now + st.service.exp(this.metro.securityServiceS), PAX_DONE, st.index, 0);
  }

  private onPassengerDone(st: StationRt): void {
    const sim = this.sim;
    st.busy--;
    if (st.laneTeam >= 0) sim.teamBusy[st.laneTeam].add(sim.now, -1);
    if (st.queueLen > 0 && st.busy < st.lanes) this.serveNext(st);
  }
}
