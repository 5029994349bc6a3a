/** Open a saved drill record (the JSON the review exports) to review it in this window. */
import { useId } from 'react';
import { useReviewController, useReview } from '../../app/drill/context.ts';
import { useT } from './i18n/index.ts';
import { ErrorList } from './ErrorList.tsx';

export function RecordLoader() {
  const t = useT();
  const ctl = useReviewController();
  const errors = useReview((s) => s.loadErrors);
  const id = useId();
  return (
    <section className="panel record-loader" data-testid="record-loader">
      <h2 className="panel-title">{t('review.loadTitle')}</h2>
      <p className="hint">{t('review.loadIntro')}</p>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        data-testid="record-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          // over 20 MB: refused before it is read
          if (f && !ctl.refuseLargeFile(f)) await ctl.loadFile(await f.text());
          e.target.value = '';
        }}
      />
      <label htmlFor={id} className="btn primary file-btn">
        {t('review.loadButton')}
      </label>
      {errors && <ErrorList errors={errors} title={t('review.loadFailed')} testId="record-errors" />}
    </section>
  );
}
