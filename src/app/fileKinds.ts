/**
 * What a set of opened or dropped files is: a district to import (a
 * GeoJSON, with or without a case log), a case log alone (calibrate the
 * running scenario), or a scenario / exported manifest (JSON) as before.
 * Pure; the controller reads the files and acts on the answer.
 *
 * A GeoJSON is told by its extension (`.geojson`), or by a `.json` whose
 * top-level `"type"` is `"FeatureCollection"` (checked on its first 4 KB,
 * without parsing the whole text); a case log by `.csv`. More than one of a
 * kind, or a file of no known kind, is an error said in both languages.
 */
import type { LoadError } from './store.ts';
import { looksLikeExport } from './savedFormat.ts';

export interface OpenedFile {
  name: string;
  text: string;
}

export type OpenPlan =
  | { kind: 'scenario'; file: OpenedFile }
  /** Saved experiments exported from the history (savedFormat.ts): imported into it. */
  | { kind: 'experiments'; file: OpenedFile }
  | { kind: 'import'; geojson: OpenedFile; csv: OpenedFile | null }
  | { kind: 'calibrate'; csv: OpenedFile }
  | { kind: 'error'; errors: LoadError[] };

const FEATURE_COLLECTION = /^\uFEFF?\s*\{[\s\S]*?"type"\s*:\s*"FeatureCollection"/;

export function fileKind(f: OpenedFile): 'geojson' | 'csv' | 'json' | 'other' {
  const name = f.name.toLowerCase();
  if (name.endsWith('.geojson')) return 'geojson';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json') || !name.includes('.')) {
    return FEATURE_COLLECTION.test(f.text.slice(0, 4096)) ? 'geojson' : 'json';
  }
  return 'other';
}

export function planOpen(files: readonly OpenedFile[]): OpenPlan {
  const by = {
    geojson: [] as OpenedFile[],
    csv: [] as OpenedFile[],
    json: [] as OpenedFile[],
    other: [] as OpenedFile[],
  };
  for (const f of files) by[fileKind(f)].push(f);
  const err = (code: string, zh: string, en: string): OpenPlan => ({
    kind: 'error',
    errors: [{ path: '', code, zh, en }],
  });
  if (files.length === 0) return err('no_file', '没有选择文件', 'No file was chosen');
  if (by.other.length > 0) {
    const n = by.other.map((f) => f.name).join(', ');
    return err(
      'unknown_file_kind',
      `无法打开 ${n}：只能打开场景或导出文件（.json）、辖区 GeoJSON（.geojson）和案件记录（.csv）`,
      `Cannot open ${n}: only scenarios or exports (.json), a district GeoJSON (.geojson) and a case log (.csv) can be opened`,
    );
  }
  if (by.geojson.length > 1 || by.csv.length > 1 || by.json.length > 1 || (by.json.length === 1 && files.length > 1)) {
    return err(
      'too_many_files',
      '一次只能打开一个场景文件，或一个辖区 GeoJSON 加至多一个案件记录 CSV',
      'Open one scenario file at a time, or one district GeoJSON with at most one case log CSV',
    );
  }
  if (by.geojson.length === 1) return { kind: 'import', geojson: by.geojson[0], csv: by.csv[0] ?? null };
  if (by.csv.length === 1) return { kind: 'calibrate', csv: by.csv[0] };
  if (looksLikeExport(by.json[0].text)) return { kind: 'experiments', file: by.json[0] };
  return { kind: 'scenario', file: by.json[0] };
}
