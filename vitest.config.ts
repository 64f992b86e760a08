import { defineConfig } from 'vitest/config';

// `npm test` runs every workspace's own project plus the cross-package regression suite in test/.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'test/vitest.config.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
  },
});
