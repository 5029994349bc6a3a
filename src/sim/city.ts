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
 *
 * An imported district (`city.layout`, allweather import) brings its own
 * grids instead: any shape, each cell naming its grid, cells outside the
 * district belonging to none (cellGrid -1: no case occurs there, nobody
 * patrols it). Its grid ids are the district's grid codes, its districts
 * the streets (街道) of `city.hierarchy`. Everything else here answers the
 * same questions for both kinds (a grid's centre cell, its neighbours, its
 * patrol route), from tables built once.
 *
 * A "grid size" study on an imported district: with `gridSize` 1 the
 * district's own grids are used; with k > 1 its cells are regrouped into
 * k x k blocks of the lattice (cells outside stay outside; a block holding
 * no cell of the district is no grid), coded G<row>-<col> like the k x k
 * grids of a built-in city, each in the street most of its cells' own grids
 * are in. Sweeping `city.gridSize` over 1, 3, 5 ... thus compares the
 * district's grids with regular ones of each size on the same cells.
 * With `mergeToGrids` N (gridSize 1) the district's own grids are instead
 * merged with their neighbours until at most N remain (src/scenario/merge.ts: the
 * smallest grid into the 4-adjacent neighbour in the same community, else
 * the same street, else sharing the longest boundary; islands stay as they
 * are), coded by their largest constituent plus `+<others>`, each in the
 * community holding most of its cells and that community's street. Sweeping
 * `city.mergeToGrids` compares fewer, larger grids of the district's own shapes.
 */
