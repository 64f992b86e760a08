import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTariff, getBundledTariff, type TariffDocument } from '@seekcost/pricing';
import { checkPricingPage, parsePricingPage } from '@seekcost/pricing/pricingPage';
import { PAGE_DIR, pageCopies, UNDATED_RANGES } from './pricingPageCopies.ts';

// The data checks itself: every saved copy of DeepSeek's pricing page must agree with
// pricing-data/deepseek.json over the time the copy was on the page. A disagreement is fixed in the
// data or documented there under knownPageConflicts, never here.

const copies = pageCopies();
const read = (file: string) => parsePricingPage(readFileSync(join(PAGE_DIR, file), 'utf8'));

describe('pricing page copies against the price data', () => {
  it('covers every copy: 9 English and 8 Chinese, 6 of them undated', () => {
    expect(copies.length).toBe(17);
    expect(copies.filter((c) => c.file.startsWith('pricing.en.')).length).toBe(9);
    expect(Object.keys(UNDATED_RANGES).every((f) => copies.some((c) => c.file === f))).toBe(true);
  });

  for (const copy of copies) {
    it(`${copy.file} agrees over [${copy.from}, ${copy.to})`, () => {
      const page = read(copy.file);
      const result = checkPricingPage(page, { from: copy.from, to: copy.to });
      expect(result.unreadable).toEqual([]);
      expect(result.differences.map((d) => `${d.at} ${d.path}: page "${d.pageSays}" / data ${d.dataSays}`)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(page.models.length).toBeGreaterThanOrEqual(2);
      expect(page.models.every((m) => m.prices.length >= 3)).toBe(true);
    });
  }

  it('reports the one documented conflict: the vision-exp model version', () => {
    const known = copies.flatMap((c) => checkPricingPage(read(c.file), { from: c.from, to: c.to }).knownConflicts.map((d) => [c.file, d.path, d.dataSays]));
    expect(known).toEqual([
      [
        'pricing.en.2026-08-undated-vision-exp-era.partial.md',
        'ids.deepseek-v4-flash-vision-exp',
        'no version kept for this id; billed as deepseek-v4-flash (DeepSeek-V4-Flash-0731)',
      ],
    ]);
  });

  it('compares an undated range at its ends, at every data change inside and the millisecond before, and between', () => {
    const { comparedAt } = checkPricingPage(read('pricing.en.2026-08-undated-vision-exp-era.partial.md'), {
      from: '2026-08-20T16:00:00Z',
      to: '2026-09-10T04:00:00Z',
    });
    expect(comparedAt).toContain('2026-08-20T16:00:00.000Z');
    expect(comparedAt).toContain('2026-08-22T15:59:59.999Z');
    expect(comparedAt).toContain('2026-08-22T16:00:00.000Z');
    expect(comparedAt).toContain('2026-09-10T03:59:59.999Z');
    expect(comparedAt).not.toContain('2026-09-10T04:00:00.000Z');
  });

  it('fails a copy checked at the wrong time, with the page words and the data path', () => {
    const result = checkPricingPage(read('pricing.en.2026-08-17.695b915.md'), { at: '2026-08-10T00:00:00Z' });
    expect(result.ok).toBe(false);
    expect(result.differences[0]).toEqual({
      at: '2026-08-10T00:00:00.000Z',
      path: 'models.deepseek-v4-flash.periods[deepseek-v4-flash/2026-04-26].tiers.off-peak.prices.USD.cacheHit',
      pageSays: '| PRICING(1) | 1M INPUT TOKENS (CACHE HIT) | OFF-PEAK | $0.007 | $0.022 | → $0.007',
      line: 31,
      dataSays: 'no off-peak tier (tiers: standard)',
      known: undefined,
    });
  });

  it('fails when the data is off by one minute at a cutover the page names', () => {
    const document = structuredClone(getBundledTariff().document) as TariffDocument & {
      meteredItems: { search: { periods: { id: string; from: string; to: string | null }[] } };
    };
    for (const p of document.meteredItems.search.periods) {
      if (p.to === '2026-10-31T16:00Z') p.to = '2026-10-31T16:01Z';
      if (p.from === '2026-10-31T16:00Z') p.from = '2026-10-31T16:01Z';
    }
    const tariff = compileTariff(document);
    const result = checkPricingPage(read('pricing.zh-cn.2026-10-undated-before-11-01.partial.md'), {
      from: '2026-10-17T00:00:00Z',
      to: '2026-10-31T16:00:00Z',
      tariff,
    });
    expect(result.differences.map((d) => [d.at, d.path])).toEqual([['2026-10-31T16:00:00.000Z', 'meteredItems.search']]);
  });

  it('fails when a price in the data changes', () => {
    const document = structuredClone(getBundledTariff().document);
    const flash = document.models['deepseek-flash']?.periods[0]?.tiers[0]?.prices.CNY;
    if (flash === undefined) throw new Error('fixture: deepseek-flash CNY peak prices');
    (flash as { output: string }).output = '8.01';
    const result = checkPricingPage(read('pricing.zh-cn.2026-11-undated-after-11-13.partial.md'), {
      from: '2026-11-12T16:00:00Z',
      to: '2026-12-03T00:00:00Z',
      tariff: compileTariff(document),
    });
    expect(result.differences.map((d) => [d.path, d.dataSays, d.line])).toEqual([
      ['models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers.peak.prices.CNY.output', '8.01', 27],
      ['models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers.off-peak.prices.CNY.output', '4 (peak 8.01: not half)', 30],
    ]);
  });
});
