/**
 * Saved experiments: every experiment that finishes in the Experiments
 * workspace is kept in IndexedDB (its own database, `allweather-experiments`,
 * one key per record) in the format of savedFormat.ts, and the history panel
 * lists, searches, renames, reopens, compares, deletes, exports and imports
 * them.
 *
 *     const saved = createSavedExperiments(experiments, decisions);  // idb; memorySavedKv() in tests
 *     await saved.load();     // read every record; an unreadable one is set aside and named in `problems`
 *     saved.follow();         // from now on, each job that finishes is saved
 *
 * Which jobs: replications (fixed or until precise), A/B comparison, sweep,
 * staffing search (experiments.ts), diagnosis and cheapest plan
 * (decisions.ts). A record is built from the job's state and, where the
 * controller kept them, the full runs (`exp.last`): per-replication KPI
 * values make paired comparisons possible later.
 *
 * Reading never loses anything: a record that does not validate (another
 * version, a damaged disk, a hostile file) is moved to `unreadable:<key>` and
 * reported; the others load. An imported file adds its good records (new ids
 * where an id is taken) and says which it refused and why.
 */
import {
  createStore as idbCreateStore,
  del as idbDel,
  get as idbGet,
  keys as idbKeys,
  set as idbSet,
} from 'idb-keyval';
import { KPI_NAMES, estimate, type Estimate, type KpiName } from '../analysis/aggregate.ts';
import { compareArms, welchFromEstimates, type ArmComparison, type ArmMethod } from '../analysis/armCompare.ts';
import { compareDiagnoses, type DiagnosisComparison } from '../analysis/diagnosisCompare.ts';
import type { Overrides } from '../analysis/overrides.ts';
import { overrideLabel, type Bilingual } from '../analysis/paramLabels.ts';
import { scenarioHash, fnv1a64 } from '../scenario/load.ts';
import {
  diagnoseCommand,
  experimentCommand,
  optimiseCommand,
  scenarioFileName,
  staffingSpec,
} from '../export/experiment.ts';
import type { RunResult } from '../sim/result.ts';
import type { DecisionsController } from './decisions.ts';
import { labelsOf, type ExperimentsController } from './experiments.ts';
import {
  exportFileName,
  exportText,
  metaOf,
  readExport,
  readSaved,
  type SavedArm,
  type SavedExperiment,
  type SavedKind,
  type SavedMeta,
  type SavedResult,
  SAVED_VERSION,
} from './savedFormat.ts';
import { createStore, type Lang, type Store } from './store.ts';
import { APP_VERSION } from './version.ts';

/** Keys of records in the store; anything else (an unreadable record set aside) is not listed. */
export const RECORD_PREFIX = 'exp:';
export const UNREADABLE_PREFIX = 'unreadable:';

export interface SavedKv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function idbSavedKv(): SavedKv {
  const db = idbCreateStore('allweather-experiments', 'experiments');
  return {
    get: (k) => idbGet(k, db),
    set: (k, v) => idbSet(k, v, db),
    del: (k) => idbDel(k, db),
    keys: async () => (await idbKeys(db)).map(String),
  };
}

/** In memory, values structured-cloned as IndexedDB does (tests). */
export function memorySavedKv(init: Record<string, unknown> = {}): SavedKv & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(init));
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    del: async (k) => void data.delete(k),
    keys: async () => [...data.keys()],
  };
}

export interface SavedProblem {
  key: string;
  zh: string;
  en: string;
}

export interface SavedCompareView {
  x: string;
  y: string;
  armX: string;
  armY: string;
  result: ArmComparison | null;
  /** Why the paired interval could not be used although the seeds match (values not kept). */
  note: Bilingual | null;
  /** Two diagnoses: what changed in why cases are late (null unless both records are diagnoses). */
  diagnosis: DiagnosisComparison | null;
}

