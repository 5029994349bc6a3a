/**
 * The responsibility-grid size (k × k unit cells; the sizes that divide the
 * city are listed) and the coverage target (a grid-hour is covered when its
 * SLA attainment is at least this share).
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
            sizes.length
              ? t('ed.gridSizeHint', { cols: String(cols), rows: String(rows), sizes: sizes.join(', ') })
              : undefined
          }
        />
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
