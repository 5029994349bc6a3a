/**
 * The city model: unit cells, responsibility grids, districts.
 *
 * Unit cells (单元网格) form a cols x rows lattice, `cellSizeM` on a side
 * (100 m by default: the usual 10,000 m² cell of digital city management).
 * Each cell carries a land use, a day and a night population, a low-lying
 * flag (where water gathers in a storm) and optionally a metro station.
 * Everything is stored as typed arrays indexed by cell id = y * cols + x.
 *
 * A responsibility grid (责任网格) is a k x k block of cells; k is the
 * planner's "grid size". Grids are numbered row by row over the
 * (cols/k) x (rows/k) block lattice. A district (区/街道) groups the grids
 * whose top-left cell lies in its rectangle; grids outside every district
 * belong to a catch-all district 0.
 */
import type { Scenario, LandUse } from '../scenario/schema.ts';
import { LAND_USES } from '../scenario/schema.ts';

/** People per hectare by land use, day and night (central Shanghai order of magnitude). */
export const DEFAULT_DENSITY: Record<LandUse, { day: number; night: number }> = {
  residential: { day: 250, night: 450 },
  commercial: { day: 800, night: 100 },
  industrial: { day: 150, night: 30 },
  transport: { day: 300, night: 50 },
  green: { day: 60, night: 5 },
  water: { day: 0, night: 0 },
  mixed: { day: 400, night: 300 },
};

export class City {
  readonly cols: number = 0;
  readonly rows: number = 0;
  readonly nCells: number = 0;
  readonly cellSizeM: number = 0;
  readonly k: number = 0;
  readonly gridCols: number = 0;
  readonly gridRows: number = 0;
  readonly nGrids: number = 0;
  /** Index into LAND_USES. */
  readonly landUse: Uint8Array;
  readonly dayPop: Float32Array;
  readonly nightPop: Float32Array;
  readonly lowLying: Uint8Array;
  /** Station index or -1. */
  readonly station: Int16Array;
  readonly cellGrid: Int32Array;
  readonly gridDistrict: Int16Array;
  readonly gridIds: string[];
  readonly districtIds: string[];

  constructor(sc: Scenario) {
    const c = sc.city;
    this.cols = c.cols;
    this.rows = c.rows;
    this.nCells = c.cols * c.rows;
    this.cellSizeM = c.cellSizeM;
    this.k = c.gridSize;
    this.gridCols = Math.floor(c.cols / c.gridSize);
    this.gridRows = Math.floor(c.rows / c.gridSize);
    this.nGrids = this.gridCols * this.gridRows;
    const n = this.nCells;
    this.landUse = new Uint8Array(n).fill(LAND_USES.indexOf(c.defaultLandUse));
    this.dayPop = new Float32Array(n);
    this.nightPop = new Float32Array(n);
    this.lowLying = new Uint8Array(n);
    this.station = new Int16Array(n).fill(-1);
    this.cellGrid = new Int32Array(n);
    const popFactor = new Float32Array(n).fill(1);

    for (const z of c.zones) {
      for (let y = z.y; y < Math.min(z.y + z.h, c.rows); y++) {
        for (let x = z.x; x < Math.min(z.x + z.w, c.cols); x++) {
          const i = y * c.cols + x;
          if (z.landUse) this.landUse[i] = LAND_USES.indexOf(z.landUse);
          if (z.popFactor !== undefined) popFactor[i] = z.popFactor;
          if (z.lowLying !== undefined) this.lowLying[i] = z.lowLying ? 1 : 0;
        }
      }
    }
    const haPerCell = (c.cellSizeM * c.cellSizeM) / 10_000;
    for (let i = 0; i < n; i++) {
      const lu = LAND_USES[this.landUse[i]];
      const d = c.density?.[lu] ?? DEFAULT_DENSITY[lu];
      this.dayPop[i] = d.day * haPerCell * popFactor[i];
      this.nightPop[i] = d.night * haPerCell * popFactor[i];
      const x = i % c.cols,
        y = (i / c.cols) | 0;
      const gx = Math.min((x / c.gridSize) | 0, this.gridCols - 1);
      const gy = Math.min((y / c.gridSize) | 0, this.gridRows - 1);
      this.cellGrid[i] = gy * this.gridCols + gx;
    }
    c.stations.forEach((s, si) => {
      this.station[s.y * c.cols + s.x] = si;
    });

    this.gridIds = [];
    this.gridDistrict = new Int16Array(this.nGrids);
    this.districtIds = ['city', ...c.districts.map((d) => d.id)];
    for (let g = 0; g < this.nGrids; g++) {
      const gx = g % this.gridCols,
        gy = (g / this.gridCols) | 0;
      this.gridIds.push(`G${String(gy + 1).padStart(2, '0')}-${String(gx + 1).padStart(2, '0')}`);
      const x0 = gx * this.k,
        y0 = gy * this.k;
      const di = c.districts.findIndex((d) => x0 >= d.x && x0 < d.x + d.w && y0 >= d.y && y0 < d.y + d.h);
      this.gridDistrict[g] = di + 1;
    }
  }

