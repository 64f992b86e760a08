import { describe, expect, it } from 'vitest';
import { priceRequest, resolvePrice } from '@seekcost/pricing';

// Every window edge to the millisecond: the 2025 off-peak discount, the 2026 peak windows, the
// Monday-Friday rule in Beijing time, and the public-holiday exclusion.

const tierAt = (model: string, at: string) => resolvePrice({ model, at }).provenance.tier;

describe('2025 off-peak discount (16:30-00:30 UTC, start-inclusive, end-exclusive)', () => {
  it.each([
    ['deepseek-chat', '2025-03-10T16:29:59.999Z', 'standard', '0.27'],
    ['deepseek-chat', '2025-03-10T16:30:00.000Z', 'discount', '0.135'],
    ['deepseek-chat', '2025-03-11T00:29:59.999Z', 'discount', '0.135'],
    ['deepseek-chat', '2025-03-11T00:30:00.000Z', 'standard', '0.27'],
    ['deepseek-reasoner', '2025-03-10T16:29:59.999Z', 'standard', '0.55'],
    ['deepseek-reasoner', '2025-03-10T16:30:00.000Z', 'discount', '0.135'],
    ['deepseek-reasoner', '2025-03-11T00:29:59.999Z', 'discount', '0.135'],
    ['deepseek-reasoner', '2025-03-11T00:30:00.000Z', 'standard', '0.55'],
  ])('%s at %s is %s (cache-miss %s)', (model, at, tier, miss) => {
    const price = resolvePrice({ model, at });
    expect(price.provenance.tier).toBe(tier);
    expect(price.rates.cacheMiss.toString()).toBe(miss);
  });

  it('the discount starts on 2025-02-26 at 16:30 UTC, not before', () => {
    expect(tierAt('deepseek-chat', '2025-02-25T20:00:00.000Z')).toBe('standard');
    expect(tierAt('deepseek-chat', '2025-02-26T16:29:59.999Z')).toBe('standard');
    expect(tierAt('deepseek-chat', '2025-02-26T16:30:00.000Z')).toBe('discount');
  });

  it('the discount ends for good at 2025-09-05 16:00 UTC (mid-window)', () => {
    expect(tierAt('deepseek-chat', '2025-09-04T20:00:00.000Z')).toBe('discount');
    expect(tierAt('deepseek-chat', '2025-09-05T20:00:00.000Z')).toBe('standard');
    expect(tierAt('deepseek-chat', '2025-09-06T00:15:00.000Z')).toBe('standard');
  });
});

describe('2026 peak windows (01:00-04:00 and 06:00-10:00 UTC)', () => {
  const edges = [
    ['00:59:59.999', 'off-peak'],
    ['01:00:00.000', 'peak'],
    ['03:59:59.999', 'peak'],
    ['04:00:00.000', 'off-peak'],
    ['05:59:59.999', 'off-peak'],
    ['06:00:00.000', 'peak'],
    ['09:59:59.999', 'peak'],
    ['10:00:00.000', 'off-peak'],
  ] as const;
  // 2026-08-18 (Tuesday, every-day rule), 2026-09-01 (Tuesday, weekday rule), 2026-10-13 (Tuesday, V4.1 with holidays).
  it.each([
    'deepseek-v4-flash@2026-08-18',
    'deepseek-v4-pro@2026-08-18',
    'deepseek-v4-flash@2026-09-01',
    'deepseek-v4-pro@2026-09-01',
    'deepseek-flash@2026-10-13',
    'deepseek-v4-pro@2026-10-13',
  ])('%s: every edge +-1 ms', (case_) => {
    const [model, day] = case_.split('@') as [string, string];
    expect(edges.map(([time]) => tierAt(model, `${day}T${time}Z`))).toEqual(edges.map(([, tier]) => tier));
  });

  it('peak starts at 2026-08-16 16:00 UTC', () => {
    expect(resolvePrice({ model: 'deepseek-v4-flash', at: '2026-08-16T15:59:59.999Z' }).provenance).toMatchObject({
      tier: 'standard',
      periodId: 'deepseek-v4-flash/2026-04-26',
    });
    expect(resolvePrice({ model: 'deepseek-v4-flash', at: '2026-08-17T01:00:00.000Z' }).provenance).toMatchObject({
      tier: 'peak',
      periodId: 'deepseek-v4-flash/2026-08-16',
    });
  });
});