export interface SavedState {
  loaded: boolean;
  /** Newest first. */
  items: SavedMeta[];
  query: string;
  /** The record reopened (shown as it was). */
  open: SavedExperiment | null;
  /** Two records picked for comparison, and the result. */
  picked: string[];
  compare: SavedCompareView | null;
  /** Unreadable records set aside, import refusals. */
  problems: SavedProblem[];
  /** What the last import, export or save said. */
  message: Bilingual | null;
  lastSavedId: string | null;
}

export interface SavedController {
  store: Store<SavedState>;
  load(): Promise<void>;
  follow(): void;
  /** Save a record (tests, imports). */
  save(rec: SavedExperiment): Promise<void>;
  get(id: string): Promise<SavedExperiment | null>;
  setQuery(q: string): void;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  reopen(id: string): Promise<void>;
  close(): void;
  /** Tick or untick a record for comparison (at most two: the oldest pick gives way). */
  pick(id: string): void;
  /** Compare the picked records (arms: by key, default each record's main arm). */
  compare(armX?: string, armY?: string): Promise<void>;
  /** The export file for some records (all when ids is empty). */
  exportFile(ids: string[], lang: Lang): Promise<{ name: string; text: string }>;
  /** Import an exported file's text; resolves to the number of records added. */
  importText(fileName: string, text: string): Promise<number>;
  dismissProblems(): void;
  /** Resolves when the saves started so far are written (tests). */
  flush(): Promise<void>;
  dispose(): void;
}

/** The arm a comparison uses when none is named: B of an A/B, the plan of a search, else the first. */
export function mainArm(rec: SavedExperiment): SavedArm | null {
  const prefer = ['B', 'plan', 'main'];
  for (const k of prefer) {
    const a = rec.arms.find((x) => x.key === k);
    if (a) return a;
  }
  return rec.arms[0] ?? null;
}

/** Compare two arms; paired only when both kept per-replication values on the same seeds. */
export function compareSavedArms(x: SavedArm, y: SavedArm): { result: ArmComparison; note: Bilingual | null } {
  const sameSeeds =
    x.seeds.length > 0 && x.seeds.length === y.seeds.length && x.seeds.every((s, i) => s === y.seeds[i]);
  if (x.values && y.values) {
    return { result: compareArms({ seeds: x.seeds, kpis: x.values }, { seeds: y.seeds, kpis: y.values }), note: null };
  }
  // only means and intervals kept: Welch from the summaries (the sd comes back exactly from the CI's half-width)
  const kpis: ArmComparison['kpis'] = {};
  for (const k of KPI_NAMES) {
    const a = x.summary[k],
      b = y.summary[k];
    if (a && b) kpis[k] = welchFromEstimates(a, b);
  }
  const method: ArmMethod = 'welch';
  return {
    result: { method, nX: x.seeds.length, nY: y.seeds.length, kpis },
    note: sameSeeds
      ? {
          zh: '两组种子相同，但记录中没有逐次结果（较早保存的实验），只能按独立样本（Welch）比较，区间偏宽（保守）',
          en: 'The seeds are the same, but the records keep no per-replication values (saved before they were kept): compared as independent samples (Welch), a wider (conservative) interval',
        }
      : null,
  };
}

/** Two saved diagnoses compared (null unless both are diagnoses): with intervals where both kept their replications. */
export function compareSavedDiagnoses(x: SavedExperiment, y: SavedExperiment): DiagnosisComparison | null {
  if (x.result.kind !== 'diagnose' || y.result.kind !== 'diagnose') return null;
  return compareDiagnoses(
    { diagnosis: x.result.diagnosis, replications: x.result.replications ?? null },
    { diagnosis: y.result.diagnosis, replications: y.result.replications ?? null },
  );
}

// ---------------------------------------------------------------------------
// Building records from finished jobs

