import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBundledTariff, resolvePrice, SeekcostError } from '@seekcost/pricing';
import { issueCodeOf } from '../../src/ledger/issueCodeOf.ts';
import { PricePlanCache, type TimeGrouping } from '../../src/ledger/pricePlanCache.ts';
import { zonedTime } from '../../src/zonedTime.ts';
import { instantArb, MODEL_IDS } from './support.ts';

// The cache is checked directly against resolvePrice, the function it caches: for random model ids
// (known and not), instants from every era and near every edge, currencies, zones and time
// groupings, in random order (so plans are built, reused, evicted and widened), the slot found must
// carry resolvePrice's unit prices, tier, period, confidence and warnings, or its error code.
describe('PricePlanCache', () => {
  it('answers what resolvePrice answers, for any model id and instant', () => {
    const tariff = getBundledTariff();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...MODEL_IDS, 'deepseek-caht'), instantArb), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('USD' as const, 'CNY' as const),
        fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'),
        fc.constantFrom<TimeGrouping>('none', 'day', 'hour'),
        (lookups, currency, timeZone, grouping) => {
          const cache = new PricePlanCache(tariff, currency, timeZone, grouping);
          for (const [model, at] of lookups) {
            let expected: ReturnType<typeof resolvePrice> | SeekcostError;
            try {
              expected = resolvePrice({ model, at, currency, tariff });
            } catch (error) {
              if (!(error instanceof SeekcostError)) throw error;
              expected = error;
            }
            const state = cache.modelState(model);
            if (state === undefined) {
              expect(expected).toBeInstanceOf(SeekcostError);
              expect((expected as SeekcostError).code).toBe('UNKNOWN_MODEL');
              continue;
            }
            const slot = cache.seek(state, state.main, at);
            expect(state.main.from).toBeLessThanOrEqual(at);
            expect(state.main.to).toBeGreaterThan(at);
            if (expected instanceof SeekcostError) {
              expect(slot.entry).toBeUndefined();
              expect(slot.errorCode).toBe(issueCodeOf(expected));
              continue;
            }
            const entry = slot.entry;
            if (entry === undefined) throw new Error(`no price in the cache for ${model} at ${new Date(at).toISOString()}`);
            const p = expected.provenance;
            expect({
              units: [entry.hitUnits, entry.missUnits, entry.outputUnits],
              prices: [entry.rates.cacheHit.toString(), entry.rates.cacheMiss.toString(), entry.rates.output.toString()],
              tier: entry.tier,
              periodId: entry.periodId,
              resolvedModel: entry.resolvedModel,
              mode: entry.mode,
              currency: entry.currency,
              confidence: entry.confidence,
              warnings: entry.warningCodes,
            }).toEqual({
              units: [expected.rates.units.cacheHit, expected.rates.units.cacheMiss, expected.rates.units.output],
              prices: [expected.rates.cacheHit.toString(), expected.rates.cacheMiss.toString(), expected.rates.output.toString()],
              tier: p.tier,
              periodId: p.periodId,
              resolvedModel: p.model,
              mode: p.mode,
              currency: p.currency,
              confidence: p.confidence,
              warnings: expected.warnings.map((w) => w.code).sort(),
            });
            const local = zonedTime(at, timeZone);
            const timeKey = grouping === 'none' ? 0 : grouping === 'day' ? local.epochDay : local.epochDay * 24 + Math.floor(local.minuteOfDay / 60);
            expect(slot.timeKey).toBe(timeKey);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('keeps the interval it found, to the millisecond, around a peak edge', () => {
    const cache = new PricePlanCache(getBundledTariff(), 'USD', 'UTC', 'none');
    const state = cache.modelState('deepseek-v4-pro');
    if (state === undefined) throw new Error('deepseek-v4-pro unknown');
    const edge = Date.parse('2026-09-01T01:00:00Z');
    expect(cache.seek(state, state.main, edge - 1).entry?.tier).toBe('off-peak');
    expect(state.main.to).toBe(edge);
    expect(cache.seek(state, state.main, edge).entry?.tier).toBe('peak');
    expect(state.main.from).toBe(edge);
  });

  it('rebuilds a price entry from a snapshot spec only when the price data prices it the same', () => {
    const cache = new PricePlanCache(getBundledTariff(), 'USD', 'UTC', 'none');
    const spec = {
      resolvedModel: 'deepseek-v4-pro',
      mode: null,
      periodId: 'deepseek-v4-pro/2026-08-22',
      tier: 'peak' as const,
      currency: 'USD' as const,
      confidence: 'official' as const,
      warningCodes: [],
      units: { cacheHit: 44000, cacheMiss: 1320000, output: 3960000 },
    };
    expect(cache.entryFor(spec)?.rates.output.toString()).toBe('3.96');
    expect(cache.entryFor({ ...spec, units: { ...spec.units, output: 3960001 } })).toBeUndefined();
    expect(cache.entryFor({ ...spec, periodId: 'deepseek-v4-pro/1999-01-01' })).toBeUndefined();
    expect(cache.entryFor({ ...spec, currency: 'CNY' })).toBeUndefined();
  });
});
