// Vite config of the calculator: a static site with a relative base, so `vite build` output runs
// from any static host and any sub-path. @seekcost/* resolve to their TypeScript sources through the
// "@seekcost/source" export condition (the same recipe as vitest.shared.ts), so no package build is needed.
import { defineConfig } from 'vite';
import { sourceResolution } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceResolution,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The exact tokenizer's vocabulary is one large lazy chunk by design; only first-load JS has a budget.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
