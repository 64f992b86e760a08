import { defineConfig } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceResolution,
  test: { name: 'tokenizer-estimate', include: ['test/**/*.test.ts'] },
});
