import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidInstantError, MeteredItemNotAvailableError, resolveMeteredPrice, UnknownMeteredItemError } from '@seekcost/pricing';

describe('resolveMeteredPrice', () => {
  it('defaults to server-side tool calls and reports the period, source and confidence', () => {
    const r = resolveMeteredPrice({ item: 'fetch', at: '2026-11-20T00:00:00Z', currency: 'CNY' });
    expect(r.provenance).toMatchObject({
      item: 'fetch',
      via: 'tool-call',
      periodId: 'fetch/2026-10-31',
      published: true,
      confidence: 'official',
      discountId: undefined,
    });
    expect([r.price.price.toString(), r.price.unitSize, r.unit]).toEqual(['5', 1000, 'request']);
  });

  it('marks the 24 hours around a cutover whose minute is not published', () => {
    const launch = resolveMeteredPrice({ item: 'ocrPages', at: '2026-11-13T15:59:59.999Z', currency: 'CNY' });
    expect([launch.provenance.confidence, launch.warnings.map((w) => w.code)]).toEqual(['unconfirmed', ['uncertain-cutover']]);
    const later = resolveMeteredPrice({ item: 'ocrPages', at: '2026-11-13T16:00:00.000Z', currency: 'CNY' });
    expect([later.provenance.confidence, later.warnings]).toEqual(['official', []]);
    // The stand-alone API start (assumed 2026-10-01) is unconfirmed; the free-to-billed instant is published.
    expect(resolveMeteredPrice({ item: 'search', via: 'api', at: '2026-10-01T00:00:00Z', currency: 'CNY' }).provenance.confidence).toBe('unconfirmed');
    expect(resolveMeteredPrice({ item: 'search', at: '2026-10-31T16:00:00Z', currency: 'CNY' }).provenance.confidence).toBe('official');
  });

  it('stand-alone calls have no price before their assumed start; tool calls none before 2026-08-12', () => {
    expect(() => resolveMeteredPrice({ item: 'search', via: 'api', at: '2026-09-30T23:59:59.999Z', currency: 'CNY' })).toThrow(MeteredItemNotAvailableError);
    expect(() => resolveMeteredPrice({ item: 'search', at: '2026-08-11T23:59:59.999Z', currency: 'CNY' })).toThrow(MeteredItemNotAvailableError);
  });

  it('names the field in every error', () => {
    expect(() => resolveMeteredPrice({ item: 'video', at: '2026-11-20T00:00:00Z' })).toThrow(
      new UnknownMeteredItemError('metered.video', 'video', ['search', 'fetch', 'ocrPages', 'ttsCharacters', 'asr']),
    );
    expect(() => resolveMeteredPrice({ item: 'search', at: 'yesterday', currency: 'CNY' })).toThrow(InvalidInstantError);
    expect(() => resolveMeteredPrice({ item: 'search', at: '2026-11-20T00:00:00Z', via: 'email' as never })).toThrow(InvalidArgumentError);
    expect(() => resolveMeteredPrice({ item: 'search', at: '2026-11-20T00:00:00Z', currency: 'EUR' as never })).toThrow(/currency: must be 'USD' or 'CNY'/);
  });
});
