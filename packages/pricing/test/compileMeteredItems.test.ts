import { describe, expect, it } from 'vitest';
import type { PriceDataIssue } from '@seekcost/pricing';
import { compileMeteredItems } from '../src/compileMeteredItems.ts';
import { deepseekTariffDocument } from '../src/generated/deepseekTariff.ts';

describe('compileMeteredItems', () => {
  it('builds one timeline per way of calling; a period without via belongs to both', () => {
    const issues: PriceDataIssue[] = [];
    const items = compileMeteredItems(deepseekTariffDocument, issues);
    expect(issues).toEqual([]);
    const search = items.get('search');
    expect(search?.timelines['tool-call'].map((p) => p.id)).toEqual(['search/tool-call/2026-08-12', 'search/2026-10-31']);
    expect(search?.timelines.api.map((p) => p.id)).toEqual(['search/api/2026-10-01', 'search/2026-10-31']);
    // The shared period is one object in both timelines, so prices keep one identity.
    expect(search?.timelines['tool-call'][1]).toBe(search?.timelines.api[1]);
    expect(items.get('asr')?.unpriced?.sinceMs).toBe(Date.parse('2026-11-12T16:00Z'));
    expect(items.get('ttsCharacters')?.timelines.api[0]?.prices.CNY?.unitSize).toBe(10_000);
  });

  it('flags a secondary-only currency', () => {
    const items = compileMeteredItems(deepseekTariffDocument, []);
    const prices = items.get('fetch')?.timelines.api[1]?.prices;
    expect([prices?.USD?.secondaryOnly, prices?.CNY?.secondaryOnly]).toEqual([true, false]);
  });

  it('reports a period that ends before it starts and a duplicate id', () => {
    const doc = structuredClone(deepseekTariffDocument);
    const periods = doc.meteredItems.ocrPages!.periods;
    periods[0]!.to = '2026-11-01T00:00Z';
    doc.meteredItems.ttsCharacters!.periods[0]!.id = 'ocrPages/2026-11-13';
    const issues: PriceDataIssue[] = [];
    compileMeteredItems(doc, issues);
    expect(issues).toEqual([
      { path: 'meteredItems.ocrPages.periods.0.to', reason: 'must be after from (2026-11-12T16:00Z)' },
      { path: 'meteredItems.ttsCharacters.periods.0.id', reason: "duplicate period id 'ocrPages/2026-11-13'" },
    ]);
  });
});
