import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from './support.ts';

// `seekcost price` with metered items: --search, --fetch, --ocr-pages, --tts-characters.

const base = ['price', '--model', 'deepseek-flash', '--input', '12000', '--cache-hit', '4000', '--output', '900', '--at', '2026-11-20T12:00:00Z'];

describe('seekcost price with metered items', () => {
  it('adds one line per item and includes them in the total', async () => {
    const { code, stdout } = await run([
      ...base,
      '--currency',
      'CNY',
      '--search',
      '3',
      '--fetch',
      '1',
      '--ocr-pages',
      '12',
      '--tts-characters',
      '5400',
      '--json',
    ]);
    expect(code).toBe(0);
    const quote = JSON.parse(stdout) as { total: string; meteredLines: { item: string; count: number; amount: string; provenance: { periodId: string } }[] };
    expect(quote.meteredLines.map((l) => [l.item, l.count, l.amount, l.provenance.periodId])).toEqual([
      ['search', 3, '0.015', 'search/2026-10-31'],
      ['fetch', 1, '0.005', 'fetch/2026-10-31'],
      ['ocrPages', 12, '0.018', 'ocrPages/2026-11-13'],
      ['ttsCharacters', 5400, '1.62', 'ttsCharacters/2026-11-13'],
    ]);
    // Tokens: 4,000 x 0.02 + 8,000 x 1 + 900 x 4 per 1M (off-peak) = 0.01168; metered 1.658.
    expect(quote.total).toBe('1.66968');
  });

  it('prints metered lines in the table with their source', async () => {
    const { code, stdout } = await run([...base, '--currency', 'CNY', '--search', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/search \(tool-call\)\s+1 request\s+5 \/1,000\s+0\.005/);
    expect(stdout).toContain('search:     search/2026-10-31, https://api-docs.deepseek.com/zh-cn/quick_start/pricing');
  });

  it('USD search needs --accept-secondary-prices and then says the price is not published', async () => {
    const refused = await run([...base, '--search', '3']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("metered.search: DeepSeek publishes no USD price for 'search'");
    const accepted = await run([...base, '--search', '3', '--accept-secondary-prices']);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('not published by DeepSeek, confidence secondary');
  });

  it('stand-alone calls before 2026-10-31T16:00Z are billed, server-side tool calls are not', async () => {
    const at = ['--at', '2026-10-31T15:59:59.999Z', '--currency', 'CNY', '--search', '1000', '--json'];
    const tool = JSON.parse((await run([...base, ...at])).stdout) as { meteredLines: { amount: string }[] };
    const api = JSON.parse((await run([...base, ...at, '--metered-via', 'api'])).stdout) as { meteredLines: { amount: string }[] };
    expect([tool.meteredLines[0]?.amount, api.meteredLines[0]?.amount]).toEqual(['0', '5']);
  });

  it('rejects a fractional count naming the option', async () => {
    const { code, stderr } = await run([...base, '--currency', 'CNY', '--ocr-pages', '1.5']);
    expect(code).not.toBe(0);
    expect(stderr).toContain("--ocr-pages: must be a whole number of calls, pages or characters, got '1.5'");
  });
});

describe('seekcost price --cache-hit as a share', () => {
  const hitTokens = async (share: string): Promise<number> => {
    const { code, stdout } = await run([
      'price',
      '--model',
      'deepseek-chat',
      '--input',
      '10000',
      '--cache-hit',
      share,
      '--output',
      '0',
      '--at',
      '2025-03-01T12:00:00Z',
      '--json',
    ]);
    expect(code).toBe(0);
    const quote = JSON.parse(stdout) as { lines: { component: string; tokens: number }[] };
    return quote.lines.find((l) => l.component === 'input-cache-hit')?.tokens ?? -1;
  };

  it('keeps a whole percentage exact however many zeros follow its point (24 zeros used to give 3,999 of 4,000)', async () => {
    expect(await hitTokens(`40.${'0'.repeat(24)}%`)).toBe(4000);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 40 }), async (percent, zeros) => {
        expect(await hitTokens(`${percent}${zeros === 0 ? '' : `.${'0'.repeat(zeros)}`}%`)).toBe(percent * 100);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a share over 100% however close, compared exactly (as a float, 100.000…01% was 100%)', async () => {
    for (const share of [`100.${'0'.repeat(19)}1%`, '100.5%']) {
      const { code, stderr } = await run([
        'price',
        '--model',
        'deepseek-chat',
        '--input',
        '10000',
        '--cache-hit',
        share,
        '--output',
        '0',
        '--at',
        '2025-03-01T12:00:00Z',
      ]);
      expect(code).not.toBe(0);
      expect(stderr).toContain(`--cache-hit: a share must be at most 100%, got ${share}`);
    }
    expect(await hitTokens(`100.${'0'.repeat(30)}%`)).toBe(10000);
  });
});
