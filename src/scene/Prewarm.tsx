/**
 * Compiles every shader of the scene once it is built, before the run
 * plays.
 *
 * Some layers are hidden until they have something to show (cases, late
 * rings, rain), and three compiles a material's program the first time it
 * draws it; the first use then asks the GPU whether linking succeeded, a
 * synchronous round trip. Under a software GPU (SwiftShader, used by the
 * tests and CI) that round trip waits for whatever frame the GPU is still
 * rasterising, which showed up as a main-thread task of 0.4-2.4 s when the
 * first case appeared mid-run. So, on mount, every hidden object is shown
 * while the scene is compiled and hidden again. The compilation is
 * asynchronous (`compileAsync`: with KHR_parallel_shader_compile the GPU
 * links in the background and nothing waits for it on the main thread);
 * one render follows when every program is ready.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Object3D } from 'three';

export function Prewarm(): null {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const shown: Object3D[] = [];
    scene.traverse((o) => {
      if (!o.visible) {
        o.visible = true;
        shown.push(o);
      }
    });
    let live = true;
    const ready = gl.compileAsync(scene, camera); // issues every compile now, synchronously
    for (const o of shown) o.visible = false;
    ready.then(
      () => live && invalidate(),
      () => live && invalidate(),
    );
    return () => {
      live = false;
    };
  }, [gl, scene, camera, invalidate]);
  return null;
}