import type { Scenario, LandUse } from '../scenario/schema.ts';
import { LAND_USES } from '../scenario/schema.ts';
import { decodeRuns } from '../scenario/runs.ts';
import { PathFields } from './paths.ts';
import { ownGridCommunities, ownGridStreets, reshape } from '../scenario/gridShape.ts';

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
  /** Each grid's name ('' when it has none: k x k grids and regrouped blocks). */
  readonly gridNames: string[];
  /** Each grid's English name ('' when it has none: only an imported district's own grids may have one). */
  readonly gridNamesEn: string[];
  /** Each grid's community (index into city.hierarchy.communities), -1 when none. */
  readonly gridCommunity: Int32Array;
  /** The city's own grids (an imported district): not the k x k lattice. */
  readonly irregular: boolean;
  /** The cell at the centre of each grid (k x k: the middle cell; imported: its cell nearest the grid's centroid, dry if any). */
  private readonly gridCentre: Int32Array;
  /** Cells of each grid in patrol (lawn-mower) order: imported grids only (k x k grids compute theirs). */
  private readonly gridCellList: Int32Array[] | null;
  /** 1 for a bridge cell: passable even over water. */
  readonly bridge: Uint8Array;
  /** Distances around water (paths.ts), or null when every cell is passable (then the lattice distance is exact). */
  private readonly paths: PathFields | null;

  constructor(sc: Scenario) {
    const c = sc.city;
    const lay = c.layout;
    this.cols = c.cols;
    this.rows = c.rows;
    this.nCells = c.cols * c.rows;
    this.cellSizeM = c.cellSizeM;
    this.k = c.gridSize;
    this.irregular = lay !== undefined;
    this.gridCols = lay ? 0 : Math.floor(c.cols / c.gridSize);
    this.gridRows = lay ? 0 : Math.floor(c.rows / c.gridSize);
    const own = lay ? decodeRuns(lay.grid, c.cols * c.rows, -1) : null;
    const { blocks, merged } = own ? reshape(c, own) : { blocks: null, merged: null };
    // the grids the study made of the district's own, if any
    const shaped = blocks ?? merged;
    this.nGrids = lay ? (shaped?.codes.length ?? lay.grids.length) : this.gridCols * this.gridRows;
    const n = this.nCells;
    this.landUse = new Uint8Array(n).fill(LAND_USES.indexOf(c.defaultLandUse));
    this.dayPop = new Float32Array(n);
    this.nightPop = new Float32Array(n);
    this.lowLying = new Uint8Array(n);
    this.bridge = new Uint8Array(n);
    this.station = new Int16Array(n).fill(-1);
    this.cellGrid = shaped?.cellGrid ?? own ?? new Int32Array(n);
    const popFactor = new Float32Array(n).fill(1);

    if (lay?.landUse) this.landUse.set(decodeRuns(lay.landUse, n, LAND_USES.indexOf(c.defaultLandUse)));
    if (lay?.lowLying) this.lowLying.set(decodeRuns(lay.lowLying, n));
    if (lay?.bridge) this.bridge.set(decodeRuns(lay.bridge, n));
    for (const z of c.zones) {
      for (let y = z.y; y < Math.min(z.y + z.h, c.rows); y++) {
        for (let x = z.x; x < Math.min(z.x + z.w, c.cols); x++) {
          const i = y * c.cols + x;
          if (z.landUse) this.landUse[i] = LAND_USES.indexOf(z.landUse);
          if (z.popFactor !== undefined) popFactor[i] = z.popFactor;
          if (z.lowLying !== undefined) this.lowLying[i] = z.lowLying ? 1 : 0;
          if (z.bridge !== undefined) this.bridge[i] = z.bridge ? 1 : 0;
        }
      }
    }
    const haPerCell = (c.cellSizeM * c.cellSizeM) / 10_000;
    for (let i = 0; i < n; i++) {
      // cells outside an imported district hold nobody
      const inside = lay ? (this.cellGrid[i] >= 0 ? 1 : 0) : 1;
      const lu = LAND_USES[this.landUse[i]];
      const d = c.density?.[lu] ?? DEFAULT_DENSITY[lu];
      this.dayPop[i] = d.day * haPerCell * popFactor[i] * inside;
      this.nightPop[i] = d.night * haPerCell * popFactor[i] * inside;
      if (lay) continue;
      const x = i % c.cols,
        y = (i / c.cols) | 0;
      const gx = Math.min((x / c.gridSize) | 0, this.gridCols - 1);
      const gy = Math.min((y / c.gridSize) | 0, this.gridRows - 1);
      this.cellGrid[i] = gy * this.gridCols + gx;
    }
    c.stations.forEach((s, si) => {
      this.station[s.y * c.cols + s.x] = si;
    });
    // travel goes around water, crossing it only at bridges
    const water = LAND_USES.indexOf('water');
    const passable = new Uint8Array(n);
    let blocked = 0;
    for (let i = 0; i < n; i++) {
      passable[i] = this.landUse[i] !== water || this.bridge[i] === 1 ? 1 : 0;
      blocked += 1 - passable[i];
    }
    this.paths = blocked > 0 && sc.travel.metric !== 'lattice' ? new PathFields(c.cols, c.rows, passable) : null;

    this.gridIds = [];
    this.gridDistrict = new Int16Array(this.nGrids);
    this.gridCentre = new Int32Array(this.nGrids);
    this.gridNames = new Array<string>(this.nGrids).fill('');
    this.gridNamesEn = new Array<string>(this.nGrids).fill('');
    this.gridCommunity = new Int32Array(this.nGrids).fill(-1);
    if (lay && blocks && own) {
      // regrouped: each block in the street of most of its cells' own grids (ties: the lower street index)
      const streets = c.hierarchy?.streets ?? [];
      this.districtIds = ['city', ...streets.map((st) => st.code)];
      const ownStreet = ownGridStreets(c, lay.grids);
      const votes = new Int32Array(this.nGrids * (streets.length + 1));
      for (let i = 0; i < n; i++) {
        const b = this.cellGrid[i];
        if (b >= 0) votes[b * (streets.length + 1) + ownStreet[own[i]]]++;
      }
      for (let b = 0; b < this.nGrids; b++) {
        this.gridIds.push(blocks.codes[b]);
        let best = 0;
        for (let st = 1; st <= streets.length; st++) {
          if (votes[b * (streets.length + 1) + st] > votes[b * (streets.length + 1) + best]) best = st;
        }
        this.gridDistrict[b] = best;
      }
      this.gridCellList = this.buildGridCells();
    } else if (lay && merged) {
      // merged (src/scenario/merge.ts): each merged grid in the community holding most of its cells, and that community's street
      const streets = c.hierarchy?.streets ?? [];
      this.districtIds = ['city', ...streets.map((st) => st.code)];
      this.gridIds.push(...merged.codes);
      merged.names.forEach((nm, g) => (this.gridNames[g] = nm));
      merged.namesEn.forEach((nm, g) => (this.gridNamesEn[g] = nm));
      this.gridCommunity.set(merged.community);
      this.gridDistrict.set(merged.street);
      this.gridCellList = this.buildGridCells();
    } else if (lay) {
      // districts are the hierarchy's streets; a grid's street is its community's
      const streets = c.hierarchy?.streets ?? [];
      this.districtIds = ['city', ...streets.map((st) => st.code)];
      this.gridDistrict.set(ownGridStreets(c, lay.grids));
      this.gridCommunity.set(ownGridCommunities(c, lay.grids));
      lay.grids.forEach((g, gi) => {
        this.gridIds.push(g.code);
        this.gridNames[gi] = g.name ?? '';
        this.gridNamesEn[gi] = g.nameEn ?? '';
      });
      this.gridCellList = this.buildGridCells();
    } else {
      this.districtIds = ['city', ...c.districts.map((d) => d.id)];
      for (let g = 0; g < this.nGrids; g++) {
        const gx = g % this.gridCols,
          gy = (g / this.gridCols) | 0;
        this.gridIds.push(`G${String(gy + 1).padStart(2, '0')}-${String(gx + 1).padStart(2, '0')}`);
        const x0 = gx * this.k,
          y0 = gy * this.k;
        const di = c.districts.findIndex((d) => x0 >= d.x && x0 < d.x + d.w && y0 >= d.y && y0 < d.y + d.h);
        this.gridDistrict[g] = di + 1;
        const half = (this.k - 1) >> 1;
        this.gridCentre[g] = (gy * this.k + half) * this.cols + gx * this.k + half;
      }
      this.gridCellList = null;
    }
  }

  /**
   * Imported grids: each grid's cells in lawn-mower order (its rows top to bottom, every other row walked
   * right to left), and its centre cell (the dry cell nearest the centroid of its cells; ties: lowest id).
   */
  private buildGridCells(): Int32Array[] {
    const n = this.nCells,
      cols = this.cols;
    const count = new Int32Array(this.nGrids + 1);
    for (let i = 0; i < n; i++) if (this.cellGrid[i] >= 0) count[this.cellGrid[i] + 1]++;
    for (let g = 0; g < this.nGrids; g++) count[g + 1] += count[g];
    const buf = new Int32Array(count[this.nGrids]);
    const at = count.slice(0, this.nGrids);
    // cells in id order: each grid's list is row by row, left to right
    for (let i = 0; i < n; i++) {
      const g = this.cellGrid[i];
      if (g >= 0) buf[at[g]++] = i;
    }
    const water = LAND_USES.indexOf('water');
    const out: Int32Array[] = [];
    for (let g = 0; g < this.nGrids; g++) {
      const cells = buf.subarray(count[g], count[g + 1]);
      if (cells.length === 0) {
        out.push(cells);
        this.gridCentre[g] = -1;
        continue;
      }
      // reverse every other row (counted from the grid's first row)
      const y0 = (cells[0] / cols) | 0;
      let s = 0;
      while (s < cells.length) {
        const y = (cells[s] / cols) | 0;
        let e = s;
        while (e < cells.length && ((cells[e] / cols) | 0) === y) e++;
        if ((y - y0) % 2 === 1) cells.subarray(s, e).reverse();
        s = e;
      }
      out.push(cells);
      let sx = 0,
        sy = 0;
      for (const c of cells) {
        sx += c % cols;
        sy += (c / cols) | 0;
      }
      const mx = sx / cells.length,
        my = sy / cells.length;
      let best = -1,
        bestD = Infinity,
        bestDry = false;
      for (const c of cells) {
        const dry = this.landUse[c] !== water || this.bridge[c] === 1;
        const d = Math.abs((c % cols) - mx) + Math.abs(((c / cols) | 0) - my);
        if ((dry && !bestDry) || (dry === bestDry && (d < bestD || (d === bestD && c < best)))) {
          best = c;
          bestD = d;
          bestDry = dry;
        }
      }
      this.gridCentre[g] = best;
    }
    return out;
  }

  cellX(i: number): number {
    return i % this.cols;
  }
  cellY(i: number): number {
    return (i / this.cols) | 0;
  }
  /**
   * Travel distance between two cells, in cell steps: the lattice (Manhattan)
   * distance, or the way around water when water lies between them (paths.ts).
   * Column and row come from the ids themselves: no per-cell table is read
   * (two random reads of multi-megabyte arrays per candidate member, at city
   * scale). Never less than `latticeDistance`, which search bounds rely on.
   * With a `limit`, a distance above it may come back as Infinity (a search
   * for the nearest member passes the best so far: farther is all it needs).
   */
  cellDistance(a: number, b: number, limit = Infinity): number {
    if (this.paths !== null) return this.paths.distance(a, b, limit);
    return this.latticeDistance(a, b);
  }

  /** Lattice (Manhattan) distance between two cells, in cells: a lower bound of `cellDistance`. */
  latticeDistance(a: number, b: number): number {
    const cols = this.cols;
    const ya = (a / cols) | 0,
      yb = (b / cols) | 0;
    const dx = a - ya * cols - (b - yb * cols),
      dy = ya - yb;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
  }
  /** The cell at the centre of grid g. */
  gridCentreCell(g: number): number {
    return this.gridCentre[g];
  }
  /** Grids adjacent to g (8-neighbourhood; imported grids: any grid with a cell touching one of g's, corners too), not including g. */
  neighbourGrids(g: number): number[] {
    if (this.gridCellList) {
      const cols = this.cols,
        rows = this.rows;
      const seen = new Set<number>();
      for (const c of this.gridCellList[g]) {
        const x = c % cols,
          y = (c / cols) | 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx,
              yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= cols || yy >= rows) continue;
            const h = this.cellGrid[yy * cols + xx];
            if (h >= 0 && h !== g) seen.add(h);
          }
        }
      }
      return [...seen].sort((a, b) => a - b);
    }
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
    const dry = all.filter((c) => this.landUse[c] !== water || this.bridge[c] === 1);
    return dry.length > 0 ? dry : all;
  }

  /** Every grid's patrol route (as `patrolRoute`), as views into one buffer. */
  patrolRoutes(): Int32Array[] {
    const water = LAND_USES.indexOf('water');
    let total = 0;
    for (let g = 0; g < this.nGrids; g++) total += this.gridCellCount(g);
    const buf = new Int32Array(total);
    const out: Int32Array[] = new Array(this.nGrids);
    let at = 0;
    for (let g = 0; g < this.nGrids; g++) {
      const all = this.gridCells(g);
      const from = at;
      for (let i = 0; i < all.length; i++)
        if (this.landUse[all[i]] !== water || this.bridge[all[i]] === 1) buf[at++] = all[i];
      if (at === from) {
        buf.set(all, at);
        at += all.length;
      }
      out[g] = buf.subarray(from, at);
    }
    return out;
  }

  /** Cells in grid g. */
  gridCellCount(g: number): number {
    return this.gridCellList ? this.gridCellList[g].length : this.k * this.k;
  }

  /** Cells of grid g in boustrophedon order. */
  gridCells(g: number): Int32Array {
    if (this.gridCellList) return this.gridCellList[g];
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
