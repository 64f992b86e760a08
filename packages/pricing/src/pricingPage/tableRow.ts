/**
 * One row of a markdown table on the page: its cells (see splitTableRow), its line and raw text.
 *
 * @example
 * ```ts
 * const row: TableRow = { cells: ['MODEL', 'deepseek-v4-pro'], line: 3, raw: '| MODEL | deepseek-v4-pro |' };
 * ```
 */
export interface TableRow {
  readonly cells: readonly string[];
  readonly line: number;
  readonly raw: string;
}

/** A DeepSeek model id as it appears in a table cell. */
export const MODEL_ID = /^deepseek-[a-z0-9][a-z0-9.-]*$/;

/** The kind of token a price label names, if any (English or Chinese). */
export function tokenKindOf(label: string): 'cacheHit' | 'cacheMiss' | 'output' | undefined {
  const upper = label.toUpperCase();
  if (upper.includes('CACHE HIT') || label.includes('缓存命中')) return 'cacheHit';
  if (upper.includes('CACHE MISS') || label.includes('缓存未命中')) return 'cacheMiss';
  if (upper.includes('OUTPUT TOKENS') || /tokens\s*输出/.test(label)) return 'output';
  return undefined;
}

/** The tier a price label names, if any. */
export function tierOf(label: string): 'peak' | 'off-peak' | undefined {
  const upper = label.toUpperCase();
  if (upper === 'OFF-PEAK' || label === '空闲时段') return 'off-peak';
  if (upper === 'PEAK' || label === '高峰时段') return 'peak';
  return undefined;
}
