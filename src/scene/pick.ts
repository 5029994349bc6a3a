/**
 * Click-to-pick on an instanced mesh (or, facePick, a merged one): a click (not the end of a drag of more
 * than 4 px) on instance i calls `onPick(i)`; nothing is attached when no
 * one listens.
 */
import type { ThreeEvent } from '@react-three/fiber';

export function instancePick(onPick?: (index: number) => void): ((e: ThreeEvent<MouseEvent>) => void) | undefined {
  if (!onPick) return undefined;
  return (e) => {
    if (e.delta > 4 || e.instanceId === undefined) return;
    e.stopPropagation();
    onPick(e.instanceId);
  };
}

/** The same for a merged mesh: a click on triangle t calls `onPick(itemOf(t))` (nothing when that is negative). */
export function facePick(
  itemOf: (faceIndex: number) => number,
  onPick?: (index: number) => void,
): ((e: ThreeEvent<MouseEvent>) => void) | undefined {
  if (!onPick) return undefined;
  return (e) => {
    if (e.delta > 4 || e.faceIndex == null) return;
    const item = itemOf(e.faceIndex);
    if (item < 0) return;
    e.stopPropagation();
    onPick(item);
  };
}
