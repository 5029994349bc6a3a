import { describe, expect, it } from 'vitest';
import { PathFields } from './paths.ts';

/** Passable cells from a picture: '~' water, anything else passable. */
function picture(rows: string[]): { cols: number; rows: number; passable: Uint8Array } {
  const cols = rows[0].length;
  const passable = Uint8Array.from(rows.join(''), (ch) => (ch === '~' ? 0 : 1));
  return { cols, rows: rows.length, passable };
}

/** Plain breadth-first search from a over passable cells (the impassable start leaves, the target enters). */
function reference(p: { cols: number; rows: number; passable: Uint8Array }, a: number, b: number): number {
  const n = p.cols * p.rows;
  const dist = new Array<number>(n).fill(-1);
  dist[a] = 0;
  const q = [a];
  while (q.length) {
    const c = q.shift()!;
    if (c === b) return dist[c];
    const x = c % p.cols,
      y = Math.floor(c / p.cols);
    for (const [nx, ny] of [
      [x - 1, y],
      [x + 1, y],
      [x, y - 1],
      [x, y + 1],
    ]) {
      if (nx < 0 || ny < 0 || nx >= p.cols || ny >= p.rows) continue;
      const m = ny * p.cols + nx;
      if (dist[m] >= 0 || (p.passable[m] !== 1 && m !== b)) continue;
      dist[m] = dist[c] + 1;
      q.push(m);
    }
  }
  return Infinity;
}

describe('travel distance around water', () => {
  // a river across the city from x = 0 to x = 7, open at the east end (x = 8, 9)
  const river = ['..........', '..........', '~~~~~~~~..', '..........', '..........'];

  it('a river without a bridge: the far bank is reached only around its end', () => {
    const p = picture(river);
    const f = new PathFields(p.cols, p.rows, p.passable);
    const a = 1 * 10 + 1,
      b = 3 * 10 + 1; // (1,1) to (1,3): 2 steps as the crow flies
    // east to x = 8, down 2, back west: 7 + 2 + 7 = 16
    expect(f.distance(a, b)).toBe(16);
    expect(f.distance(b, a)).toBe(16);
  });

  it('with a bridge the far bank is reached straight across', () => {
    const bridged = river.map((r, y) => (y === 2 ? '~X~~~~~~..' : r));
    const p = picture(bridged);
    const f = new PathFields(p.cols, p.rows, p.passable);
    expect(f.distance(1 * 10 + 1, 3 * 10 + 1)).toBe(2);
    // from farther east, the bridge at x = 1 or the open end at x = 8: whichever is shorter
    expect(f.distance(1 * 10 + 6, 3 * 10 + 6)).toBe(6);
  });

  it('an island without a bridge is unreachable', () => {
    const p = picture(['.....', '.~~~.', '.~.~.', '.~~~.', '.....']);
    const f = new PathFields(p.cols, p.rows, p.passable);
    expect(f.distance(0, 12)).toBe(Infinity);
    expect(f.distance(12, 0)).toBe(Infinity);
  });

  it('no water between two cells: the lattice distance, without a search', () => {
    const p = picture(river);
    const f = new PathFields(p.cols, p.rows, p.passable);
    expect(f.distance(0, 1 * 10 + 9)).toBe(10);
    expect(f.distance(3 * 10 + 2, 4 * 10 + 8)).toBe(7);
    expect(f.searchesStarted).toBe(0);
  });

  it('agrees with a plain breadth-first search on random lakes, for any order of queries', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let trial = 0; trial < 20; trial++) {
      const cols = 12,
        rows = 9;
      const passable = Uint8Array.from({ length: cols * rows }, () => (rnd() < 0.3 ? 0 : 1));
      const p = { cols, rows, passable };
      const f = new PathFields(cols, rows, passable);
      for (let k = 0; k < 60; k++) {
        const a = Math.floor(rnd() * cols * rows),
          b = Math.floor(rnd() * cols * rows);
        // the start is impassable: it leaves through its neighbours (the reference lets it start there too)
        const want = reference(p, a, b);
        expect(f.distance(a, b), `trial ${trial}: ${a} → ${b}`).toBe(want);
        // with a limit (the kept breadth-first search): exact at or below it, Infinity or exact above it
        const limit = Math.floor(rnd() * 20);
        const got = f.distance(a, b, limit);
        if (want <= limit) expect(got, `trial ${trial}: ${a} → ${b} within ${limit}`).toBe(want);
        else expect([Infinity, want]).toContain(got);
        // and once a search from b is kept, unlimited queries use it
        expect(f.distance(a, b, Infinity)).toBe(want);
      }
    }
  });
});
