import { describe, expect, it } from 'vitest';
import { getBundledTariff, resolveMeteredPrice, SeekcostError } from '@seekcost/pricing';
import { tariffMeteredRows, tariffTable } from '@seekcost/pricing/warehouse';

const tariff = getBundledTariff();
const all = tariffMeteredRows(tariff, -Infinity, Infinity, undefined);

describe('tariffMeteredRows', () => {
  it('tiles each item, way and currency without gap or overlap, ending open', () => {
    const keys = new Set(all.map((r) => `${r.item}|${r.via}|${r.currency}`));
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) {
      const rows = all.filter((r) => `${r.item}|${r.via}|${r.currency}` === key);
      rows.slice(1).forEach((row, i) => expect(row.validFrom).toBe(rows[i]?.validTo));
      expect(rows.at(-1)?.validTo).toBeNull();
    }
    expect(all.some((r) => r.item === 'asr')).toBe(false);
  });

  it('agrees with resolveMeteredPrice at the first and last millisecond of every row', () => {
    for (const row of all) {
      const last = row.validTo === null ? Date.parse(row.validFrom) + 86_400_000 : Date.parse(row.validTo) - 1;
      for (const at of [Date.parse(row.validFrom), last]) {
        const r = resolveMeteredPrice({ item: row.item, via: row.via, at, currency: row.currency, acceptSecondaryPrices: true });
        expect([r.price.units, r.price.exponent, r.price.unitSize, r.provenance.periodId, r.provenance.published, r.provenance.discountId ?? null]).toEqual([
          row.units,
          row.exponent,
          row.unitSize,
          row.periodId,
          row.published,
          row.discountId,
        ]);
      }
    }
  });

  it('puts the edge where server-side search becomes billed at 2026-10-31T16:00:00.000Z, in CNY', () => {
    const search = all.filter((r) => r.item === 'search' && r.via === 'tool-call' && r.currency === 'CNY');
    expect(search.map((r) => [r.validFrom, r.validTo, r.price, r.unitSize, r.unit, r.published])).toEqual([
      ['2026-08-12T00:00:00.000Z', '2026-10-31T16:00:00.000Z', '0', 1000, 'request', true],
      ['2026-10-31T16:00:00.000Z', null, '5', 1000, 'request', true],
    ]);
  });

  it('marks third-party USD prices unpublished and the TTS list price unconfirmed (a discount is pending)', () => {
    const usd = all.find((r) => r.item === 'search' && r.currency === 'USD' && r.validTo === null);
    expect([usd?.price, usd?.published]).toEqual(['0.75', false]);
    const tts = all.filter((r) => r.item === 'ttsCharacters');
    expect(tts.map((r) => [r.currency, r.price, r.unitSize, r.confidence])).toEqual([
      ['CNY', '3', 10000, 'unconfirmed'],
      ['CNY', '3', 10000, 'unconfirmed'],
    ]);
    expect(() => resolveMeteredPrice({ item: 'ttsCharacters', at: '2026-11-20T00:00:00Z', currency: 'USD' })).toThrow(SeekcostError);
  });

  it('keeps rows in force in [from, to) and in the chosen currency, and rides in tariffTable', () => {
    const rows = tariffMeteredRows(tariff, Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-10-31T16:00:00Z'), 'CNY');
    expect(rows.map((r) => `${r.item} ${r.via} ${r.periodId}`)).toEqual([
      'search tool-call search/tool-call/2026-08-12',
      'search api search/api/2026-10-01',
      'fetch tool-call fetch/tool-call/2026-08-12',
      'fetch api fetch/api/2026-10-01',
    ]);
    expect(tariffTable({ currency: 'CNY', from: '2026-10-01T00:00:00Z', to: '2026-10-31T16:00:00Z' }).metered).toEqual(rows);
  });
});