describe('Monday-Friday in Beijing time, and Chinese public holidays', () => {
  it.each([
    ['2026-09-04T02:00:00.000Z', 'peak', 'Friday'],
    ['2026-09-05T02:00:00.000Z', 'off-peak', 'Saturday'],
    ['2026-09-06T09:59:59.999Z', 'off-peak', 'Sunday'],
    ['2026-09-07T01:00:00.000Z', 'peak', 'Monday'],
  ])('deepseek-v4-pro at %s is %s (%s in Beijing)', (at, tier) => {
    expect(tierAt('deepseek-v4-pro', at)).toBe(tier);
  });

  it('the weekday rule starts at Beijing midnight between 22 and 23 August 2026 (a quoted notice), and both days are marked secondary', () => {
    const saturday = resolvePrice({ model: 'deepseek-v4-flash', at: '2026-08-22T02:00:00.000Z' });
    const sunday = resolvePrice({ model: 'deepseek-v4-flash', at: '2026-08-23T02:00:00.000Z' });
    expect([saturday.provenance.periodId, saturday.provenance.tier, saturday.provenance.confidence]).toEqual([
      'deepseek-v4-flash/2026-08-16',
      'peak',
      'secondary',
    ]);
    expect([sunday.provenance.periodId, sunday.provenance.tier, sunday.provenance.confidence]).toEqual([
      'deepseek-v4-flash/2026-08-22',
      'off-peak',
      'secondary',
    ]);
    expect(saturday.warnings.map((w) => w.code)).toEqual(['uncertain-cutover']);
    // A weekday well before the cutover is as sure as its source.
    expect(resolvePrice({ model: 'deepseek-v4-flash', at: '2026-08-20T02:00:00.000Z' }).provenance.confidence).toBe('official');
  });

  it('weekdays are read in Asia/Shanghai, not UTC', async () => {
    // A tariff whose peak window wraps UTC midnight shows the difference: 23:00 UTC Friday is
    // Saturday 07:00 in Beijing (weekend), and 23:00 UTC Sunday is Monday 07:00 in Beijing.
    const { compileTariff } = await import('@seekcost/pricing');
    const { deepseekTariffDocument } = await import('../packages/pricing/src/generated/deepseekTariff.ts');
    const doc = structuredClone(deepseekTariffDocument);
    const period = doc.models['deepseek-flash']?.periods[0];
    const peak = period?.tiers[0];
    if (peak?.when === undefined) throw new Error('fixture drifted');
    peak.when.windows = [{ start: '22:00', end: '23:30' }];
    const tariff = compileTariff(doc);
    const at = (iso: string) => resolvePrice({ model: 'deepseek-flash', at: iso, tariff }).provenance.tier;
    expect(at('2026-10-16T23:00:00.000Z')).toBe('off-peak'); // Friday UTC, Saturday Beijing
    expect(at('2026-10-18T23:00:00.000Z')).toBe('peak'); // Sunday UTC, Monday Beijing
  });

  it.each([
    ['2026-10-01T02:00:00.000Z', 'off-peak', 'National Day (Thursday)'],
    ['2026-10-07T09:59:59.999Z', 'off-peak', 'National Day (Wednesday)'],
    ['2026-10-08T01:00:00.000Z', 'peak', 'first working day after National Day'],
    ['2026-09-25T02:00:00.000Z', 'off-peak', 'Mid-Autumn Festival (Friday)'],
    ['2026-10-10T02:00:00.000Z', 'off-peak', 'make-up working Saturday (the rule says Monday to Friday)'],
  ])('deepseek-flash at %s is %s: %s', (at, tier) => {
    expect(tierAt('deepseek-flash', at)).toBe(tier);
    expect(tierAt('deepseek-v4-pro', at)).toBe(tier);
  });

  it('holiday edges are Beijing midnights', () => {
    // 2026-09-24 is a Thursday; the Mid-Autumn holiday starts at Beijing midnight, 16:00 UTC.
    expect(tierAt('deepseek-flash', '2026-09-24T09:59:59.999Z')).toBe('peak');
    expect(tierAt('deepseek-flash', '2026-09-25T01:00:00.000Z')).toBe('off-peak');
  });

  it('past the end of the holiday list a peak price is still given, marked unconfirmed', () => {
    const price = resolvePrice({ model: 'deepseek-flash', at: '2027-01-05T02:00:00.000Z' });
    expect(price.provenance.tier).toBe('peak');
    expect(price.provenance.confidence).toBe('unconfirmed');
    expect(price.warnings.map((w) => w.code)).toContain('beyond-holiday-list');
    // Off-peak hours do not depend on the holiday list, so they carry no such warning.
    expect(resolvePrice({ model: 'deepseek-flash', at: '2027-01-05T12:00:00.000Z' }).warnings.map((w) => w.code)).not.toContain('beyond-holiday-list');
  });
});

describe("the pricing page's worked example", () => {
  it('deepseek-chat standard price: 6,000 cache-miss input + 800 output = $0.00162 + $0.00088 = $0.0025 exactly', () => {
    const quote = priceRequest({
      model: 'deepseek-chat',
      usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800, total_tokens: 6800 },
      at: '2025-03-01T12:00:00Z',
    });
    expect(quote.provenance.tier).toBe('standard');
    expect(quote.lines.map((l) => [l.component, l.tokens, l.unitPrice.toString(), l.amount.toString()])).toEqual([
      ['input-cache-hit', 0, '0.07', '0'],
      ['input-cache-miss', 6000, '0.27', '0.00162'],
      ['output', 800, '1.1', '0.00088'],
    ]);
    expect(quote.total.toString()).toBe('0.0025');
    expect(quote.total.equals('0.0025')).toBe(true);
  });
});
