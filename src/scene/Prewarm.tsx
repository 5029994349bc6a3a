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
 *
 * Without that extension (SwiftShader has none) the first use of a program
 * waits for its link, and the first render waited for all of them at once:
 * 0.5–1 s main-thread tasks while `lianhu-grids` loaded on a loaded machine
 * (issue 12). There, rendering pauses (frameloop 'never') while the scene's
 * drawable objects are compiled one per task; a fence (gpuFence.ts) then
 * waits, without blocking, until the GPU process has linked them, and each
 * program's first use (`getUniforms`, which asks for its link result) runs
 * in a task of its own; then rendering resumes with one render, as above.
 * (A layout effect: rendering pauses before the first frame after the
 * layers' mount.) Measured in a test page (three 1,200-line programs, load
 * average ~4): asking right after the link waited 760–1,210 ms; asking after
 * the fence, 80–450 ms.
 */
import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Material, Object3D } from 'three';
import { nextTask } from '../app/nextTask.ts';
import { gpuCaughtUp } from './gpuFence.ts';

interface Drawable extends Object3D {
  material?: Material | Material[];
}
/** What three keeps per material: the program it compiled (getUniforms() on first use checks the link). */
interface MaterialProps {
  currentProgram?: { getUniforms(): unknown };
}

export function Prewarm(): null {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const setFrameloop = useThree((s) => s.setFrameloop);
  const getState = useThree((s) => s.get);
  useLayoutEffect(() => {
    const shown: Object3D[] = [];
    scene.traverse((o) => {
      if (!o.visible) {
        o.visible = true;
        shown.push(o);
      }
    });
    let live = true;
    if (gl.extensions.has('KHR_parallel_shader_compile')) {
      const ready = gl.compileAsync(scene, camera); // issues every compile now, synchronously
      for (const o of shown) o.visible = false;
      ready.then(
        () => live && invalidate(),
        () => live && invalidate(),
      );
      return () => {
        live = false;
      };
    }
    for (const o of shown) o.visible = false;
    const drawables: Drawable[] = [];
    scene.traverse((o) => {
      if ((o as Drawable).material) drawables.push(o);
    });
    const loop = getState().frameloop;
    setFrameloop('never');
    getState().internal.frames = 0; // a render already asked for (the layers' mount) would link them all at once
    const resume = () => {
      if (getState().frameloop === 'never') setFrameloop(loop);
      invalidate();
    };
    void (async () => {
      // issue every compile and link, one object per task (building a program's source is work of its own)
      const compiled: Material[] = [];
      for (const o of drawables) {
        await nextTask();
        if (!live) return;
        if (!o.parent) continue; // removed meanwhile
        for (const m of gl.compile(o, camera, scene)) compiled.push(m);
      }
      // let the GPU process link them while the page goes on, then take each program's link result in a task
      await gpuCaughtUp(gl.getContext());
      for (const m of compiled) {
        await nextTask();
        if (!live) return;
        (gl.properties.get(m) as MaterialProps).currentProgram?.getUniforms();
      }
      if (live) resume();
    })();
    return () => {
      if (live) resume();
      live = false;
    };
  }, [gl, scene, camera, invalidate, setFrameloop, getState]);
  return null;
}
