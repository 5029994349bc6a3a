/**
 * The latest simulation frame, shared by the scene's components without
 * React state.
 *
 * Frames arrive up to once per animation frame. Putting them in React
 * state would re-render the tree each time; instead the bridge writes the
 * frame here, bumps `version` and asks R3F for one render. Each mesh, in
 * its `useFrame`, compares `version` with the one it last applied and
 * updates its typed arrays in place only when there is something new (the
 * "transient update" pattern of react-three-fiber).
 */
import type { Frame } from '../sim/frame.ts';

export interface FrameStore {
  frame: Frame | null;
  /** Bumped on every frame received; 0 before the first. */
  version: number;
}

export function createFrameStore(): FrameStore {
  return { frame: null, version: 0 };
}
