/**
 * Easy-first: score gaming, kept to show its harm.
 *
 * Types are ranked by mean handling time, the quickest first (ties: the
 * type listed first), and each rank is a class: a freed member always takes
 * the quickest kind of case waiting. Closure counts rise while long, urgent
 * cases wait; the comparison with fifo or priority order makes that visible.
 */
import type { OrderPolicy } from './types.ts';

export const easyFirst: OrderPolicy = {
  name: 'easyFirst',
  classes(types) {
    const m = types.map((t) => t.meanHandlingS);
    return {
      nClasses: types.length,
      classOf: m.map((x, i) => m.filter((y, j) => y < x || (y === x && j < i)).length),
    };
  },
};
