/**
 * The trainee's work on the selected case: its facts, candidate crews to
 * assign by click, and the other moves: change its priority, escalate it to
 * the neighbouring grids' automatic dispatch, or ask for mutual aid (the
 * nearest free member with the skill anywhere in the city; single-person
 * cases only, as the engine sends one member).
 */
import { useState } from 'react';
import { useConsole } from '../../app/drill/context.ts';
import { useDrill } from '../../app/drill/store.ts';
import { timeOfDay } from '../format.ts';
import { useT, type DrillKey } from './i18n/index.ts';
import { skillLabel } from '../../i18n/shared.ts';
import { namesFromLayout } from './describe.ts';
import { cellXY, fmtDuration } from './model.ts';
import { CandidateCrews } from './CandidateCrews.tsx';

export function CasePanel() {
  const t = useT();
  const ctl = useConsole();
  const lang = useDrill((s) => s.lang);
  const layout = useDrill((s) => s.layout);
  const st = useDrill((s) => s.state);
  const selected = useDrill((s) => s.selectedCase);
  const candidates = useDrill((s) => s.candidates);
  const busy = useDrill((s) => s.busy);
  const item = st?.inbox.find((i) => i.caseId === selected) ?? null;
  const [prio, setPrio] = useState(item?.priority ?? 0);
  // another case selected: its priority (adjusted while rendering, not in an effect)
  const [prioOf, setPrioOf] = useState(item?.caseId);
  if (prioOf !== item?.caseId) {
    setPrioOf(item?.caseId);
    if (item) setPrio(item.priority);
  }

  if (!layout || !st) return null;
  if (!item) {
    return (
      <section className="panel case-panel" data-testid="case-panel" data-case-id="" aria-labelledby="case-title">
        <h2 id="case-title" className="panel-title">
          {t('case.title')}
        </h2>
        <p className="muted">{st.done ? t('case.drillOver') : t('case.pickOne')}</p>
      </section>
    );
  }
  const names = namesFromLayout(layout, lang);
  const { x, y } = cellXY(item.cell, layout.cols);
  const left = item.responseDueS - st.tS;
  const disabled = busy || st.done;
  return (
    <section
      className="panel case-panel"
      data-testid="case-panel"
      data-case-id={item.caseId}
      aria-labelledby="case-title"
    >
      <h2 id="case-title" className="panel-title">
        {t('case.titleOne', { id: item.caseId, type: names.type(item.type) })}
      </h2>
      <dl className="case-facts">
        <div>
          <dt>{t('case.place')}</dt>
          <dd>{t('inbox.place', { grid: item.grid, x, y })}</dd>
        </div>
        <div>
          <dt>{t('case.priority')}</dt>
          <dd data-value={item.priority}>P{item.priority}</dd>
        </div>
        <div>
          <dt>{t('case.channel')}</dt>
          <dd>{t(`channel.${item.channel}` as DrillKey)}</dd>
        </div>
        <div>
          <dt>{t('case.filed')}</dt>
          <dd data-value={item.filedS}>{timeOfDay(item.filedS)}</dd>
        </div>
        <div>
          <dt>{t('case.due')}</dt>
          <dd data-value={item.responseDueS} className={left < 0 ? 'bad' : ''}>
            {timeOfDay(item.responseDueS)} (
            {left >= 0
              ? t('inbox.dueIn', { left: fmtDuration(left) })
              : t('inbox.overdue', { late: fmtDuration(-left) })}
            )
          </dd>
        </div>
        <div>
          <dt>{t('case.needs')}</dt>
          <dd data-value={item.crew}>{t('case.needsCrew', { n: item.crew, skill: skillLabel(item.skill, lang) })}</dd>
        </div>
      </dl>
      <h3 className="sub-title">{t('case.crewsTitle')}</h3>
      <CandidateCrews
        max={9}
        candidates={candidates}
        crew={item.crew}
        layout={layout}
        disabled={disabled}
        onAssign={(staff) => void ctl.assign(item.caseId, staff)}
      />
      <h3 className="sub-title">{t('case.otherMoves')}</h3>
      <div className="case-moves">
        <label className="inline">
          <span>{t('case.priority')}</span>
          <select
            className="input"
            data-testid="case-priority"
            value={prio}
            onChange={(e) => setPrio(Number(e.target.value))}
            disabled={disabled}
          >
            {[1, 2, 3, 4].map((p) => (
              <option key={p} value={p}>
                P{p}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn small"
          data-testid="case-reprioritise"
          disabled={disabled || prio === item.priority}
          onClick={() => void ctl.reprioritise(item.caseId, prio)}
        >
          {t('case.reprioritise')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="case-escalate"
          disabled={disabled}
          onClick={() => void ctl.escalate(item.caseId)}
          title={t('case.escalateTitle')}
        >
          {t('case.escalate')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="case-mutual-aid"
          disabled={disabled || item.crew !== 1}
          onClick={() => void ctl.mutualAid(item.caseId)}
          title={item.crew !== 1 ? t('case.mutualAidOnlyOne') : t('case.mutualAidTitle')}
        >
          {t('case.mutualAid')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="case-close"
          aria-keyshortcuts="Escape"
          onClick={() => ctl.selectCase(null)}
        >
          {t('common.close')}
        </button>
      </div>
      {item.crew !== 1 && <p className="hint">{t('case.mutualAidOnlyOne')}</p>}
    </section>
  );
}
