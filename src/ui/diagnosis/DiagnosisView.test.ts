/**
 * A diagnosis on screen keeps one structure from a run's first case to its
 * last: the five stages' table and the limits' heading are there before any
 * case is decided, with no late case, and with late cases, so that a run's
 * start and its first late case change numbers, not the page's elements
 * (mounting them was the largest frame at maximum speed, issue 12). What
 * changes is the note (waiting / none) and the limit rows.
 */
import { describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Diagnosis, Limit, StageTotal } from '../../analysis/diagnose.ts';
import { STAGE_NAMES, type StageName } from '../../sim/stages.ts';
import { ControllerContext } from '../../app/useStore.ts';
import { createStore, initialState } from '../../app/store.ts';
import type { Controller } from '../../app/controller.ts';
import { DiagnosisView } from './DiagnosisView.tsx';
import { NO_NAMES } from './limitText.ts';

const ctl = { store: createStore(initialState('en')) } as unknown as Controller;

function stages(meanS: number | null, late: Partial<Record<StageName, number>> = {}): Record<StageName, StageTotal> {
  const total = Object.values(late).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    STAGE_NAMES.map((n) => [
      n,
      { meanS, meanResponseS: meanS, lateCases: late[n] ?? 0, share: total > 0 ? (late[n] ?? 0) / total : 0 },
    ]),
  ) as Record<StageName, StageTotal>;
}

const limit = (stage: StageName, lateCases: number, share: number): Limit => ({
  stage,
  eventType: 'job',
  team: stage === 'queue' ? 'crew' : null,
  hours: [8],
  grids: ['G1'],
  lateCases,
  share,
  peakHours: [8],
  byHour: Array.from({ length: 24 }, (_, i) => (i === 8 ? lateCases : 0)),
  gridCases: [lateCases],
  lever: { zh: '加人', en: 'add staff', fields: [] },
});

const none: Diagnosis = { replications: 1, decided: 0, late: 0, stages: stages(null), limits: [] };
const onTime: Diagnosis = { replications: 1, decided: 40, late: 0, stages: stages(300), limits: [] };
const late: Diagnosis = {
  replications: 1,
  decided: 40,
  late: 6,
  stages: stages(300, { queue: 4, travel: 2 }),
  limits: [limit('queue', 4, 4 / 6), limit('travel', 2, 2 / 6)],
};

const render = (d: Diagnosis) =>
  renderToStaticMarkup(
    h(
      ControllerContext.Provider,
      { value: ctl },
      h(DiagnosisView, {
        diagnosis: d,
        names: NO_NAMES,
        perReplication: false,
        testId: 'd',
        colour: { shownKey: null, onColour: () => {} },
      }),
    ),
  );

/** The elements of the stages' table and the limits' heading, without text or attribute values. */
function skeleton(html: string): string {
  const from = html.indexOf('<table class="stage-bars"');
  const to = html.indexOf('</h3>', from);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return html
    .slice(from, to)
    .replace(/>[^<]*</g, '><')
    .replace(/<(\/?\w+)[^>]*>/g, '<$1>');
}

describe('DiagnosisView keeps its structure through a run', () => {
  it('the stages table (five rows) and the limits heading are there before any case is decided', () => {
    const html = render(none);
    expect(html.match(/<tr data-stage=/g)).toHaveLength(5);
    expect(html).toContain('fill in once cases are decided');
    expect(html).toContain('data-limits="0"');
    expect(html).not.toContain('data-testid="d-none"');
  });

  it('the same elements with no late case and with late cases; only the note and the limit rows differ', () => {
    const [a, b, c] = [none, onTime, late].map(render);
    expect(skeleton(b)).toBe(skeleton(a));
    expect(skeleton(c)).toBe(skeleton(a));
    expect(b).toContain('data-testid="d-none"');
    expect(c).not.toContain('data-testid="d-none"');
    expect(c.match(/<li /g)).toHaveLength(2);
    expect(a.match(/<li /g)).toBeNull();
  });

  it('stage rows carry the figures once decided: shares and late cases by stage', () => {
    const html = render(late);
    // the shares are the late cases a stage limits over all late cases (4 and 2 of 6)
    expect(html).toContain(`data-stage="queue" data-share="${JSON.stringify(4 / 6)}" data-late="4"`);
    expect(html).toContain(`data-stage="travel" data-share="${JSON.stringify(2 / 6)}" data-late="2"`);
    expect(html).toContain('data-stage="handling" data-share="0" data-late="0"');
    expect(html).toContain('<span class="num">67%</span>');
  });

  it('a share reads "—" while no case is late (not 0 %: there is nothing to share)', () => {
    for (const d of [none, onTime]) {
      expect(render(d).match(/<span class="num">—<\/span>/g)).toHaveLength(5);
      expect(render(d)).not.toContain('<span class="num">0%</span>');
    }
  });

  it('colouring by every late case is offered only when there are late cases', () => {
    const button = (html: string) => html.match(/<button[^>]*data-testid="limit-colour-all"[^>]*>/)![0];
    expect(button(render(none))).toContain('disabled');
    expect(button(render(onTime))).toContain('disabled');
    expect(button(render(late))).not.toContain('disabled');
  });
});
