import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.ts';

// `npm run test:warehouse` (root): the ClickHouse checks on chDB, kept out of `npm test` because chDB
// installs about 550 MB. Install it first with `npm install --prefix warehouse/clickhouse`.
export default defineConfig({
  ...sourceResolution,
  test: { name: 'warehouse-clickhouse', root: import.meta.dirname, include: ['*.test.ts'], reporters: ['default'] },
});
