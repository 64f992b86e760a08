import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWorkload, type WorkloadResult } from '../../src/logic/estimateWorkload.ts';
import type { Workload } from '../../src/logic/parseWorkload.ts';

const TOKENS_ONLY: Workload = { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 };
const AT = '2026-11-20T12:00:00Z';

function cost(result: WorkloadResult) {
  if (!result.ok) throw result.error;
  return result.cost;
}

describe('estimateWorkload with per-call items', () => {
  it('adds exactly CNY 0.015 per request for 3 searches on 2026-11-20, and 15 a day, 450 per 30 days at 1,000 requests a day', () => {
    const base = cost(estimateWorkload('deepseek-flash', AT, TOKENS_ONLY, 'CNY'));
    const withSearch = cost(estimateWorkload('deepseek-flash', AT, { ...TOKENS_ONLY, metered: { search: 3 } }, 'CNY'));
    expect(withSearch.estimate.perRequest.minus(base.estimate.perRequest).toString()).toBe('0.015');
    expect(withSearch.perDay.minus(base.perDay).toString()).toBe('15');
    expect(withSearch.per30Days.minus(base.per30Days).toString()).toBe('450');
    expect(withSearch.metered.map((m) => [m.item, m.perRequest.toString(), m.perDay.toString(), m.per30Days.toString()])).toEqual([
      ['search', '0.015', '15', '450'],
    ]);
    expect(base.metered).toEqual([]);
  });

  it('prices every item in CNY exactly, one line each in the order given', () => {
    const workload: Workload = {
      inputTokens: 0,
      cacheHitShare: '0',
      outputTokens: 0,
      requestsPerDay: 7,
      metered: { search: 3, fetch: 1, ocrPages: 12, ttsCharacters: 5400 },
    };
    const c = cost(estimateWorkload('deepseek-flash', AT, workload, 'CNY'));
    // 3 x 5/1000, 1 x 5/1000, 12 x 1.5/1000, 5400 x 3/10000
    expect(c.estimate.meteredLines.map((l) => [l.item, l.count, l.unitPrice.toString(), l.unitSize, l.amount.toString()])).toEqual([
      ['search', 3, '5', 1000, '0.015'],
      ['fetch', 1, '5', 1000, '0.005'],
      ['ocrPages', 12, '1.5', 1000, '0.018'],
      ['ttsCharacters', 5400, '3', 10000, '1.62'],
    ]);
    expect(c.estimate.perRequest.toString()).toBe('1.658');
    expect(c.metered.map((m) => m.perDay.toString())).toEqual(['0.105', '0.035', '0.126', '11.34']);
    expect(c.metered.map((m) => m.per30Days.toString())).toEqual(['3.15', '1.05', '3.78', '340.2']);
    // The TTS discount's value is not known: the list price is charged, and the page is told so.
    expect(c.estimate.warnings.map((w) => w.code)).toContain('pending-discount');
  });

  it('uses the third-party USD search price with a secondary-price warning: $0.00225 for 3 searches', () => {
    const c = cost(
      estimateWorkload('deepseek-flash', AT, { inputTokens: 0, cacheHitShare: '0', outputTokens: 0, requestsPerDay: 1, metered: { search: 3 } }, 'USD'),
    );
    expect(c.estimate.perRequest.toString()).toBe('0.00225');
    expect(c.estimate.meteredLines[0]?.provenance.published).toBe(false);
    expect(c.estimate.warnings.map((w) => w.code)).toEqual(['secondary-price']);
  });

  it('returns a typed error, never 0, for an item with no price in the currency or at the instant', () => {
    const ocr = estimateWorkload('deepseek-flash', AT, { ...TOKENS_ONLY, metered: { ocrPages: 1 } }, 'USD');
    expect(ocr.ok === false && (ocr.error as { code?: string }).code).toBe('METERED_PRICE_NOT_PUBLISHED');
    expect(ocr.ok === false && ocr.error.message).toMatch(/^metered\.ocrPages: /);
    const early = estimateWorkload('deepseek-flash', '2026-11-12T15:59:59.999Z', { ...TOKENS_ONLY, metered: { ocrPages: 1 } }, 'CNY');
    expect(early.ok === false && (early.error as { code?: string }).code).toBe('METERED_ITEM_NOT_AVAILABLE');
  });

  it('charges nothing for server-side searches before 2026-10-31T16:00Z and CNY 0.005 each from that millisecond', () => {
    const search = { inputTokens: 0, cacheHitShare: '0', outputTokens: 0, requestsPerDay: 1, metered: { search: 1 } };
    expect(cost(estimateWorkload('deepseek-flash', '2026-10-31T15:59:59.999Z', search, 'CNY')).estimate.perRequest.toString()).toBe('0');
    expect(cost(estimateWorkload('deepseek-flash', '2026-10-31T16:00:00.000Z', search, 'CNY')).estimate.perRequest.toString()).toBe('0.005');
  });

  it('adds exactly the sum of its per-call lines to the token cost, per request, per day and per 30 days (property)', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(count, count, count, count, fc.integer({ min: 0, max: 100_000 }), (search, fetch, ocrPages, ttsCharacters, requestsPerDay) => {
        const tokens: Workload = { ...TOKENS_ONLY, requestsPerDay };
        const base = cost(estimateWorkload('deepseek-flash', AT, tokens, 'CNY'));
        const c = cost(estimateWorkload('deepseek-flash', AT, { ...tokens, metered: { search, fetch, ocrPages, ttsCharacters } }, 'CNY'));
        const lines = c.metered.reduce((sum, m) => sum.plus(m.perRequest), base.estimate.perRequest);
        expect(c.estimate.perRequest.toString()).toBe(lines.toString());
        expect(c.perDay.toString()).toBe(c.metered.reduce((sum, m) => sum.plus(m.perDay), base.perDay).toString());
        expect(c.per30Days.toString()).toBe(c.metered.reduce((sum, m) => sum.plus(m.per30Days), base.per30Days).toString());
        // Zero counts add no line.
        expect(c.metered.map((m) => m.item)).toEqual(
          (['search', 'fetch', 'ocrPages', 'ttsCharacters'] as const).filter((item) => ({ search, fetch, ocrPages, ttsCharacters })[item] > 0),
        );
      }),
      { numRuns: 50 },
    );
  });
});
