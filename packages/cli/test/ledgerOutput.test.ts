import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLedger } from '@seekcost/pricing/ledger';
import { ledgerCsv, ledgerJson, ledgerTable } from '../src/commands/ledgerOutput.ts';
import { chatUsage, run, tempDir } from './support.ts';

const at = '2026-11-20T03:00:00Z';
const usage = chatUsage(0, 1000, 100);

function meteredTotals() {
  const ledger = createLedger({ currency: 'CNY', groupBy: ['key'] });
  ledger.add({ model: 'deepseek-v4-flash', at, usage, key: 'a', metered: { search: 3 } });
  ledger.add({ model: 'deepseek-v4-flash', at, usage, key: '=cmd|x', metered: { search: 1, ocrPages: 12 } });
  ledger.add({ model: 'deepseek-v4-flash', at, usage, key: 'c' });
  return ledger.totals();
}

describe('seekcost ledger: per-call charges', () => {
  it('adds a count and an amount column per item present to the table, with a total row', () => {
    const totals = meteredTotals();
    const table = ledgerTable(totals);
    const [header, ...rows] = table.split('\n');
    expect(header?.split(/\s{2,}/)).toEqual([
      'key',
      'records',
      'cache-hit in',
      'cache-miss in',
      'output',
      'searches',
      'searches (CNY)',
      'OCR pages',
      'OCR pages (CNY)',
      'amount (CNY)',
    ]);
    const cells = (name: string) =>
      rows
        .find((r) => r.startsWith(name))
        ?.trim()
        .split(/\s+/);
    const tokenAmount = totals.groups.find((g) => g.key.key === 'c')?.amount.toFixed();
    expect(cells('a ')?.slice(5, 9)).toEqual(['3', '0.015', '0', '0']);
    expect(cells('total')?.slice(5, 9)).toEqual(['4', '0.02', '12', '0.018']);
    expect(cells('c ')?.slice(5)).toEqual(['0', '0', '0', '0', tokenAmount]);
  });

  it('adds <item>_count and <item>_amount CSV columns, through the formula-neutralising csvField', () => {
    const csv = ledgerCsv(meteredTotals()).split('\n');
    expect(csv[0]).toBe(
      'key,records,cache_hit_tokens,cache_miss_tokens,output_tokens,reasoning_tokens,search_count,search_amount,ocr_pages_count,ocr_pages_amount,currency,amount',
    );
    expect(csv.find((l) => l.startsWith('"\'=cmd'))).toMatch(/^"'=cmd\|x",1,0,1000,100,0,1,0\.005,12,0\.018,CNY,/);
    expect(csv.find((l) => l.startsWith('c,'))).toMatch(/^c,1,0,1000,100,0,0,0,0,0,CNY,/);
  });

  it('leaves token-only output exactly as before: no per-call columns or JSON fields', () => {
    const ledger = createLedger({ groupBy: ['key'] });
    ledger.add({ model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage, key: 'a' });
    const totals = ledger.totals();
    expect(ledgerTable(totals).split('\n')[0]).not.toMatch(/search/);
    expect(ledgerCsv(totals).split('\n')[0]).toBe('key,records,cache_hit_tokens,cache_miss_tokens,output_tokens,reasoning_tokens,currency,amount');
    const json = JSON.parse(JSON.stringify(ledgerJson(totals)));
    expect(Object.keys(json)).not.toContain('metered');
    expect(Object.keys(json.groups[0])).toEqual(['key', 'records', 'tokens', 'amount']);
    expect(Object.keys(ledgerJson(meteredTotals()))).toContain('meteredBuckets');
  });

  it('reads metered counts from JSONL log lines, excludes bad ones with the field, and takes --accept-secondary-prices', async () => {
    const dir = tempDir();
    const lines = [
      { model: 'deepseek-v4-flash', at, usage, metered: { search: 3 } },
      { model: 'deepseek-v4-flash', at, usage, metered: { search: -1 } },
    ];
    writeFileSync(join(dir, 'log.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const cny = await run(['ledger', 'log.jsonl', '--currency', 'CNY', '--out', 'json'], { cwd: dir });
    expect(cny.code).toBe(3);
    const totals = JSON.parse(cny.stdout);
    expect(totals.metered).toEqual([{ item: 'search', count: 3, amount: '0.015' }]);
    expect(cny.stderr).toContain('log.jsonl:2: metered.search: must be non-negative, got -1');
    const usd = await run(['ledger', 'log.jsonl', '--out', 'json'], { cwd: dir });
    expect(JSON.parse(usd.stdout).excluded.byCode).toEqual({ 'invalid-usage': 1, 'metered-price-not-published': 1 });
    const lenient = await run(['ledger', 'log.jsonl', '--out', 'json', '--accept-secondary-prices'], { cwd: dir });
    expect(JSON.parse(lenient.stdout).metered).toEqual([{ item: 'search', count: 3, amount: '0.00225' }]);
  });
});
