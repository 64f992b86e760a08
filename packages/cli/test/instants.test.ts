import { describe, expect, it } from 'vitest';
import { chatUsage, run } from './support.ts';

// `price --at`, `prompt --at` and ledger records read instants with the library's one strict parser
// (issue 8, sections 3 and 4).

describe('seekcost price --at', () => {
  it.each([
    ['2025-02-30T12:00:00Z', '--at: "2025-02-30T12:00:00Z" names a date that does not exist (2025-02-30)'],
    ['2025 3 1 Z', '--at: "2025 3 1 Z" is not an ISO-8601 instant like 2025-03-01T12:00:00Z'],
    ['0024-03-01T12:00:00Z', '--at: "0024-03-01T12:00:00Z" is out of range'],
    ['2025-03-01T12:00:00', 'it has no time zone'],
  ])('exits 2 for %s, naming --at', async (at, message) => {
    const result = await run(['price', '--model', 'deepseek-chat', '--input', '10', '--output', '1', '--at', at]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('prices an offset instant at the same millisecond as its UTC form', async () => {
    const result = await run(['price', '--model', 'deepseek-chat', '--input', '10', '--output', '1', '--at', '2025-03-01T20:00:00.5+08:00', '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { provenance: { pricedAt: string } }).provenance.pricedAt).toBe('2025-03-01T12:00:00.500Z');
  });
});

describe('seekcost prompt --at', () => {
  it('exits 2 for an impossible date, naming --at', async () => {
    const result = await run(['prompt', '-', '--method', 'fast', '--at', '2026-02-30T00:00:00Z'], { stdin: '{"model":"deepseek-chat","messages":[]}' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--at: "2026-02-30T00:00:00Z" names a date that does not exist (2026-02-30)');
  });
});

describe('seekcost ledger with bad instants', () => {
  it('excludes and counts each record with a bad instant, prices every record after it, and exits 3 (not 4)', async () => {
    const good = { model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: chatUsage(0, 1_000_000, 0) };
    const lines = [good, { ...good, at: -1e16 }, good, { ...good, at: '2025-02-30T12:00:00Z' }, { ...good, at: 1e20 }, good].map((r) => JSON.stringify(r));
    const result = await run(['ledger', '-', '--out', 'json', '--no-progress'], { stdin: `${lines.join('\n')}\n` });
    expect(result.code).toBe(3);
    const totals = JSON.parse(result.stdout) as {
      records: { seen: number; priced: number; excluded: number };
      amount: string;
      excluded: { byCode: Record<string, number> };
    };
    expect(totals.records).toMatchObject({ seen: 6, priced: 3, excluded: 3 });
    expect(totals.excluded.byCode).toEqual({ 'invalid-timestamp': 3 });
    // Three records of 1M cache-miss input tokens at the V3 price of 0.27 USD per 1M.
    expect(totals.amount).toBe('0.81');
    expect(result.stderr).toContain('at: -10000000000000000 is out of range');
    expect(result.stderr).toContain('at: "2025-02-30T12:00:00Z" names a date that does not exist (2025-02-30)');
  });
});
