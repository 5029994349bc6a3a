/**
 * Downloads of the last finished experiments, written by src/export (the
 * CLI's writers): tidy CSV (one observation a row, UTF-8 with BOM), summary
 * CSV (mean and 95 % CI per variant), JSON with the manifest that re-runs
 * the numbers (`allweather replay`), and the per-case log as Apache Arrow.
 * Plus table.csv: the panel's KPI table in the UI language, Parquet (tidy
 * table and case log), and per experiment one zip of all its files under
 * their own names with a manifest listing their SHA-256, which
 * `allweather replay <zip>` checks byte for byte. Files are built
 * when the tab opens (the writers, Apache Arrow included, load then: they
 * are not in the app's first download) and saved with a Blob; nothing is
 * uploaded.
 */
import { useEffect, useState } from 'react';
import type { ExportFile } from '../../app/exportFiles.ts';
import { useExperiments, useExp, useStore } from '../../app/useStore.ts';
import { useDec } from '../../app/useDecisions.ts';
import { useT, type DictKey } from '../i18n/index.ts';
import { fmtInt } from '../format.ts';
import { saveExport, sizeOf } from './download.ts';

type Source = 'replications' | 'comparison' | 'sweep' | 'optimise' | 'staffing' | 'diagnosis';

function FileList({ source, files, zip }: { source: Source; files: ExportFile[] | null; zip?: ExportFile | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  if (!files) return <p className="muted">{t('dl.none')}</p>;
  return (
    <ul className="file-list">
      {zip && (
        <li key={zip.name}>
          <button
            type="button"
            className="btn small primary"
            data-testid={`download-${source}-zip`}
            title={zip.name}
            onClick={() => saveExport(zip)}
          >
            {t('dl.save')} {zip.name}
          </button>
          <span className="muted small">{t('dl.kind.zip')}</span>
          <span className="muted small num">{fmtInt(sizeOf(zip), lang)} B</span>
        </li>
      )}
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
  const staffing = useExp((s) => (s.staffing.status === 'done' ? s.staffing : null));
  const optimise = useDec((s) => (s.optimise.status === 'done' ? s.optimise : null));
  const diagnosis = useDec((s) => (s.diagnose.status === 'done' ? s.diagnose : null));
  type Lists = Record<'rep' | 'cmp' | 'swp' | 'opt' | 'stf' | 'dia', ExportFile[] | null>;
  const [lists, setLists] = useState<Lists & { zips: Partial<Record<keyof Lists, ExportFile | null>>; ready: boolean }>(
    { rep: null, cmp: null, swp: null, opt: null, stf: null, dia: null, zips: {}, ready: false },
  );
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
      const got: Lists = {
        rep: last.replications ? safe(() => m.replicationFiles(last.replications!, lang)) : null,
        cmp: last.comparison ? safe(() => m.comparisonFiles(last.comparison!, lang)) : null,
        swp: last.sweep ? safe(() => m.sweepFiles(last.sweep!)) : null,
        opt: optimise ? safe(() => m.optimiseFiles(optimise) ?? []) : null,
        stf: staffing ? safe(() => m.staffingFiles(staffing, last.staffing) ?? []) : null,
        dia: diagnosis ? safe(() => m.diagnosisFiles(diagnosis) ?? []) : null,
      };
      const zips: Partial<Record<keyof Lists, ExportFile | null>> = {};
      for (const k of Object.keys(got) as (keyof Lists)[]) {
        const files = got[k];
        if (files && files.length > 0) zips[k] = safe(() => [m.experimentZip(files)])?.[0] ?? null;
        else got[k] = null;
      }
      setLists({ ...got, zips, ready: true });
    });
    return () => {
      live = false;
    };
  }, [exp, lang, repDone, cmpDone, swpDone, optimise, staffing, diagnosis]);
  const { rep, cmp, swp, opt, stf, dia, zips } = lists;

  return (
    <div className="exp-section" data-testid="downloads" data-ready={String(lists.ready)}>
      <p className="hint">{t('dl.intro')}</p>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.replications')}</h3>
        <FileList source="replications" files={rep} zip={zips.rep} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.comparison')}</h3>
        <FileList source="comparison" files={cmp} zip={zips.cmp} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.sweep')}</h3>
        <FileList source="sweep" files={swp} zip={zips.swp} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.optimise')}</h3>
        <FileList source="optimise" files={opt} zip={zips.opt} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.staffing')}</h3>
        <FileList source="staffing" files={stf} zip={zips.stf} />
      </section>
      <section className="sub-section">
        <h3 className="sub-title">{t('dl.diagnosis')}</h3>
        <FileList source="diagnosis" files={dia} zip={zips.dia} />
      </section>
      <p className="muted small">{t('dl.note')}</p>
    </div>
  );
}
