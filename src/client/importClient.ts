/**
 * The main-thread side of the import worker (workers/import.worker.ts): one
 * call, `run`, answered off the main thread. The worker is started on the
 * first import and kept for the next one.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { ImportRequest, ImportResponse, ImportService } from '../importer/importService.ts';

export type { ImportRequest, ImportResponse } from '../importer/importService.ts';

export interface ImportClient {
  run(req: ImportRequest): Promise<ImportResponse>;
  dispose(): void;
}

export function createImportClient(
  worker: Worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' }),
): ImportClient {
  const remote: Remote<ImportService> = wrap<ImportService>(worker);
  return {
    run: (req) => remote.run(req),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
