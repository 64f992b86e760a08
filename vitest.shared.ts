// Shared by every workspace's vitest.config.ts: resolve @seekcost/* packages to their TypeScript
// sources (the "@seekcost/source" export condition), so no build step sits between an edit and a test.
import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

export const SOURCE_CONDITION = '@seekcost/source';

export const sourceResolution = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
} satisfies UserConfig;
