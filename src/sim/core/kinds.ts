/**
 * Event kinds: the names of the things that can happen, as small integers.
 *
 * The event queue packs an event's kind and its entity into one Int32
 * (entity << KIND_BITS | kind), so a kind must fit in KIND_BITS bits. That
 * ceiling used to be a comment; here it is a rule: every kind is defined
 * through `defineKind`, which numbers it and refuses the one that would not
 * fit. A driver or policy that needs its own kind defines it in its own file
 * (`const PAX_ARRIVE = defineKind('metro.passengerArrive')`); importing the
 * file registers it, and the engine routes events of that kind to whoever
 * said it handles them.
 *
 * Kind numbers carry no meaning beyond identity: the queue orders events by
 * (time, insertion sequence) only, so the order in which modules define their
 * kinds cannot change a run.
 */

/** Bits of the queue's packed key given to the kind. */
export const KIND_BITS = 4;
/** Kinds that fit: 0 .. MAX_KINDS - 1 (0 is reserved as "none"). */
export const MAX_KINDS = 1 << KIND_BITS;
/** Entity ids must fit in the rest of the Int32 key. */
export const MAX_ENTITY = 2 ** (31 - KIND_BITS) - 1;

const names: string[] = ['(none)'];

/** Register a new event kind and return its number; throws when the key cannot hold another. */
export function defineKind(name: string): number {
  if (names.includes(name)) throw new Error(`event kind "${name}" is defined twice`);
  if (names.length >= MAX_KINDS)
    throw new Error(
      `event kind "${name}" would be number ${names.length}, but the queue key holds only ${MAX_KINDS} kinds ` +
        `(KIND_BITS = ${KIND_BITS}); widen KIND_BITS in src/sim/core/kinds.ts`,
    );
  names.push(name);
  return names.length - 1;
}

/** The registered kinds' names, indexed by kind number. */
export function kindNames(): readonly string[] {
  return names;
}
