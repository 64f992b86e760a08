import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal, InvalidArgumentError, InvalidInstantError, InvalidUsageError, priceRequest, resolvePrice, type TokenCounts } from '../src/index.ts';

const HISTORY_START = Date.parse('2024-08-02T00:00:00Z');
const HISTORY_END = Date.parse('2026-12-31T23:59:59.999Z');
const count = fc.integer({ min: 0, max: 50_000_000 });
const counts = fc.record({ cacheHitInputTokens: count, cacheMissInputTokens: count, outputTokens: count });
// Models with prices across the whole history, with the instants at which each is priced.
const priced = fc.oneof(
  fc.record({ model: fc.constant('deepseek-chat'), at: fc.integer({ min: HISTORY_START, max: Date.parse('2026-07-24T15:58:59.999Z') }) }),
  fc.record({ model: fc.constant('deepseek-reasoner'), at: fc.integer({ min: Date.parse('2025-01-20T00:00Z'), max: Date.parse('2026-07-24T15:58:59.999Z') }) }),
  fc.record({ model: fc.constantFrom('deepseek-v4-flash', 'deepseek-v4-pro'), at: fc.integer({ min: Date.parse('2026-04-24T00:00Z'), max: HISTORY_END }) }),
  fc.record({ model: fc.constant('deepseek-flash'), at: fc.integer({ min: Date.parse('2026-09-10T04:00Z'), max: HISTORY_END }) }),
);
const total = (model: string, at: number, usage: TokenCounts, currency: 'USD' | 'CNY' = 'USD') => priceRequest({ model, at, usage, currency }).total;

