import { describe, expect, it } from 'vitest';
import { createLedgerFeed } from '../src/commands/ledgerFeed.ts';
import { genAiSpan as span } from './support.ts';
import { LEDGER_DEFAULTS, type LedgerCommandOptions } from '../src/commands/ledger.ts';

const options: LedgerCommandOptions = { ...LEDGER_DEFAULTS, out: 'json', keyField: 'metadata.team', progress: false };

const record = (id: string, output: number, team?: string) => ({
  id,
  model: 'deepseek-chat',
  created: 1767130891,
  usage: { prompt_tokens: 10, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 10, completion_tokens: output },
  ...(team === undefined ? {} : { metadata: { team } }),
});

describe('createLedgerFeed', () => {
  it('splits an OTLP export into its spans, refers to each as ref#n, and counts skipped spans', () => {
    const feed = createLedgerFeed(options);
    const http = { spanId: 'h', name: 'POST /answer', endTimeUnixNano: '1767130891000000000', attributes: [] };
    expect(feed.onRecord({ resourceSpans: [{ scopeSpans: [{ spans: [span('a', '1'), http, span('b', '-1')] }] }] }, 'log:1')).toBe(true);
    const totals = feed.ledger.totals();
    expect(totals.records).toEqual({ seen: 2, priced: 1, excluded: 1, duplicates: 0 });
    expect(totals.excluded.samples.map((i) => i.ref)).toEqual(['log:1#2']);
    expect(feed.skippedSpans()).toBe(1);
    expect(feed.strictStop()).toBeUndefined();
  });

  it('keys records by --key-field and de-duplicates by response id', () => {
    const feed = createLedgerFeed({ ...options, groupBy: ['key'] });
    feed.onRecord(record('r1', 5, 'a'), 'log:1');
    feed.onRecord(record('r1', 5, 'a'), 'log:2');
    feed.onRecord(record('r2', 5), 'log:3');
    const totals = feed.ledger.totals();
    expect(totals.groups.map((g) => [g.key.key, g.records])).toEqual([
      ['', 1],
      ['a', 1],
    ]);
    expect(totals.records.duplicates).toBe(1);
  });

  it('with --strict, stops at the first bad record or unreadable line, but not at a repeated id', () => {
    const feed = createLedgerFeed({ ...options, strict: true });
    expect(feed.onRecord(record('r1', 5), 'log:1')).toBe(true);
    expect(feed.onRecord(record('r1', 5), 'log:2')).toBe(true);
    expect(feed.onRecord(record('r2', -1), 'log:3')).toBe(false);
    expect(feed.strictStop()).toBe('log:3: usage.completion_tokens: must be a non-negative integer, got -1');
    const lines = createLedgerFeed({ ...options, strict: true });
    expect(lines.onUnreadable({ ref: 'log:7', message: 'not valid JSON' })).toBe(false);
    expect(lines.strictStop()).toBe('log:7: not valid JSON');
    expect(lines.ledger.totals().records.excluded).toBe(1);
  });
});
