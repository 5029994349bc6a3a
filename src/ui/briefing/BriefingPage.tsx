/**
 * The briefing (汇报材料) of a saved experiment: one printable page in the
 * order a briefing is read — the question, the scenario and its changes,
 * the results with their intervals and charts, the diagnosis, the
 * recommended plan and its cost, and the method with its limits in plain
 * words. zh-CN first, English by the switch; "Print / save as PDF" uses the
 * browser's print (A4, see briefing.css: sections and tables are not cut
 * across pages where they fit on one).
 */
import { useEffect, useMemo, useState } from 'react';
import type { SavedExperiment } from '../../app/savedFormat.ts';
import { kindName } from '../../app/savedExperiments.ts';
import { useStore } from '../../app/useStore.ts';
import { APP_VERSION } from '../../app/version.ts';
import { pickName, useT } from '../i18n/index.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { DiagnosisView } from '../diagnosis/DiagnosisView.tsx';
import { namesOfText } from '../diagnosis/limitText.ts';
import { SavedResultView } from '../experiments/SavedResultView.tsx';
import { fmtDate, shownTitle } from '../experiments/savedText.ts';
import { changesInWords, methodOf, planOf, questionOf, scenarioOf } from './briefingText.ts';

export interface BriefingPageProps {
  load: () => Promise<SavedExperiment | null>;
}

export function BriefingPage({ load }: BriefingPageProps) {
  const t = useT();
  const [rec, setRec] = useState<SavedExperiment | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void load().then((r) => live && setRec(r));
    return () => {
      live = false;
    };
  }, [load]);
  return (
    <div className="briefing" data-testid="briefing" data-ready={String(rec !== undefined)}>
      <div className="briefing-toolbar no-print">
        <LangSwitch />
        <button type="button" className="btn" data-testid="briefing-print" onClick={() => window.print()}>
          {t('brief.print')}
        </button>
      </div>
      {rec === undefined ? (
        <p className="muted">{t('brief.loading')}</p>
      ) : rec === null ? (
        <p className="unmet" data-testid="briefing-not-found">
          {t('brief.notFound')}
        </p>
      ) : (
        <Briefing rec={rec} />
      )}
    </div>
  );
}

function Briefing({ rec }: { rec: SavedExperiment }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const sc = useMemo(() => scenarioOf(rec), [rec]);
  const [openedAt] = useState(() => Date.now());
  const name = shownTitle(lang, {
    name: rec.name,
    title: rec.title,
    scenarioId: rec.scenario.id,
    scenarioName: sc?.name ?? null,
  });
  const changes = changesInWords(rec, sc);
  const diagnosis =
    rec.result.kind === 'diagnose'
      ? rec.result.diagnosis
      : rec.result.kind === 'optimise'
        ? rec.result.result.diagnosis
        : null;
  const seeds = rec.arms[0]?.seeds ?? [];
  const seedText =
    seeds.length > 1
      ? `${seeds[0]} … ${seeds[seeds.length - 1]}`
      : seeds.length === 1
        ? String(seeds[0])
        : String(rec.seed);
  useEffect(() => {
    document.title = `${t('brief.title')} · ${name}`;
  }, [t, name]);
  return (
    <article data-testid="briefing-body" data-kind={rec.kind}>
      <header className="briefing-head">
        <p className="briefing-kicker">
          {t('brief.title')} · {pickName(lang, kindName(rec.kind))}
        </p>
        <h1 data-testid="briefing-title" data-scenario-id={rec.scenario.id} title={rec.scenario.id}>
          {name}
        </h1>
        <p className="muted small">
          {t('brief.generated', { version: APP_VERSION, date: fmtDate(openedAt), saved: fmtDate(rec.createdAt) })}
        </p>
      </header>

      <section className="briefing-section keep-together" data-testid="briefing-question">
        <h2>1. {t('brief.question')}</h2>
        <p className="briefing-lead">{pickName(lang, questionOf(rec, sc))}</p>
      </section>

      <section className="briefing-section keep-together" data-testid="briefing-scenario">
        <h2>2. {t('brief.scenario')}</h2>
        <table className="data-table compact briefing-facts">
          <tbody>
            <tr>
              <th scope="row">{t('brief.scenarioId')}</th>
              <td>
                {sc?.name ? pickName(lang, sc.name) : rec.scenario.id} <code className="muted">{rec.scenario.id}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('hist.hash')}</th>
              <td>
                <code>{rec.scenario.hash ?? '—'}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">{t('brief.replications')}</th>
              <td>{rec.replications}</td>
            </tr>
            <tr>
              <th scope="row">{t('brief.seeds')}</th>
              <td>{seedText}</td>
            </tr>
            {sc && (
              <tr>
                <th scope="row">{t('brief.days')}</th>
                <td>{sc.run.days}</td>
              </tr>
            )}
            <tr>
              <th scope="row">{t('hist.changes')}</th>
              <td>
                {changes.length === 0 ? (
                  t('hist.noChanges')
                ) : (
                  <ul className="briefing-changes">
                    {changes.map((c) => (
                      <li key={c.path}>
                        {pickName(lang, c.label)}: <strong>{pickName(lang, c.value)}</strong>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="briefing-section" data-testid="briefing-results">
        <h2>3. {t('brief.results')}</h2>
        <SavedResultView record={rec} withoutDiagnosis />
      </section>

      <section className="briefing-section" data-testid="briefing-diagnosis">
        <h2>4. {t('brief.diagnosis')}</h2>
        {diagnosis ? (
          <DiagnosisView
            diagnosis={diagnosis}
            names={namesOfText(rec.scenario.text)}
            perReplication
            top={8}
            testId="briefing-diagnosis-view"
          />
        ) : (
          <p className="muted">{t('brief.noDiagnosis')}</p>
        )}
      </section>

      <section className="briefing-section keep-together" data-testid="briefing-plan">
        <h2>5. {t('brief.plan')}</h2>
        {planOf(rec, sc).map((p, i) => (
          <p key={i} className={i === 0 ? 'briefing-lead' : ''}>
            {pickName(lang, p)}
          </p>
        ))}
      </section>

      <section className="briefing-section keep-together" data-testid="briefing-method">
        <h2>6. {t('brief.method')}</h2>
        {methodOf(rec).map((p, i) => (
          <p key={i}>{pickName(lang, p)}</p>
        ))}
        <p className="small">
          {t('hist.command')}: <code>{rec.command}</code>
        </p>
      </section>
    </article>
  );
}
