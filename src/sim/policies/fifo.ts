/**
 * First in, first out: one class; cases are served in filing order whatever
 * their type (a case put back by preemption or handover goes to the front).
 */
import type { OrderPolicy } from './types.ts';

export const fifo: OrderPolicy = {
  name: 'fifo',
  classes: (types) => ({ nClasses: 1, classOf: types.map(() => 0) }),
};