  cellX(i: number): number {
    return i % this.cols;
  }
  cellY(i: number): number {
    return (i / this.cols) | 0;
  }
  /**
   * Lattice (Manhattan) distance between two cells, in cells. Column and row
   * come from the ids themselves: no per-cell table is read (two random reads
   * of multi-megabyte arrays per candidate member, at city scale).
   */
  cellDistance(a: number, b: number): number {
    const cols = this.cols;
    const ya = (a / cols) | 0,
      yb = (b / cols) | 0;
    const dx = a - ya * cols - (b - yb * cols),
      dy = ya - yb;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
  }
  /** The cell at the centre of grid g. */
  gridCentreCell(g: number): number {
    const gx = g % this.gridCols,
      gy = (g / this.gridCols) | 0;
    const half = (this.k - 1) >> 1;
    return (gy * this.k + half) * this.cols + gx * this.k + half;
  }
  /** Grids adjacent to g (8-neighbourhood), not including g. */
  neighbourGrids(g: number): number[] {
    const gx = g % this.gridCols,
      gy = (g / this.gridCols) | 0;
    const out: number[] = [];
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue;
        const x = gx + dx,
          y = gy + dy;
        if (x >= 0 && y >= 0 && x < this.gridCols && y < this.gridRows) out.push(y * this.gridCols + x);
      }
    }
    return out;
  }
  /** Cells of grid g in boustrophedon (lawn-mower) order, water left out: the patrol route. */
  patrolRoute(g: number): Int32Array {
    const all = this.gridCells(g);
    const water = LAND_USES.indexOf('water');
    const dry = all.filter((c) => this.landUse[c] !== water);
    return dry.length > 0 ? dry : all;
  }

  /** Every grid's patrol route (as `patrolRoute`), as views into one buffer. */
  patrolRoutes(): Int32Array[] {
    const water = LAND_USES.indexOf('water');
    const kk = this.k * this.k;
    const buf = new Int32Array(this.nGrids * kk);
    const out: Int32Array[] = new Array(this.nGrids);
    let at = 0;
    for (let g = 0; g < this.nGrids; g++) {
      const all = this.gridCells(g);
      const from = at;
      for (let i = 0; i < kk; i++) if (this.landUse[all[i]] !== water) buf[at++] = all[i];
      if (at === from) {
        buf.set(all, at);
        at += kk;
      }
      out[g] = buf.subarray(from, at);
    }
    return out;
  }

  /** Cells of grid g in boustrophedon order. */
  private gridCells(g: number): Int32Array {
    const gx = g % this.gridCols,
      gy = (g / this.gridCols) | 0;
    const k = this.k;
    const route = new Int32Array(k * k);
    let j = 0;
    for (let dy = 0; dy < k; dy++) {
      for (let t = 0; t < k; t++) {
        const dx = dy % 2 === 0 ? t : k - 1 - t;
        route[j++] = (gy * k + dy) * this.cols + gx * k + dx;
      }
    }
    return route;
  }
}
