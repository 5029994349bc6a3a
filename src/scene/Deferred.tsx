/**
 * `<Deferred>`: renders its children in a task after its own mount (inside
 * the canvas: after react-three-fiber has created the WebGL renderer). The
 * renderer's creation (the WebGL context) and the building of a large city's
 * layers (geometry, textures, shader compiles) were one main-thread task of
 * 0.3–0.8 s on a loaded machine; apart, each is a task of its own (issue 12).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { nextTask } from '../app/nextTask.ts';

export function Deferred({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let live = true;
    void nextTask().then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, []);
  return shown ? children : null;
}