const KIND_NAMES: Record<SavedKind, Bilingual> = {
  replications: { zh: '重复实验', en: 'Replications' },
  comparison: { zh: 'A/B 对比', en: 'A/B comparison' },
  sweep: { zh: '参数扫描', en: 'Sweep' },
  staffing: { zh: '人员配置搜索', en: 'Staffing search' },
  optimise: { zh: '最省排班', en: 'Cheapest plan' },
  diagnose: { zh: '诊断', en: 'Diagnosis' },
};
export const kindName = (k: SavedKind): Bilingual => KIND_NAMES[k];

export function armOf(
  key: string,
  label: Bilingual,
  seeds: number[],
  overrides: Overrides,
  runs: readonly Pick<RunResult, 'seed' | 'kpis'>[] | null,
  summary: Partial<Record<KpiName, Estimate | null>>,
): SavedArm {
  const s: Partial<Record<KpiName, Estimate>> = {};
  for (const [k, v] of Object.entries(summary)) if (v) s[k as KpiName] = v;
  if (!runs) return { key, label, seeds, overrides, summary: s };
  const values: Partial<Record<KpiName, (number | null)[]>> = {};
  for (const k of KPI_NAMES) {
    values[k] = runs.map((r) => {
      const v = r.kpis[k];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    s[k] = estimate(values[k]!);
  }
  return { key, label, seeds: runs.map((r) => r.seed), overrides, summary: s, values };
}

export interface RecordInput {
  kind: SavedKind;
  scenarioId: string;
  scenarioText: string;
  seed: number;
  replications: number;
  overrides: Overrides;
  command: string;
  arms: SavedArm[];
  result: SavedResult;
  /** What to add to the title after the kind and scenario (e.g. the overrides in words). */
  detail?: string | Bilingual;
}

let counter = 0;
/** A record id: time and a counter (ids only need to be unique in this browser; imports re-id clashes). */
export function newId(now: number): string {
  counter = (counter + 1) % 1e6;
  return `${now.toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export function buildRecord(inp: RecordInput, now: number, id = newId(now)): SavedExperiment {
  let hash: string | null;
  try {
    hash = scenarioHash(inp.scenarioText);
  } catch {
    hash = null;
  }
  const k = kindName(inp.kind);
  const d = typeof inp.detail === 'string' ? { zh: inp.detail, en: inp.detail } : inp.detail;
  return {
    version: SAVED_VERSION,
    id,
    kind: inp.kind,
    name: '',
    title: {
      zh: `${k.zh} · ${inp.scenarioId}${d?.zh ? ` · ${d.zh}` : ''}`,
      en: `${k.en} · ${inp.scenarioId}${d?.en ? ` · ${d.en}` : ''}`,
    },
    createdAt: now,
    appVersion: APP_VERSION,
    scenario: { id: inp.scenarioId, text: inp.scenarioText, hash, sum: fnv1a64(inp.scenarioText) },
    seed: inp.seed,
    replications: inp.replications,
    overrides: inp.overrides,
    command: inp.command,
    arms: inp.arms,
    result: inp.result,
  };
}

/** Overrides in words, e.g. "网格员 · 班次 08:00–16:00 人数（每网格） = 3", "派遣策略 = 就近派遣" (field names from the scenario, values in words). */
export function overridesInWords(text: string, o: Overrides): Bilingual {
  const entries = Object.entries(o);
  if (entries.length === 0) return { zh: '', en: '' };
  let labels: Record<string, Bilingual> = {};
  try {
    labels = labelsOf(text, Object.keys(o));
  } catch {
    // unparsable text: the paths themselves
  }
  const words = entries.map(([p, v]) => overrideLabel(p, v, null, labels[p]));
  return { zh: words.map((w) => w.zh).join('；'), en: words.map((w) => w.en).join('; ') };
}

const summaryOfEst = (e: {
  coverageIndex?: Estimate | null;
  slaAttainment?: Estimate | null;
  staffHours?: Estimate | null;
  costCny?: Estimate | null;
}) => ({
  coverageIndex: e.coverageIndex ?? null,
  slaAttainment: e.slaAttainment ?? null,
  staffHours: e.staffHours ?? null,
  costCny: e.costCny ?? null,
});

/** The record of the experiments controller's finished job of a kind, or null when it has no result. */
export function recordFromExperiments(
  exp: ExperimentsController,
  kind: 'replications' | 'comparison' | 'sweep' | 'staffing',
  scenarioText: string,
  now: number,
): SavedExperiment | null {
  const s = exp.store.getState();
  if (kind === 'replications') {
    const j = s.replications,
      last = exp.last.replications;
    if (!j.summary || !last) return null;
    return buildRecord(
      {
        kind,
        scenarioId: j.scenarioId,
        scenarioText: last.scenarioText,
        seed: j.seed,
        replications: last.results.length,
        overrides: {},
        command: last.command,
        arms: [armOf('main', { zh: '全部重复', en: 'All replications' }, [], {}, last.results, {})],
        result: {
          kind,
          mode: j.mode,
          summary: j.summary,
          history: j.history,
          targets: j.targets,
          converged: j.converged,
        },
        detail: `R=${last.results.length}`,
      },
      now,
    );
  }
  if (kind === 'comparison') {
    const j = s.comparison,
      last = exp.last.comparison;
    if (!j.comparison || !last) return null;
    const o = overridesInWords(last.aText, last.overrides);
    return buildRecord(
      {
        kind,
        scenarioId: j.scenarioId,
        scenarioText: last.aText,
        seed: last.seed,
        replications: last.a.length,
        overrides: last.overrides,
        command: last.command,
        arms: [
          armOf('A', { zh: 'A（原方案）', en: 'A (as is)' }, [], {}, last.a, {}),
          armOf('B', { zh: `B（${o.zh}）`, en: `B (${o.en})` }, [], last.overrides, last.b, {}),
        ],
        result: { kind, comparison: last.comparison, headcount: last.headcount ?? null },
        detail: o,
      },
      now,
    );
  }
  if (kind === 'sweep') {
    const j = s.sweep,
      last = exp.last.sweep;
    if (!last) return null;
    const r = last.result;
    const labelOf = (v: Overrides): Bilingual => {
      const parts = Object.entries(v).map(([p, x]) => overrideLabel(p, x, null, j.labels[p]));
      return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') };
    };
    return buildRecord(
      {
        kind,
        scenarioId: j.scenarioId,
        scenarioText: last.scenarioText,
        seed: last.seed,
        replications: r.seeds.length,
        overrides: j.baseOverrides,
        command: last.command,
        arms: r.points
          .filter((p) => !p.error)
          .map((p) =>
            armOf(`point-${p.index}`, labelOf(p.values), r.seeds, p.overrides, p.replications ?? null, summaryOfEst(p)),
          ),
        result: {
          kind,
          params: r.params,
          baseOverrides: j.baseOverrides,
          labels: j.labels,
          baseHeadcount: r.baseHeadcount,
          points: r.points,
          frontier: r.frontier,
        },
        detail: {
          zh: r.params.map((p) => j.labels[p.path]?.zh ?? p.path).join(' × '),
          en: r.params.map((p) => j.labels[p.path]?.en ?? p.path).join(' × '),
        },
      },
      now,
    );
  }
  const j = s.staffing;
  if (!j.shift) return null;
  const seeds = j.plan?.seeds ?? [];
  return buildRecord(
    {
      kind,
      scenarioId: j.scenarioId,
      scenarioText,
      seed: j.seed,
      replications: j.plan?.replications ?? seeds.length,
      overrides: j.plan?.overrides ?? {},
      command:
        exp.last.staffing?.command ??
        experimentCommand(
          staffingSpec({
            seed: j.seed,
            replications: j.plan?.replications ?? seeds.length,
            shift: j.shift,
            target: j.target,
            confidence: j.confidence,
            criterion: j.criterion,
          }),
          scenarioFileName(j.scenarioId),
        ),
      arms: j.evaluations
        .filter((e) => !e.error)
        .map((e) =>
          armOf(
            `staff-${e.staff}`,
            overridesInWords(scenarioText, { [`teams.${j.shift!.team}.shifts.${j.shift!.shift}.staff`]: e.staff }),
            seeds,
            { [`teams.${j.shift!.team}.shifts.${j.shift!.shift}.staff`]: e.staff },
            exp.last.staffing?.byStaff[e.staff] ?? null,
            summaryOfEst(e),
          ),
        ),
      result: {
        kind,
        shift: j.shift,
        target: j.target,
        confidence: j.confidence,
        criterion: j.criterion,
        evaluations: j.evaluations,
        plan: j.plan,
      },
      detail: labelsOf(scenarioText, [`teams.${j.shift.team}.shifts.${j.shift.shift}.staff`])[
        `teams.${j.shift.team}.shifts.${j.shift.shift}.staff`
      ],
    },
    now,
  );
}

/** The record of the decisions controller's finished job of a kind. */
export function recordFromDecisions(
  dec: DecisionsController,
  kind: 'optimise' | 'diagnose',
  now: number,
): SavedExperiment | null {
  const s = dec.store.getState();
  if (kind === 'diagnose') {
    const j = s.diagnose;
    if (!j.diagnosis) return null;
    return buildRecord(
      {
        kind,
        scenarioId: j.scenarioId,
        scenarioText: j.scenarioText,
        seed: j.seed,
        replications: j.done,
        overrides: {},
        command: diagnoseCommand(j),
        arms: j.runKpis ? [armOf('main', { zh: '全部重复', en: 'All replications' }, [], {}, j.runKpis, {})] : [],
        result: {
          kind,
          days: j.days,
          diagnosis: j.diagnosis,
          ...(j.replications ? { replications: j.replications } : {}),
        },
        detail: `R=${j.done}`,
      },
      now,
    );
  }
  const j = s.optimise;
  if (!j.result) return null;
  const r = j.result;
  const changes = dec.planChanges();
  return buildRecord(
    {
      kind,
      scenarioId: j.scenarioId,
      scenarioText: j.scenarioText,
      seed: j.seed,
      replications: r.replications,
      overrides: changes,
      command: j.request
        ? optimiseCommand(j.request, j.scenarioId)
        : `allweather optimise ${scenarioFileName(j.scenarioId)} --criterion ${r.criterion} --target ${r.target} --confidence ${r.confidence} --replications ${r.replications} --seed ${j.seed}`,
      arms: [
        armOf(
          'plan',
          { zh: '方案（验证种子）', en: 'Plan (verification seeds)' },
          r.verification.seeds,
          r.plan.overrides,
          null,
          {
            coverageIndex: r.verification.coverageIndex,
            slaAttainment: r.verification.slaAttainment,
          },
        ),
      ],
      result: { kind, result: r },
      detail: Object.keys(changes).length > 0 ? overridesInWords(j.scenarioText, changes) : '—',
    },
    now,
  );
}

// ---------------------------------------------------------------------------

const byNewest = (a: SavedMeta, b: SavedMeta) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);

/** Records matching a search: every word in the name, titles, scenario, kind, date (YYYY-MM-DD) or id. */
export function matches(m: SavedMeta, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const d = new Date(m.createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const k = kindName(m.kind);
  const sc = m.scenarioName;
  const hay = [m.name, m.title.zh, m.title.en, m.scenarioId, sc?.zh, sc?.en, m.kind, k.zh, k.en, date, m.id]
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function createSavedExperiments(
  exp: ExperimentsController | null,
  dec: DecisionsController | null,
  scenarioText: () => string = () => '',
  kv: SavedKv = idbSavedKv(),
  now: () => number = Date.now,
): SavedController {
  const store = createStore<SavedState>({
    loaded: false,
    items: [],
    query: '',
    open: null,
    picked: [],
    compare: null,
    problems: [],
    message: null,
    lastSavedId: null,
  });
  let writing: Promise<void> = Promise.resolve();
  const unsubs: (() => void)[] = [];

  const upsertMeta = (m: SavedMeta) =>
    store.setState((s) => ({ items: [...s.items.filter((x) => x.id !== m.id), m].sort(byNewest) }));

  const setAside = async (key: string, raw: unknown, zh: string, en: string) => {
    console.warn(`saved experiment ${key} unreadable, set aside / 实验记录无法读取，已移到一旁:`, en);
    store.setState((s) => ({ problems: [...s.problems, { key, zh, en }] }));
    try {
      await kv.set(UNREADABLE_PREFIX + key, raw);
      await kv.del(key);
    } catch {
      // left in place: ignored again next time
    }
  };

  const readRecord = async (id: string): Promise<SavedExperiment | null> => {
    const key = RECORD_PREFIX + id;
    const raw = await kv.get(key);
    if (raw === undefined) return null;
    const r = readSaved(raw);
    if (r.ok) return r.record;
    await setAside(key, raw, r.zh, r.en);
    store.setState((s) => ({ items: s.items.filter((x) => x.id !== id) }));
    return null;
  };

  const ctl: SavedController = {
    store,
    async load() {
      let keys: string[];
      try {
        keys = await kv.keys();
      } catch (e) {
        store.setState({
          loaded: true,
          problems: [
            { key: '', zh: `无法读取实验记录：${String(e)}`, en: `Saved experiments cannot be read: ${String(e)}` },
          ],
        });
        return;
      }
      const items: SavedMeta[] = [];
      for (const key of keys) {
        if (!key.startsWith(RECORD_PREFIX)) continue;
        let raw: unknown;
        try {
          raw = await kv.get(key);
        } catch (e) {
          store.setState((s) => ({ problems: [...s.problems, { key, zh: String(e), en: String(e) }] }));
          continue;
        }
        const r = readSaved(raw);
        if (!r.ok) {
          await setAside(key, raw, r.zh, r.en);
          continue;
        }
        if (r.fromVersion !== SAVED_VERSION) await kv.set(key, r.record).catch(() => undefined); // migrated: written back
        items.push(metaOf(r.record));
      }
      store.setState({ loaded: true, items: items.sort(byNewest) });
    },
    follow() {
      if (unsubs.length > 0) return;
      const watch = <S>(
        sub: (f: () => void) => () => void,
        get: () => S,
        kinds: { kind: string; status: (s: S) => string; build: () => SavedExperiment | null }[],
      ) => {
        const prev = new Map(kinds.map((k) => [k.kind, k.status(get())]));
        unsubs.push(
          sub(() => {
            const st = get();
            for (const k of kinds) {
              const now = k.status(st);
              if (now === 'done' && prev.get(k.kind) !== 'done') {
                const rec = k.build();
                if (rec) void ctl.save(rec);
              }
              prev.set(k.kind, now);
            }
          }),
        );
      };
      if (exp) {
        watch(
          exp.store.subscribe,
          exp.store.getState,
          (['replications', 'comparison', 'sweep', 'staffing'] as const).map((kind) => ({
            kind,
            status: (s: ReturnType<typeof exp.store.getState>) => s[kind].status,
            build: () => recordFromExperiments(exp, kind, scenarioText(), now()),
          })),
        );
      }
      if (dec) {
        watch(
          dec.store.subscribe,
          dec.store.getState,
          (['optimise', 'diagnose'] as const).map((kind) => ({
            kind,
            status: (s: ReturnType<typeof dec.store.getState>) => s[kind].status,
            build: () => recordFromDecisions(dec, kind, now()),
          })),
        );
      }
    },
    save(rec) {
      writing = writing
        .then(() => kv.set(RECORD_PREFIX + rec.id, rec))
        .then(
          () => {
            upsertMeta(metaOf(rec));
            store.setState({ lastSavedId: rec.id });
          },
          (e: unknown) => {
            console.warn('saving the experiment failed / 保存实验失败', e);
            store.setState({
              message: { zh: `保存实验失败：${String(e)}`, en: `Saving the experiment failed: ${String(e)}` },
            });
          },
        );
      return writing;
    },
    get: readRecord,
    setQuery(q) {
      store.setState({ query: q });
    },
    async rename(id, name) {
      const rec = await readRecord(id);
      if (!rec) return;
      const next = { ...rec, name: name.trim().slice(0, 500) };
      await ctl.save(next);
      if (store.getState().open?.id === id) store.setState({ open: next });
    },
    async remove(id) {
      await writing;
      await kv.del(RECORD_PREFIX + id);
      store.setState((s) => ({
        items: s.items.filter((x) => x.id !== id),
        open: s.open?.id === id ? null : s.open,
        picked: s.picked.filter((x) => x !== id),
        compare: s.compare && (s.compare.x === id || s.compare.y === id) ? null : s.compare,
      }));
    },
    async reopen(id) {
      const rec = await readRecord(id);
      store.setState({ open: rec });
    },
    close() {
      store.setState({ open: null });
    },
    pick(id) {
      store.setState((s) => {
        if (s.picked.includes(id)) return { picked: s.picked.filter((x) => x !== id), compare: null };
        return { picked: [...s.picked, id].slice(-2), compare: null };
      });
    },
    async compare(armX, armY) {
      const [x, y] = store.getState().picked;
      if (!x || !y) return;
      const rx = await readRecord(x),
        ry = await readRecord(y);
      if (!rx || !ry) return;
      const ax = rx.arms.find((a) => a.key === armX) ?? mainArm(rx),
        ay = ry.arms.find((a) => a.key === armY) ?? mainArm(ry);
      const diagnosis = compareSavedDiagnoses(rx, ry);
      if (!ax || !ay) {
        store.setState({
          compare: { x, y, armX: ax?.key ?? '', armY: ay?.key ?? '', result: null, note: null, diagnosis },
        });
        return;
      }
      const { result, note } = compareSavedArms(ax, ay);
      store.setState({ compare: { x, y, armX: ax.key, armY: ay.key, result, note, diagnosis } });
    },
    async exportFile(ids, lang) {
      const list = ids.length > 0 ? ids : store.getState().items.map((m) => m.id);
      const recs: SavedExperiment[] = [];
      for (const id of list) {
        const r = await readRecord(id);
        if (r) recs.push(r);
      }
      return { name: exportFileName(recs, lang), text: exportText(recs, APP_VERSION, new Date(now())) };
    },
    async importText(fileName, text) {
      const r = readExport(text);
      if (r.error) {
        store.setState((s) => ({
          problems: [
            ...s.problems,
            { key: fileName, zh: `${fileName}：${r.error!.zh}`, en: `${fileName}: ${r.error!.en}` },
          ],
        }));
        return 0;
      }
      const taken = new Set(store.getState().items.map((m) => m.id));
      let added = 0;
      for (const rec of r.records) {
        const id = taken.has(rec.id) ? newId(now()) : rec.id;
        taken.add(id);
        await ctl.save({ ...rec, id });
        added++;
      }
      const refused = r.refused.map((x) => ({
        key: `${fileName}#${x.index}`,
        zh: `${fileName} 第 ${x.index + 1} 项未导入：${x.zh}`,
        en: `${fileName}, item ${x.index + 1} not imported: ${x.en}`,
      }));
      store.setState((s) => ({
        problems: [...s.problems, ...refused],
        message: {
          zh: `已从 ${fileName} 导入 ${added} 项实验${refused.length ? `，${refused.length} 项未导入` : ''}`,
          en: `Imported ${added} experiment${added === 1 ? '' : 's'} from ${fileName}${refused.length ? `; ${refused.length} refused` : ''}`,
        },
      }));
      return added;
    },
    dismissProblems() {
      store.setState({ problems: [], message: null });
    },
    flush() {
      return writing;
    },
    dispose() {
      for (const u of unsubs.splice(0)) u();
    },
  };
  return ctl;
}
