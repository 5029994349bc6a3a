/**
 * The responsibility-grid size (k × k unit cells; the sizes that divide the
 * city are listed) and the coverage target (a grid-hour is covered when its
 * SLA attainment is at least this share). An imported district (with a
 * layout) regroups its cells for any k, and can instead merge its own grids
 * to a count (`city.mergeToGrids`, src/scenario/merge.ts): that field shows only there.
 */
import { dividingGridSizes } from '../experiments/choices.ts';
import { getIn } from '../../app/editor.ts';
import { useEditorState } from '../../app/useStore.ts';
import { useT } from '../i18n/index.ts';
import { NumberField } from './NumberField.tsx';

export function GridSection() {
  const t = useT();
  const cols = useEditorState((s) => getIn(s.draft, ['city', 'cols']));
  const rows = useEditorState((s) => getIn(s.draft, ['city', 'rows']));
  const ownGrids = useEditorState((s) => {
    const grids = getIn(s.draft, ['city', 'layout', 'grids']);
    return Array.isArray(grids) ? grids.length : null;
  });
  const sizes =
    typeof cols === 'number' && typeof rows === 'number' && cols > 0 && rows > 0 ? dividingGridSizes(cols, rows) : [];
  return (
    <section className="ed-section" data-testid="ed-grid" aria-labelledby="ed-grid-title">
      <h3 id="ed-grid-title" className="sub-title">
        {t('ed.gridAndTargets')}
      </h3>
      <div className="form-grid">
        <NumberField
          path={['city', 'gridSize']}
          label={t('ed.gridSize')}
          hint={
            ownGrids !== null
              ? t('ed.gridSizeDistrictHint')
              : sizes.length
                ? t('ed.gridSizeHint', { cols: String(cols), rows: String(rows), sizes: sizes.join(', ') })
                : undefined
          }
        />
        {ownGrids !== null && (
          <NumberField
            path={['city', 'mergeToGrids']}
            label={t('ed.mergeToGrids')}
            optional
            placeholder={String(ownGrids)}
            hint={t('ed.mergeToGridsHint', { n: String(ownGrids) })}
          />
        )}
        <NumberField
          path={['targets', 'coverage']}
          label={t('ed.coverageTarget')}
          optional
          placeholder="0.8"
          hint={t('ed.coverageHint')}
        />
      </div>
    </section>
  );
}
