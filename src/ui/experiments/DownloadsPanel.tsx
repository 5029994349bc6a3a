/**
 * Downloads of the last finished experiments, written by src/export (the
 * CLI's writers): tidy CSV (one observation a row, UTF-8 with BOM), summary
 * CSV (mean and 95 % CI per variant), JSON with the manifest that re-runs
 * the numbers (`allweather replay`), and the per-case log as Apache Arrow.
 * Plus table.csv: the panel's KPI table in the UI language. Files are built
 * when the tab opens (the writers, Apache Arrow included, load then: they
 * are not in the app's first download) and saved with a Blob; nothing is
 * uploaded.
 */
import { useEffect, useState } from 'react';
import type { ExportFile } from '../../app/exportFiles.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { fmtInt } from '../format.ts';
import { saveExport, sizeOf } from './download.ts';

type Source = 'replications' | 'comparison' | 'sweep';

function FileList({ source, files }: { source: Source; files: ExportFile[] | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  if (!files) return <p className="muted">{t('dl.none')}</p>;
  return (
    <ul className="file-list">
      {files.map((f) => {
        return (
          <li key={f.name}>
            <button
              type="button"
              className="btn small"
              data-testid={`download-${source}-${f.short}`}
              title={f.name}
              onClick={() => saveExport(f)}
            >
              {t('dl.save')} {f.short}
            </button>
            <span className="muted small">{t(`dl.kind.${f.kind}` as DictKey)}</span>
            <span className="muted small num">{fmtInt(sizeOf(f), lang)} B</span>
          </li>
        );
      })}
    </ul>
  );
}

export function DownloadsPanel() {
  const t = useT();
  const exp = useExperiments();
  const lang = useStore((s) => s.lang);
  // rebuild the lists when a job finishes
  const repDone = useExp((s) => (s.replications.status === 'done' ? s.replications : null));
  const cmpDone = useExp((s) => (s.comparison.status === 'done' ? s.comparison : null));
  const swpDone = useExp((s) => (s.sweep.status === 'done' ? s.sweep : null));
  const [lists, setLists] = useState<{
    rep: ExportFile[] | null;
    cmp: ExportFile[] | null;
    swp: ExportFile[] | null;
    ready: boolean;
  }>({ rep: null, cmp: null, swp: null, ready: false });
  useEffect(() => {
    let live = true;
    void import('../../app/exportFiles.ts').then((m) => {
      const safe = (f: () => ExportFile[]) => {
        try {
          return f();
        } catch (e) {
          console.error('export failed / 导出失败', e);
          return null;
        }
      };
      const { last } = exp;
      if (!live) return;
      setLists({
        rep: last.replications ? safe(() => m.replicationFiles(last.replications!, lang)) : null,
        cmp: last.comparison ? safe(() => m.comparisonFiles(last.comparison!, lang)) : null,
        swp: last.sweep ? safe(() => m.sweepFiles(last.sweep!)) : null,
        ready: true,
      });
    });
    return () => {
      live = false;
    };
  }, [exp, lang, repDone, cmpDone, swpDone]);
  const { rep, cmp, swp } = lists;

  return (
    <div className="exp-section" data-testid="downloads" data-ready={String(lists.ready)}>
      <p className="hint">{t('dl.intro')}</p>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.replications')}</h3>
        <FileList source="replications" files={rep} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.comparison')}</h3>
        <FileList source="comparison" files={cmp} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.sweep')}</h3>
        <FileList source="sweep" files={swp} />
      </section>
      <p className="muted small">{t('dl.note')}</p>
    </div>
  );
}
