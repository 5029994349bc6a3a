/**
 * Vite config for the browser app (index.html → src/app/main.tsx) and the
 * drill page (drill.html → src/app/drill/main.tsx) and the briefing page
 * (briefing.html → src/ui/briefing/main.tsx).
 *
 * - `base: './'`: the built app works from any path (a file share, a sub-folder).
 * - Workers are ES modules (`new Worker(url, { type: 'module' })` in src/client).
 * - Nothing is fetched from another host: fonts are the system's, data is bundled.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        drill: fileURLToPath(new URL('./drill.html', import.meta.url)),
        briefing: fileURLToPath(new URL('./briefing.html', import.meta.url)),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
