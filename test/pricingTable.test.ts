import { describe, expect, it } from 'vitest';
import { BeforeHistoryError, ModelNotAvailableError, RetiredModelError, resolvePrice, type Currency } from '@seekcost/pricing';
import { HISTORIES, oracleTier, type Era } from './deepseekFacts.ts';

// For every period of every billed id: the unit prices at mid-period and at both ends +-1 ms, in
// USD and CNY, against the hand-written facts in deepseekFacts.ts.

const MS = 1;
const iso = (ms: number) => new Date(ms).toISOString();

function expectEra(id: string, era: Era, ms: number): void {
  for (const currency of ['USD', 'CNY'] as const satisfies readonly Currency[]) {
    const price = resolvePrice({ model: id, at: ms, currency });
    const tier = oracleTier(era, ms);
    const expected = era.prices[tier]?.[currency];
    expect({ at: iso(ms), currency, period: price.provenance.periodId, model: price.provenance.model, tier: price.provenance.tier }).toEqual({
      at: iso(ms),
      currency,
      period: era.period,
      model: era.billsAs,
      tier,
    });
    expect([price.rates.cacheHit.toString(), price.rates.cacheMiss.toString(), price.rates.output.toString()]).toEqual(expected?.map((v) => String(Number(v))));
  }
}

describe.each(HISTORIES)('price history of $id', ({ id, eras, end }) => {
  eras.forEach((era, i) => {
    const fromMs = Date.parse(era.from);
    const next = eras[i + 1];
    const toMs = next !== undefined ? Date.parse(next.from) : end !== null ? Date.parse(end.at) : Date.parse('2026-11-22T00:00Z');
    describe(`${era.period} from ${era.from}`, () => {
      it('starts exactly at its first millisecond', () => expectEra(id, era, fromMs));
      it('holds 1 ms after its start', () => expectEra(id, era, fromMs + MS));
      it('holds at mid-period', () => expectEra(id, era, Math.floor((fromMs + toMs) / 2)));
      it('holds 1 ms before its end', () => expectEra(id, era, toMs - MS));
      if (next !== undefined) it(`hands over to ${next.period} at its end`, () => expectEra(id, next, toMs));
      if (i === 0) {
        it('has no price 1 ms before it starts', () => {
          expect(() => resolvePrice({ model: id, at: fromMs - MS })).toThrow(
            fromMs === Date.parse('2024-08-02T00:00Z') ? BeforeHistoryError : ModelNotAvailableError,
          );
        });
      }
    });
  });
  if (end !== null) {
    it(`ends at ${end.at} (${end.kind})`, () => {
      const endMs = Date.parse(end.at);
      expect(() => resolvePrice({ model: id, at: endMs })).toThrow(end.kind === 'retired' ? RetiredModelError : ModelNotAvailableError);
      expect(() => resolvePrice({ model: id, at: endMs + 86_400_000 })).toThrow(end.kind === 'retired' ? RetiredModelError : ModelNotAvailableError);
    });
  }
});

describe('retirement of the legacy aliases', () => {
  it.each(['deepseek-chat', 'deepseek-reasoner'])('%s routes to deepseek-v4-flash until 2026-07-24 15:59 UTC, then is an error carrying the instant', (id) => {
    const before = resolvePrice({ model: id, at: '2026-07-24T15:58:59.999Z' });
    expect(before.provenance).toMatchObject({
      model: 'deepseek-v4-flash',
      mode: id === 'deepseek-chat' ? 'non-thinking' : 'thinking',
      periodId: 'deepseek-v4-flash/2026-04-26',
    });
    try {
      resolvePrice({ model: id, at: '2026-07-24T15:59:00.000Z' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RetiredModelError);
      expect((error as RetiredModelError).retiredAt.toISOString()).toBe('2026-07-24T15:59:00.000Z');
      expect((error as RetiredModelError).code).toBe('RETIRED_MODEL');
    }
  });
});
