import { METERED_COUNT_COLUMNS } from '@seekcost/pricing/warehouse';

// Columns read into the usage object, by the names the APIs and seekcost's own exports use.
const USAGE_COLUMNS = new Set([
  'prompt_tokens',
  'completion_tokens',
  'prompt_cache_hit_tokens',
  'prompt_cache_miss_tokens',
  'input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_creation_input_tokens',
  'cacheHitInputTokens',
  'cacheMissInputTokens',
  'outputTokens',
  'inputTokens',
  'reasoningTokens',
]);

// The warehouse usage table's per-call count columns, back to the ledger's item names.
const METERED_ITEM_OF_COLUMN = new Map<string, string>(Object.entries(METERED_COUNT_COLUMNS).map(([item, column]) => [column, item]));

/**
 * Turns one CSV row (with its header) into a record the ledger reads: `model`, an instant (`at` or
 * `completed_at` as ISO strings or epoch ms, `created`/`created_at` as unix seconds), the usage
 * columns gathered into `usage` (the warehouse names `cache_hit_tokens`, `cache_miss_tokens`,
 * `output_tokens` read as billed counts), the per-call counts under the warehouse usage table's
 * column names (`search_count`, `fetch_count`, `ocr_pages`, `tts_characters`, gathered into
 * `metered`, with `metered_via`), `id`/`request_id`/`response_id` and `key`. Whole numbers become
 * numbers; anything else stays a string so the ledger reports it with the column name.
 *
 * @example
 * ```ts
 * csvRecord(['model', 'at', 'prompt_tokens', 'completion_tokens'], ['deepseek-chat', '2025-03-01T12:00:00Z', '100', '5']);
 * // { model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 100, completion_tokens: 5 } }
 * ```
 */
export function csvRecord(header: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const usage: Record<string, unknown> = {};
  let metered: Record<string, unknown> | undefined;
  let warehouse = false;
  header.forEach((column, i) => {
    const text = fields[i];
    if (text === undefined || text === '') return;
    const value = /^-?(\d+|\d*\.\d+)$/.test(text) ? Number(text) : text;
    if (column === 'cache_hit_tokens' || column === 'cache_miss_tokens') {
      warehouse = true;
      usage[column === 'cache_hit_tokens' ? 'cacheHitInputTokens' : 'cacheMissInputTokens'] = value;
    } else if (USAGE_COLUMNS.has(column)) usage[column] = value;
    else if (METERED_ITEM_OF_COLUMN.has(column)) (metered ??= {})[METERED_ITEM_OF_COLUMN.get(column) as string] = value;
    else if (column === 'metered_via') record.meteredVia = value;
    else if (column === 'completed_at') record[typeof value === 'number' ? 'completed_at' : 'at'] = value;
    else if (column === 'request_id') record.id = value;
    else record[column] = value;
  });
  if (warehouse && 'output_tokens' in usage) {
    usage.outputTokens = usage.output_tokens;
    delete usage.output_tokens;
  }
  record.usage = usage;
  if (metered !== undefined) record.metered = metered;
  return record;
}
