/**
 * Vite config for the browser app (index.html → src/app/main.tsx).
 *
 * - `base: './'`: the built app works from any path (a file share, a sub-folder).
 * - Workers are ES modules (`new Worker(url, { type: 'module' })` in src/client).
 * - Nothing is fetched from another host: fonts are the system's, data is bundled.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
