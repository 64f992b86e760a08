import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.ts';

// Component tests run in happy-dom; the end-to-end tests (test/e2e) opt into the node environment with
// a `@vitest-environment node` docblock, build the site and drive Debian's Chromium against it.
export default defineConfig({
  ...sourceResolution,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'calculator',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'happy-dom',
    // A sub-path URL, as when the built site is hosted under a folder.
    environmentOptions: { happyDOM: { url: 'http://localhost/tools/calculator/' } },
    // Building the site and starting Chromium take longer than the default hook timeout.
    hookTimeout: 180_000,
    testTimeout: 120_000,
  },
});
