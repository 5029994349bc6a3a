/**
 * Details of what was picked in the 3D view (or via a grid in the matrix):
 * a cell (land use, population, grid, open cases there), a staff member
 * (team, state, position) or a metro station (ridership, security queue now).
 */
import type { ReactNode } from 'react';
import { gridNameIn, placeName } from '../i18n/place.ts';
import { useController, useStore } from '../app/useStore.ts';
import { pickName, useT, type DictKey } from './i18n/index.ts';
import { LAND_USES } from '../scenario/schema.ts';
import { LAND_USE_COLORS, STAFF_STATE_COLORS } from '../scene/palette.ts';
import { fmtInt } from './format.ts';

function Row({
  label,
  children,
  testId,
  value,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
  value?: unknown;
}) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value === undefined ? undefined : JSON.stringify(value)}>
        {children}
      </dd>
    </div>
  );
}

export function DetailPanel() {
  const t = useT();
  const ctl = useController();
  const sel = useStore((s) => s.selection);
  const layout = useStore((s) => s.layout);
  const frame = useStore((s) => s.frame);
  const lang = useStore((s) => s.lang);

  let body: ReactNode = <p className="muted">{t('detail.none')}</p>;
  if (sel && layout) {
    if (sel.kind === 'cell' && sel.index >= 0 && sel.index < layout.cols * layout.rows) {
      const i = sel.index;
      const x = i % layout.cols,
        y = Math.floor(i / layout.cols);
      const g = layout.cellGrid[i];
      const gridCode = g >= 0 ? layout.gridIds[g] : null;
      const h = layout.hierarchy;
      const street = g >= 0 && h.gridStreet[g] >= 0 ? h.streets[h.gridStreet[g]] : null;
      const community = g >= 0 && h.gridCommunity[g] >= 0 ? h.communities[h.gridCommunity[g]] : null;
      const gridName = g >= 0 ? gridNameIn(h, g, lang) : '';
      const lu = LAND_USES[layout.landUse[i]];
      const open = frame && frame.cellBacklog.length === layout.cols * layout.rows ? frame.cellBacklog[i] : null;
      body = (
        <>
          <h3 className="detail-head">
            {t('detail.cell')} ({x}, {y})
          </h3>
          <dl>
            <Row label={t('detail.landUse')} testId="detail-landuse" value={lu}>
              <span
                className="swatch"
                style={{ background: lu ? LAND_USE_COLORS[lu] : undefined }}
                aria-hidden="true"
              />
              {lu ? t(`landUse.${lu}` as DictKey) : '—'}
            </Row>
            <Row label={t('detail.population')} value={layout.dayPop[i]}>
              {fmtInt(layout.dayPop[i], lang)}
            </Row>
            <Row label={t('detail.grid')} testId="detail-grid" value={gridCode}>
              {gridCode === null ? t('detail.outside') : gridName ? `${gridCode} ${gridName}` : gridCode}
            </Row>
            {community && <Row label={t('detail.community')}>{placeName(community, lang)}</Row>}
            {street && <Row label={t('detail.street')}>{placeName(street, lang)}</Row>}
            <Row label={t('detail.openCases')} testId="detail-open" value={open}>
              {fmtInt(open, lang)}
            </Row>
            <Row label={t('detail.lowLying')}>{layout.lowLying[i] ? t('detail.yes') : t('detail.no')}</Row>
          </dl>
        </>
      );
    } else if (sel.kind === 'staff' && sel.index >= 0 && sel.index < layout.nStaff) {
      const i = sel.index;
      const team = layout.teams[layout.staffTeam[i]];
      const st = frame && frame.staffState.length === layout.nStaff ? frame.staffState[i] : null;
      const xy =
        frame && frame.staffXY.length === 2 * layout.nStaff ? [frame.staffXY[2 * i], frame.staffXY[2 * i + 1]] : null;
      body = (
        <>
          <h3 className="detail-head">
            {t('detail.staff')} #{i + 1}
          </h3>
          <dl>
            <Row label={t('detail.team')} testId="detail-team" value={team?.id}>
              {team ? pickName(lang, team.name) : '—'}
            </Row>
            <Row label={t('detail.state')} testId="detail-state" value={st}>
              {st === null ? (
                '—'
              ) : (
                <>
                  <span className="swatch round" style={{ background: STAFF_STATE_COLORS[st] }} aria-hidden="true" />
                  {t(`staffState.${st}` as DictKey)}
                </>
              )}
            </Row>
            {xy && (
              <Row label="x, y">
                {xy[0].toFixed(1)}, {xy[1].toFixed(1)}
              </Row>
            )}
          </dl>
        </>
      );
    } else if (sel.kind === 'station' && sel.index >= 0 && sel.index < layout.stations.length) {
      const s = layout.stations[sel.index];
      const q = frame && frame.stationQueue.length === layout.stations.length ? frame.stationQueue[sel.index] : null;
      body = (
        <>
          <h3 className="detail-head">
            {t('detail.station')}: {pickName(lang, s.name)}
          </h3>
          <dl>
            <Row label={t('detail.ridership')} value={s.dailyRidership}>
              {fmtInt(s.dailyRidership, lang)}
            </Row>
            <Row label={t('detail.queue')} testId="detail-queue" value={q}>
              {fmtInt(q, lang)}
            </Row>
          </dl>
        </>
      );
    }
  }

  return (
    <section
      className="panel detail-panel"
      data-testid="detail-panel"
      data-kind={sel?.kind}
      aria-labelledby="detail-title"
    >
      <div className="panel-head">
        <h2 id="detail-title" className="panel-title">
          {t('detail.title')}
        </h2>
        {sel && (
          <button type="button" className="btn small" onClick={() => ctl.select(null)}>
            {t('detail.clear')}
          </button>
        )}
      </div>
      {body}
    </section>
  );
}
