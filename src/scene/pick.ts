/**
 * Click-to-pick: a click (not the end of a drag of more than 4 px) on an
 * item of a mesh calls `onPick(item)`; nothing is attached when no one
 * listens. The item is the hit instance (`instancePick`) or, for a merged
 * mesh, what its triangle belongs to (`facePick`).
 */
import type { ThreeEvent } from '@react-three/fiber';

type ClickHandler = ((e: ThreeEvent<MouseEvent>) => void) | undefined;

/** A click handler calling `onPick` with `itemOf(hit)`, when that is a number >= 0. */
function pickBy(
  itemOf: (e: ThreeEvent<MouseEvent>) => number | undefined,
  onPick?: (index: number) => void,
): ClickHandler {
  if (!onPick) return undefined;
  return (e) => {
    if (e.delta > 4) return;
    const item = itemOf(e);
    if (item === undefined || item < 0) return;
    e.stopPropagation();
    onPick(item);
  };
}

/** On an instanced mesh: instance i calls `onPick(i)`. */
export function instancePick(onPick?: (index: number) => void): ClickHandler {
  return pickBy((e) => e.instanceId, onPick);
}

/** On a merged mesh: a click on triangle t calls `onPick(itemOf(t))` (nothing when that is negative). */
export function facePick(itemOf: (faceIndex: number) => number, onPick?: (index: number) => void): ClickHandler {
  return pickBy((e) => (e.faceIndex == null ? undefined : itemOf(e.faceIndex)), onPick);
}