describe('priceRequest: properties', () => {
  it('is exact: equals tokens x unit price / 1M computed in decimal.js, in both currencies', () => {
    fc.assert(
      fc.property(priced, counts, fc.constantFrom('USD' as const, 'CNY' as const), ({ model, at }, usage, currency) => {
        const { rates } = resolvePrice({ model, at, currency });
        const expected = rates.cacheHit
          .times(usage.cacheHitInputTokens)
          .plus(rates.cacheMiss.times(usage.cacheMissInputTokens))
          .plus(rates.output.times(usage.outputTokens))
          .div(1_000_000);
        expect(total(model, at, usage, currency).toString()).toBe(expected.toString());
      }),
      { numRuns: 500 },
    );
  });

  it('is additive in the usage', () => {
    fc.assert(
      fc.property(priced, counts, counts, ({ model, at }, a, b) => {
        const sum = {
          cacheHitInputTokens: a.cacheHitInputTokens + b.cacheHitInputTokens,
          cacheMissInputTokens: a.cacheMissInputTokens + b.cacheMissInputTokens,
          outputTokens: a.outputTokens + b.outputTokens,
        };
        expect(total(model, at, sum).equals(total(model, at, a).plus(total(model, at, b)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is linear in each token count', () => {
    fc.assert(
      fc.property(
        priced,
        counts,
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('cacheHitInputTokens', 'cacheMissInputTokens', 'outputTokens'),
        ({ model, at }, usage, k, key) => {
          const one = { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 0, [key]: usage[key] };
          const scaled = { ...one, [key]: usage[key] * k };
          expect(total(model, at, scaled).equals(total(model, at, one).times(k))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has lines that sum to the total', () => {
    fc.assert(
      fc.property(priced, counts, ({ model, at }, usage) => {
        const quote = priceRequest({ model, at, usage });
        expect(quote.lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)).equals(quote.total)).toBe(true);
        expect(quote.lines.map((l) => l.tokens)).toEqual([usage.cacheHitInputTokens, usage.cacheMissInputTokens, usage.outputTokens]);
      }),
      { numRuns: 300 },
    );
  });

  it('charges off-peak (and the 2025 discount) no more than peak (standard) on the same day', () => {
    const weekday2026 = fc.integer({ min: 0, max: 130 }).map((d) => Date.parse('2026-08-17T00:00:00Z') + d * 86_400_000);
    const day2025 = fc.integer({ min: 0, max: 180 }).map((d) => Date.parse('2025-02-27T00:00:00Z') + d * 86_400_000);
    fc.assert(
      fc.property(fc.constantFrom('deepseek-v4-flash', 'deepseek-v4-pro'), weekday2026, counts, (model, day, usage) => {
        const peak = total(model, day + 2 * 3_600_000, usage);
        const offPeak = total(model, day + 12 * 3_600_000, usage);
        expect(offPeak.lte(peak)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.constantFrom('deepseek-chat', 'deepseek-reasoner'), day2025, counts, (model, day, usage) => {
        expect(total(model, day + 20 * 3_600_000, usage).lte(total(model, day + 12 * 3_600_000, usage))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  describe('never depends on the host time zone', () => {
    const original = process.env.TZ;
    afterAll(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it('gives the same quote under UTC, New York, Kolkata, Chatham and Shanghai host zones', () => {
      fc.assert(
        fc.property(priced, counts, ({ model, at }, usage) => {
          const answers = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Shanghai'].map((zone) => {
            process.env.TZ = zone;
            const quote = priceRequest({ model, at: new Date(at), usage });
            return `${quote.provenance.periodId} ${quote.provenance.tier} ${quote.total.toString()}`;
          });
          expect(new Set(answers).size).toBe(1);
        }),
        { numRuns: 150 },
      );
    });
  });
});

describe('priceRequest: input', () => {
  const usage = { prompt_tokens: 10, completion_tokens: 1 };
  it.each([
    [new Date(Number.NaN), 'at: is an Invalid Date'],
    [Number.NaN, 'at: must be a finite number of epoch milliseconds, got NaN'],
    [
      '2025-03-01T12:00:00',
      'at: "2025-03-01T12:00:00" is not an ISO-8601 instant like 2025-03-01T12:00:00Z (it has no time zone: add Z or an offset so the instant does not depend on the host)',
    ],
    ['yesterday', 'at: "yesterday" is not an ISO-8601 instant like 2025-03-01T12:00:00Z'],
  ])('rejects the instant %s', (at, message) => {
    expect(() => priceRequest({ model: 'deepseek-chat', usage, at })).toThrow(InvalidInstantError);
    expect(() => priceRequest({ model: 'deepseek-chat', usage, at })).toThrow(message);
  });

  it('accepts an ISO string with an offset', () => {
    expect(priceRequest({ model: 'deepseek-chat', usage, at: '2025-03-02T00:29:59.999+08:00' }).provenance.pricedAt.toISOString()).toBe(
      '2025-03-01T16:29:59.999Z',
    );
  });

  it('validates usage before anything else', () => {
    expect(() => priceRequest({ model: 'no-such-model', usage: { prompt_tokens: -5, completion_tokens: 1 }, at: 0 })).toThrow(InvalidUsageError);
  });

  it('rejects a currency that is not USD or CNY', () => {
    expect(() => priceRequest({ model: 'deepseek-chat', usage, at: '2025-03-01T00:00:00Z', currency: 'EUR' as never })).toThrow(
      `currency: must be 'USD' or 'CNY', got "EUR"`,
    );
  });

  it('prices exactly beyond 2^53 token-units', () => {
    const big = { inputTokens: 2 ** 52, outputTokens: 2 ** 52 };
    // (2^52 x 0.44 + 2^52 x 1.32) / 1M at V4-flash peak = 2^52 x 1.76 / 1M
    expect(priceRequest({ model: 'deepseek-v4-flash', usage: big, at: '2026-09-01T02:00:00Z' }).total.toString()).toBe(
      new Decimal(2).pow(52).times('1.76').div(1e6).toString(),
    );
  });

  it('with a request-time instant, warns when a tier change is within 10 minutes', () => {
    const near = priceRequest({ model: 'deepseek-v4-pro', usage, at: '2026-09-01T00:55:00Z', instant: 'request' });
    expect(near.provenance.instantBasis).toBe('request');
    expect(near.warnings.find((w) => w.code === 'request-time-basis')?.message).toMatch(/price changes within 10 minutes \(to peak/);
    const far = priceRequest({ model: 'deepseek-v4-pro', usage, at: '2026-09-01T00:30:00Z', instant: 'request' });
    expect(far.warnings.find((w) => w.code === 'request-time-basis')?.message).not.toMatch(/changes within/);
  });

  it('marks quotes near a cutover whose minute is not published as such', () => {
    const quote = priceRequest({ model: 'deepseek-chat', usage, at: '2025-09-29T12:00:00Z' });
    expect(quote.provenance.confidence).toBe('unconfirmed');
    expect(quote.warnings.map((w) => w.code)).toEqual(['uncertain-cutover']);
    expect(priceRequest({ model: 'deepseek-chat', usage, at: '2025-11-15T12:00:00Z' }).provenance.confidence).toBe('official');
  });
});

describe('priceRequest: hostile instants and options (issue 8, sections 3, 4 and "Smaller")', () => {
  const usage = { prompt_tokens: 10, completion_tokens: 1 };
  const price = (options: Record<string, unknown>) => priceRequest({ model: 'deepseek-chat', usage, at: '2025-03-01T12:00:00Z', ...options } as never);

  it.each([
    [1e20, 'at: 100000000000000000000 is out of range: instants run from 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z'],
    [1e16, 'at: 10000000000000000 is out of range'],
    [-1e16, 'at: -10000000000000000 is out of range'],
    ['2025-02-30T12:00:00Z', 'at: "2025-02-30T12:00:00Z" names a date that does not exist (2025-02-30)'],
    ['2025 3 1 Z', 'at: "2025 3 1 Z" is not an ISO-8601 instant like 2025-03-01T12:00:00Z'],
  ])('refuses at = %s with an InvalidInstantError naming at (no RangeError, no Invalid Date)', (at, message) => {
    expect(() => price({ at })).toThrow(InvalidInstantError);
    expect(() => price({ at })).toThrow(message);
  });

  it('the last valid millisecond is priced, with a valid pricedAt; one later is refused', () => {
    const v4 = { model: 'deepseek-v4-pro', usage, currency: 'USD' } as const;
    const quote = priceRequest({ ...v4, at: 253_402_300_799_999 });
    expect(quote.provenance.pricedAt.toISOString()).toBe('9999-12-31T23:59:59.999Z');
    expect(() => priceRequest({ ...v4, at: 253_402_300_800_000 })).toThrow(InvalidInstantError);
  });

  it('pricedAt is a valid Date for any instant that prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-04-24T00:00:00Z'), max: 253_402_300_799_999 }), (at) => {
        const pricedAt = priceRequest({ model: 'deepseek-v4-pro', usage, at }).provenance.pricedAt;
        expect(pricedAt.getTime()).toBe(at);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it.each([
    [{ currency: Object.create(null) }, 'currency', "currency: must be 'USD' or 'CNY', got an object"],
    [{ currency: 'toString' }, 'currency', `currency: must be 'USD' or 'CNY', got "toString"`],
    [{ currency: Symbol('USD') }, 'currency', "currency: must be 'USD' or 'CNY', got a symbol"],
    [{ model: Object.create(null) }, 'model', 'model: must be a string, got an object'],
    [{ instant: 'sent' }, 'instant', `instant: must be 'completion' or 'request', got "sent"`],
    [{ instant: Object.create(null) }, 'instant', "instant: must be 'completion' or 'request', got an object"],
  ])('refuses %o with an InvalidArgumentError naming %s, not a TypeError', (options, field, message) => {
    expect(() => price(options)).toThrow(InvalidArgumentError);
    expect(() => price(options)).toThrow(message);
    try {
      price(options);
    } catch (error) {
      expect((error as InvalidArgumentError).field).toBe(field);
    }
  });

  it('refuses options that are not an object', () => {
    expect(() => priceRequest(null as never)).toThrow('options: must be an object, got null');
    expect(() => priceRequest('deepseek-chat' as never)).toThrow(InvalidArgumentError);
  });
});
