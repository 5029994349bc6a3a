/**
 * A dark ground plane a little larger than the city: the "streets" seen
 * between the cell boxes, and a calm frame around the plan. A click that
 * lands in a street (between the boxes) picks the cell it falls in, so
 * cells are easy to hit even when the city is small on screen.
 */
import { useEffect, useMemo } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { Mesh, PlaneGeometry, type ShaderMaterial } from 'three';
import { asIsColorMaterial } from './asIsMaterials.ts';
import type { SceneMetrics } from './cityGeometry.ts';
import { GROUND } from './palette.ts';

export interface GroundProps {
  metrics: SceneMetrics;
  /** Called with the cell index under a click on the ground inside the city. */
  onPick?: (cell: number) => void;
}

export function Ground({ metrics, onPick }: GroundProps) {
  const mesh = useMemo(() => {
    const margin = Math.max(1, metrics.span * 0.03);
    const g = new PlaneGeometry(metrics.cols + 2 * margin, metrics.rows + 2 * margin);
    g.rotateX(-Math.PI / 2);
    const m = new Mesh(g, asIsColorMaterial(GROUND));
    m.position.y = -0.01;
    m.name = 'ground';
    return m;
  }, [metrics]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      (mesh.material as ShaderMaterial).dispose();
    },
    [mesh],
  );
  const onClick = onPick
    ? (e: ThreeEvent<MouseEvent>) => {
        if (e.delta > 4) return;
        const x = Math.floor(e.point.x + metrics.halfX),
          y = Math.floor(e.point.z + metrics.halfZ);
        if (x < 0 || y < 0 || x >= metrics.cols || y >= metrics.rows) return;
        e.stopPropagation();
        onPick(y * metrics.cols + x);
      }
    : undefined;
  return <primitive object={mesh} onClick={onClick} />;
}
