/**
 * The engine's codes: the workflow's event kinds and the states of cases
 * and staff, as small integers stored in typed arrays.
 *
 * Kinds are numbered by the checked registry (kinds.ts); drivers define
 * their own kinds in their own files.
 */
import { defineKind } from './kinds.ts';
import { QUEUED_STATE } from '../queues.ts';

// The workflow's event kinds (drivers define theirs in their own files).
export const EV = {
  DISCOVER: defineKind('case.discover'),
  FILED: defineKind('case.filed'),
  STAFF_ARRIVE: defineKind('staff.arrive'),
  HANDLED: defineKind('case.handled'),
  VERIFIED: defineKind('case.verified'),
  CLOSED: defineKind('case.closed'),
  SHIFT_START: defineKind('shift.start'),
  SHIFT_END: defineKind('shift.end'),
  PATROL: defineKind('staff.patrolStep'),
  ESCALATE: defineKind('case.escalate'),
} as const;

// Case states.
export const CS = {
  FREE: 0,
  LATENT: 1,
  DISCOVERED: 2,
  QUEUED: QUEUED_STATE,
  ASSIGNED: 4,
  HANDLING: 5,
  HANDLED: 6,
  VERIFIED: 7,
} as const;
// Staff states.
export const SS = { OFF: 0, IDLE: 1, PATROL: 2, TRAVEL: 3, ON_SCENE: 4, LANE: 5 } as const;
