import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../src/input/csvRecord.ts';
import { run, tempDir } from '../support.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The columns of the warehouse usage table that `seekcost tariff --format sql --metered` prices.
const WAREHOUSE = [
  'request_id',
  'model',
  'completed_at',
  'cache_hit_tokens',
  'cache_miss_tokens',
  'output_tokens',
  'search_count',
  'fetch_count',
  'ocr_pages',
  'tts_characters',
];

describe('csvRecord', () => {
  it('reads API-named usage columns into usage, whole numbers as numbers', () => {
    expect(csvRecord(['model', 'at', 'prompt_tokens', 'completion_tokens', 'key'], ['deepseek-chat', '2025-03-01T12:00:00Z', '100', '5', 'team-a'])).toEqual({
      model: 'deepseek-chat',
      at: '2025-03-01T12:00:00Z',
      key: 'team-a',
      usage: { prompt_tokens: 100, completion_tokens: 5 },
    });
  });

  it('reads a warehouse usage row: billed counts, completed_at, request_id and the per-call counts into metered', () => {
    expect(
      csvRecord([...WAREHOUSE, 'metered_via'], ['r1', 'deepseek-v4-flash', '2026-12-03T12:00:00.000Z', '200', '800', '100', '3', '', '2', '', 'api']),
    ).toEqual({
      id: 'r1',
      model: 'deepseek-v4-flash',
      at: '2026-12-03T12:00:00.000Z',
      usage: { cacheHitInputTokens: 200, cacheMissInputTokens: 800, outputTokens: 100 },
      metered: { search: 3, ocrPages: 2 },
      meteredVia: 'api',
    });
    // No count in any per-call column: no metered field at all (a token-only record).
    expect(csvRecord(WAREHOUSE, ['r2', 'deepseek-v4-flash', '2026-12-03T12:00:00.000Z', '1', '2', '3', '', '', '', ''])).not.toHaveProperty('metered');
  });

  it('keeps a non-integer count as text, so the ledger names the column in its report', () => {
    expect(csvRecord(['search_count', 'ocr_pages'], ['three', '1.5']).metered).toEqual({ search: 'three', ocrPages: 1.5 });
  });
});

describe('seekcost ledger on a CSV export of the warehouse usage table', () => {
  it('prices the per-call counts with the tokens, exactly as the library does, and reports a bad count by its item', async () => {
    const dir = tempDir();
    const rows = [
      WAREHOUSE.join(','),
      'r1,deepseek-v4-flash,2026-12-03T12:00:00.000Z,200,800,100,3,,2,',
      'r2,deepseek-v4-flash,2026-12-03T12:00:00.000Z,200,800,100,-1,,,',
    ];
    writeFileSync(join(dir, 'usage.csv'), `${rows.join('\n')}\n`);
    const { code, stdout, stderr } = await run(['ledger', 'usage.csv', '--currency', 'CNY', '--out', 'json'], { cwd: dir });
    expect(code).toBe(3);
    const totals = JSON.parse(stdout);
    // priceRequest: 0.001204 CNY of tokens; priceMetered: 3 searches 0.015 + 2 OCR pages 0.003.
    expect(totals.amount).toBe('0.019204');
    expect(totals.records).toMatchObject({ seen: 2, priced: 1, excluded: 1 });
    expect(stderr).toContain('usage.csv:3: metered.search');
  });
});
