import { describe, expect, it } from 'vitest';
import { meteredPriceRows, type MeteredPriceRow } from '../../src/logic/meteredPriceRows.ts';

const text = (rows: readonly MeteredPriceRow[]) =>
  rows.map((r) =>
    r.status === 'priced'
      ? `${r.item} ${r.price.toString()}/${r.unitSize} ${r.unit} ${r.confidence}${r.published ? '' : ' third-party'}${r.discountPending ? ' discount-pending' : ''}`
      : `${r.item} ${r.status}`,
  );

describe('meteredPriceRows', () => {
  it('shows the CNY per-call prices of 2026-11-20 with their confidence', () => {
    expect(text(meteredPriceRows(Date.parse('2026-11-20T00:00:00Z'), 'CNY'))).toEqual([
      'search 5/1000 request official',
      'fetch 5/1000 request official',
      'ocrPages 1.5/1000 page official',
      'ttsCharacters 3/10000 character unconfirmed discount-pending',
      'asr unpriced',
    ]);
  });

  it('marks the USD search and fetch figures as third-party and USD OCR and TTS as not published', () => {
    expect(text(meteredPriceRows(Date.parse('2026-11-20T00:00:00Z'), 'USD'))).toEqual([
      'search 0.75/1000 request secondary third-party',
      'fetch 0.75/1000 request secondary third-party',
      'ocrPages not-published',
      'ttsCharacters not-published',
      'asr unpriced',
    ]);
  });

  it('says "not yet" before an item existed, to the millisecond', () => {
    const before = meteredPriceRows(Date.parse('2026-11-12T15:59:59.999Z'), 'CNY');
    const after = meteredPriceRows(Date.parse('2026-11-12T16:00:00.000Z'), 'CNY');
    expect(before.find((r) => r.item === 'ocrPages')?.status).toBe('not-yet');
    expect(after.find((r) => r.item === 'ocrPages')?.status).toBe('priced');
    expect(meteredPriceRows(Date.parse('2025-01-01T00:00:00Z'), 'CNY').every((r) => r.status === 'not-yet')).toBe(true);
  });
});
