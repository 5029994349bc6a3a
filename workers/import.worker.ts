/**
 * Browser Web Worker for importing a district (GeoJSON, a case log) in the
 * app: exposes the import service over comlink, so rasterising and fitting
 * never hold the page's main thread.
 */
import { expose } from 'comlink';
import { createImportService } from '../src/importer/importService.ts';

expose(createImportService());
