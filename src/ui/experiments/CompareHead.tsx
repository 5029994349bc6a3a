/**
 * Header cells every comparison table shares: the two sides compared, their
 * difference, its 95 % interval and whether it is significant (A/B, saved
 * runs, diagnoses, grids, hours). One place, so a new comparison table says
 * the same words in the same order.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/** Difference, its 95 % interval, significant. */
export function DiffHeadCells({ diff }: { diff: ReactNode }) {
  const t = useT();
  return (
    <>
      <th scope="col" className="num">
        {diff}
      </th>
      <th scope="col" className="num">
        {t('exp.col.ci')}
      </th>
      <th scope="col">{t('exp.col.significant')}</th>
    </>
  );
}

/** The two sides, then DiffHeadCells. */
export function CompareHeadCells({ x, y, diff }: { x: ReactNode; y: ReactNode; diff: ReactNode }) {
  return (
    <>
      <th scope="col" className="num">
        {x}
      </th>
      <th scope="col" className="num">
        {y}
      </th>
      <DiffHeadCells diff={diff} />
    </>
  );
}
