/**
 * Subscribes to the frame stream, stores each frame in the shared
 * FrameStore and requests one render (`invalidate`). With
 * `frameloop="demand"` this is what makes the canvas draw: no frame, no
 * render, so a paused run costs nothing.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Observable } from 'rxjs';
import type { Frame } from '../sim/frame.ts';
import type { FrameStore } from './frameStore.ts';

export interface FrameBridgeProps {
  /** Frames to draw (latest per animation frame). */
  frames$: Observable<Frame>;
  /** Where to put them. */
  store: FrameStore;
}

export function FrameBridge({ frames$, store }: FrameBridgeProps): null {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const sub = frames$.subscribe((f) => {
      store.frame = f;
      store.version++;
      invalidate();
    });
    return () => sub.unsubscribe();
  }, [frames$, store, invalidate]);
  return null;
}
