import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkLimits,
  Decimal,
  estimateCost,
  formatAmount,
  listModels,
  normalizeUsage,
  parseTariffJson,
  PriceDataError,
  priceRequest,
  resolvePrice,
  tariffSegments,
} from '@seekcost/pricing';
import { HISTORIES } from '../deepseekFacts.ts';
import { add, exact, fromInteger, mul, roundTo, shift, show, type Exact, type Rounding } from './exactDecimal.ts';
import { attempt, expectOracleError, expectRefused, hostileFields, resultOf, RUNS, runFuzz, SEED, tallies, type Kind } from './fuzzHarness.ts';
import { currencyField, hostileCount, hostileInstant, instantField, modelField, validCount, type Tagged } from './hostileArbitraries.ts';
import { oracle, oracleLimits, oracleTotal, type Currency, type OraclePrice } from './pricingOracle.ts';
import { SAMPLES, tariffCase, type TariffCase } from './tariffArbitraries.ts';
import { usageField, type UsageCase } from './usageArbitraries.ts';

// The standing guard of issue 8: for each public pricing entry point, a fixed list of known hostile
// inputs plus RUNS generated ones (fast-check, fixed seed), and every outcome is either a result
// equal to an independent recomputation (test/deepseekFacts.ts, BigInt decimals) or a typed
// SeekcostError naming the field at fault. Counts are written up in docs/fuzz.md.

const FUZZ_TIMEOUT_MS = 300_000;
type InstantTag = Tagged & { readonly ms?: number };
const ms = (tag: InstantTag) => tag.ms as number;
const currencyOf = (tag: Tagged) => (tag.value ?? 'USD') as Currency;
const amountOf = (tokens: number | Exact, rate: Exact) => shift(mul(typeof tokens === 'number' ? fromInteger(tokens) : tokens, rate), 6);
const v = <T>(value: T, hostile?: string): Tagged<T> => (hostile === undefined ? { value } : { value, hostile });
const at = (value: unknown, validMs?: number): InstantTag => (validMs === undefined ? { value, hostile: 'at' } : { value, ms: validMs });

function expectRates(actual: { cacheHit: Decimal; cacheMiss: Decimal; output: Decimal }, price: OraclePrice): void {
  expect([actual.cacheHit.toFixed(), actual.cacheMiss.toFixed(), actual.output.toFixed()]).toEqual(price.rates.map(show));
}

/** A valid outcome the oracle prices, or the typed error it names; undefined when that error was seen. */
function priced<T>(outcome: ReturnType<typeof attempt<T>>, model: string, atMs: number, currency: Currency): { result: T; price: OraclePrice } | undefined {
  const expected = oracle(model, atMs, currency);
  if ('error' in expected) {
    expectOracleError(outcome, expected.error);
    return undefined;
  }
  return { result: resultOf(outcome), price: expected.price };
}

const countField = (field: string) =>
  fc.oneof({ weight: 5, arbitrary: validCount.map((value) => v<unknown>(value)) }, { weight: 1, arbitrary: hostileCount.map((value) => v(value, field)) });
const NEAR_MAX = 253_402_300_799_999;

describe('pricing fuzz: valid input gives the oracle result, hostile input a typed error naming its field', () => {
  const priceInput = fc.record({
    model: modelField,
    at: instantField('at'),
    usage: usageField,
    currency: currencyField,
    instant: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, 'completion', 'request').map((value) => v<unknown>(value)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('sent', 'toString', 1, Object.create(null)).map((value) => v(value, 'instant')) },
    ),
  });
  type PriceInput = { model: Tagged; at: InstantTag; usage: UsageCase; currency: Tagged; instant: Tagged };
  const usage = (counts: [number, number, number]): UsageCase => ({
    value: { cacheHitInputTokens: counts[0], cacheMissInputTokens: counts[1], outputTokens: counts[2] },
    expected: { counts, format: 'counts' },
  });
  const chat = v('deepseek-chat');
  const priceSeeds: PriceInput[] = [
    { model: chat, at: at(1e20), usage: usage([0, 10, 1]), currency: v(undefined), instant: v(undefined) },
    { model: chat, at: at(1e16), usage: usage([0, 10, 1]), currency: v(undefined), instant: v(undefined) },
    { model: chat, at: at(-1e16), usage: usage([0, 10, 1]), currency: v(undefined), instant: v(undefined) },
    { model: chat, at: at('2025-02-30T12:00:00Z'), usage: usage([0, 10, 1]), currency: v(undefined), instant: v(undefined) },
    { model: chat, at: at('2025 3 1 Z'), usage: usage([0, 10, 1]), currency: v(undefined), instant: v(undefined) },
    {
      model: chat,
      at: at('2025-03-01T12:00:00Z', 1_740_830_400_000),
      usage: usage([0, 10, 1]),
      currency: v(Object.create(null), 'currency'),
      instant: v(undefined),
    },
    {
      model: chat,
      at: at('2025-03-01T12:00:00Z', 1_740_830_400_000),
      usage: { value: Object.create(null), hostile: 'usage' },
      currency: v(undefined),
      instant: v(undefined),
    },
    { model: v('deepseek-v4-pro'), at: at(NEAR_MAX, NEAR_MAX), usage: usage([2 ** 50, 2 ** 50, 2 ** 50]), currency: v('CNY'), instant: v('request') },
    { model: v('deepseek-v4-pro'), at: at(0, 0), usage: usage([1, 1, 1]), currency: v(undefined), instant: v(undefined) },
  ];
  it(
    'priceRequest',
    () => {
      runFuzz(
        'priceRequest',
        priceInput,
        (input: PriceInput): Kind => {
          const outcome = attempt(() =>
            priceRequest({
              model: input.model.value,
              at: input.at.value,
              usage: input.usage.value,
              currency: input.currency.value,
              instant: input.instant.value,
            } as never),
          );
          const hostile = hostileFields(input.model, input.at, input.usage, input.currency, input.instant);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const currency = currencyOf(input.currency);
          const found = priced(outcome, input.model.value as string, ms(input.at), currency);
          if (found === undefined) return 'errors';
          const { result: quote, price } = found;
          const expected = input.usage.expected as NonNullable<UsageCase['expected']>;
          const [hit, miss, output] = expected.counts;
          expect(quote.total.toFixed()).toBe(show(oracleTotal(price.rates, expected.counts)));
          expect(quote.lines.map((l) => l.amount.toFixed())).toEqual(
            [amountOf(hit, price.rates[0]), amountOf(miss, price.rates[1]), amountOf(output, price.rates[2])].map(show),
          );
          expect(quote.tokens).toEqual({
            cacheHitInputTokens: hit,
            cacheMissInputTokens: miss,
            outputTokens: output,
            ...(expected.reasoning === undefined ? {} : { reasoningTokens: expected.reasoning }),
          });
          expect(quote.provenance).toMatchObject({
            tier: price.tier,
            periodId: price.era.period,
            model: price.era.billsAs,
            currency,
            instantBasis: input.instant.value ?? 'completion',
          });
          expect(quote.provenance.pricedAt.getTime()).toBe(ms(input.at));
          return 'results';
        },
        priceSeeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'normalizeUsage',
    () => {
      const seeds: UsageCase[] = [
        { value: Object.create(null), hostile: 'usage' },
        { value: JSON.parse('{"__proto__":{"prompt_tokens":5},"completion_tokens":1}'), hostile: 'usage' },
        { value: { prompt_tokens: 1, completion_tokens: 2 ** 53 }, hostile: 'usage' },
        { value: { prompt_tokens: -0, completion_tokens: 0 }, expected: { counts: [0, 0, 0], format: 'openai-chat' } },
      ];
      runFuzz(
        'normalizeUsage',
        usageField,
        (input: UsageCase): Kind => {
          const outcome = attempt(() => normalizeUsage(input.value as never));
          if (input.hostile !== undefined) return (expectRefused(outcome, [input.hostile]), 'errors');
          const { counts, format, reasoning } = input.expected as NonNullable<UsageCase['expected']>;
          const normalized = resultOf(outcome);
          expect(normalized.format).toBe(format);
          expect(normalized.counts).toEqual({
            cacheHitInputTokens: counts[0],
            cacheMissInputTokens: counts[1],
            outputTokens: counts[2],
            ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }),
          });
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const resolveInput = fc.record({ model: modelField, at: instantField('at'), currency: currencyField });
  type ResolveInput = { model: Tagged; at: InstantTag; currency: Tagged };
  it(
    'resolvePrice',
    () => {
      const seeds: ResolveInput[] = [
        { model: v('toString', 'model'), at: at('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')), currency: v(undefined) },
        { model: v('deepseek-flash'), at: at('2026-09-31T00:00Z'), currency: v(undefined) },
        { model: v('deepseek-flash'), at: at('2026-10-01T02:00:00Z', Date.parse('2026-10-01T02:00:00Z')), currency: v('CNY') },
      ];
      runFuzz(
        'resolvePrice',
        resolveInput,
        (input: ResolveInput): Kind => {
          const outcome = attempt(() => resolvePrice({ model: input.model.value, at: input.at.value, currency: input.currency.value } as never));
          const hostile = hostileFields(input.model, input.at, input.currency);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const found = priced(outcome, input.model.value as string, ms(input.at), currencyOf(input.currency));
          if (found === undefined) return 'errors';
          expectRates(found.result.rates, found.price);
          expect(found.result.provenance).toMatchObject({ tier: found.price.tier, periodId: found.price.era.period, model: found.price.era.billsAs });
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const shareField = fc.oneof(
    { weight: 2, arbitrary: fc.constant(v<unknown>(undefined)) },
    {
      weight: 4,
      arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (exact(String(x)).scale <= 20 ? v<unknown>(x) : v<unknown>(x, 'cacheHitShare'))),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 20 }), fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }))
        .map(([d, n]) => v<unknown>(d === 0 ? '0' : `0.${n.toString().padStart(20, '0').slice(0, d)}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>(
          '1.5',
          '-0.1',
          'abc',
          'NaN',
          '',
          ' ',
          '2',
          'toString',
          1.5,
          -0.5,
          Number.NaN,
          Infinity,
          true,
          [],
          Object.create(null),
          '1e-21',
          5e-324,
        )
        .map((x) => v(x, 'cacheHitShare')),
    },
  );
  const requestsField = fc.oneof(
    { weight: 5, arbitrary: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 1_000_000 })).map((x) => v<unknown>(x)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 0.5, '10', Number.NaN, Infinity, 2 ** 53, true, Object.create(null)).map((x) => v(x, 'requests')) },
  );
  const estimateInput = fc.record({
    model: modelField,
    at: instantField('at'),
    currency: currencyField,
    input: countField('inputTokens'),
    output: countField('outputTokens'),
    share: shareField,
    requests: requestsField,
  });
  type EstimateInput = { model: Tagged; at: InstantTag; currency: Tagged; input: Tagged; output: Tagged; share: Tagged; requests: Tagged };
  it(
    'estimateCost',
    () => {
      const base = {
        model: v('deepseek-v4-pro'),
        at: at('2026-09-01T02:00:00Z', Date.parse('2026-09-01T02:00:00Z')),
        currency: v(undefined),
        input: v<unknown>(1000),
        output: v<unknown>(100),
        share: v<unknown>(undefined),
        requests: v<unknown>(undefined),
      };
      const seeds: EstimateInput[] = [
        { ...base, currency: v(Object.create(null), 'currency') },
        { ...base, requests: v(Object.create(null), 'requests') },
        { ...base, share: v(5e-324, 'cacheHitShare') },
        { ...base, share: v(0.1 + 0.2), requests: v(1_000_000), input: v(2 ** 50) },
      ];
      runFuzz(
        'estimateCost',
        estimateInput,
        (input: EstimateInput): Kind => {
          const options = {
            model: input.model.value,
            at: input.at.value,
            currency: input.currency.value,
            inputTokens: input.input.value,
            outputTokens: input.output.value,
            cacheHitShare: input.share.value,
            requests: input.requests.value,
          };
          const outcome = attempt(() => estimateCost(options as never));
          const hostile = hostileFields(input.model, input.at, input.currency, input.input, input.output, input.share, input.requests);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const found = priced(outcome, input.model.value as string, ms(input.at), currencyOf(input.currency));
          if (found === undefined) return 'errors';
          const { result: estimate, price } = found;
          const tokens = input.input.value as number;
          const out = input.output.value as number;
          const share = input.share.value === undefined ? fromInteger(0) : exact(String(input.share.value));
          const hit = mul(share, fromInteger(tokens));
          const miss = add(fromInteger(tokens), { units: -hit.units, scale: hit.scale });
          const perRequest = oracleTotal(price.rates, [hit, miss, out]);
          expect(estimate.lines.map((l) => l.tokens.toFixed())).toEqual([show(hit), show(miss), String(out)]);
          expect(estimate.perRequest.toFixed()).toBe(show(perRequest));
          expect(estimate.total.toFixed()).toBe(show(mul(perRequest, fromInteger((input.requests.value as number | undefined) ?? 1))));
          const exceeds = oracleLimits(price.era.period, tokens, out).exceeded.length > 0;
          expect(estimate.warnings.some((w) => w.code === 'exceeds-limits')).toBe(exceeds);
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const limitsInput = fc.record({ model: modelField, at: instantField('at'), input: countField('inputTokens'), output: countField('outputTokens') });
  type LimitsInput = { model: Tagged; at: InstantTag; input: Tagged; output: Tagged };
  it(
    'checkLimits',
    () => {
      const seeds: LimitsInput[] = [
        { model: v('deepseek-chat'), at: at('2025-03-01T00:00:00Z', Date.parse('2025-03-01T00:00:00Z')), input: v(60_000), output: v(9_000) },
        { model: v('deepseek-chat'), at: at('2024-09-01T00:00:00Z', Date.parse('2024-09-01T00:00:00Z')), input: v(10 ** 9), output: v(10 ** 9) },
        { model: v('deepseek-reasoner'), at: at(1e16), input: v(1), output: v(1) },
      ];
      runFuzz(
        'checkLimits',
        limitsInput,
        (input: LimitsInput): Kind => {
          const outcome = attempt(() =>
            checkLimits({ model: input.model.value, at: input.at.value, inputTokens: input.input.value, outputTokens: input.output.value } as never),
          );
          const hostile = hostileFields(input.model, input.at, input.input, input.output);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const found = priced(outcome, input.model.value as string, ms(input.at), 'USD');
          if (found === undefined) return 'errors';
          const expected = oracleLimits(found.price.era.period, input.input.value as number, input.output.value as number);
          expect(found.result.limits).toMatchObject({ contextTokens: expected.limits.contextTokens, maxOutputTokens: expected.limits.maxOutputTokens });
          expect(found.result.exceeded.map((e) => e.limit)).toEqual(expected.exceeded);
          expect(found.result.unknown).toBe(expected.limits.contextTokens === null || expected.limits.maxOutputTokens === null);
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const listInput = fc.oneof(
    { weight: 8, arbitrary: instantField('at').map((a) => ({ options: { at: a.value }, at: a })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, 'now', undefined).map((options) => ({ options, at: v(undefined, 'options') as InstantTag })) },
  );
  type ListInput = { options: unknown; at: InstantTag };
  it(
    'listModels',
    () => {
      const seeds: ListInput[] = [
        { options: { at: -1e16 }, at: at(-1e16) },
        { options: { at: '2026-07-24T15:59:00Z' }, at: at('2026-07-24T15:59:00Z', Date.parse('2026-07-24T15:59:00Z')) },
      ];
      runFuzz(
        'listModels',
        listInput,
        (input: ListInput): Kind => {
          const outcome = attempt(() => listModels(input.options as never));
          if (input.at.hostile !== undefined) return (expectRefused(outcome, [input.at.hostile]), 'errors');
          const listings = resultOf(outcome);
          // One comparison per run (not one per listing): expect() dominates the cost of this suite.
          const actual = listings.map((l) => ({
            id: l.id,
            available: l.available,
            billsAs: l.billsAs,
            isAlias: l.isAlias,
            retiredAt: l.retiredAt?.getTime() ?? null,
          }));
          const expected = listings.map(({ id }) => {
            const history = HISTORIES.find((h) => h.id === id);
            const found = oracle(id, ms(input.at), 'USD');
            const billsAs = 'price' in found ? found.price.era.billsAs : null;
            const retiredAt = history?.end?.kind === 'retired' ? Date.parse(history.end.at.replace('Z', ':00Z')) : null;
            return { id, available: billsAs !== null, billsAs, isAlias: billsAs !== null && billsAs !== id, retiredAt };
          });
          expect(actual).toEqual(expected);
          expect(listings.map((l) => l.id).sort()).toEqual(HISTORIES.map((h) => h.id).sort());
          const ranks = listings.map((l) => (l.available ? (l.isAlias ? 1 : 0) : 2));
          expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const DAY = 86_400_000;
  const segmentsInput = fc.record({
    model: modelField,
    currency: currencyField,
    from: instantField('from'),
    span: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 * DAY }).map((d) => ({ d })) },
      { weight: 1, arbitrary: fc.integer({ min: -DAY, max: 0 }).map((d) => ({ d, hostile: 'to' })) },
      { weight: 1, arbitrary: hostileInstant.map((value) => ({ value, hostile: 'to' })) },
    ),
    text: fc.boolean(),
    maxSegments: fc.oneof(
      { weight: 6, arbitrary: fc.constant(v<unknown>(undefined)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, Number.NaN, '5', Infinity, Object.create(null)).map((x) => v(x, 'maxSegments')) },
    ),
  });
  type SegmentsInput = {
    model: Tagged;
    currency: Tagged;
    from: InstantTag;
    span: { d?: number; value?: unknown; hostile?: string };
    text: boolean;
    maxSegments: Tagged;
  };
  it(
    'tariffSegments',
    () => {
      const seeds: SegmentsInput[] = [
        {
          model: v('deepseek-flash'),
          currency: v(undefined),
          from: { value: '2026-09-30T00:00:00Z', ms: Date.parse('2026-09-30T00:00:00Z') },
          span: { d: 3 * DAY },
          text: true,
          maxSegments: v(undefined),
        },
        {
          model: v('deepseek-chat'),
          currency: v('CNY'),
          from: { value: '2026-07-23T00:00:00Z', ms: Date.parse('2026-07-23T00:00:00Z') },
          span: { d: 3 * DAY },
          text: false,
          maxSegments: v(undefined),
        },
        { model: v('deepseek-chat'), currency: v(undefined), from: { value: 1e16, hostile: 'from' }, span: { d: DAY }, text: false, maxSegments: v(undefined) },
      ];
      runFuzz(
        'tariffSegments',
        segmentsInput,
        (input: SegmentsInput): Kind => {
          const base = input.from.ms ?? Date.parse('2026-01-01T00:00:00Z');
          const toMs = input.span.d === undefined ? undefined : base + input.span.d;
          const toHostile = input.span.hostile ?? (toMs !== undefined && (toMs < 0 || toMs > NEAR_MAX) ? 'to' : undefined);
          const to =
            input.span.d === undefined
              ? input.span.value
              : input.text && toMs !== undefined && toMs >= 0 && toMs <= NEAR_MAX
                ? new Date(toMs).toISOString()
                : toMs;
          const outcome = attempt(() =>
            tariffSegments({
              model: input.model.value,
              currency: input.currency.value,
              from: input.from.value,
              to,
              maxSegments: input.maxSegments.value,
            } as never),
          );
          const hostile = hostileFields(input.model, input.currency, input.from, { hostile: toHostile }, input.maxSegments);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const model = input.model.value as string;
          const currency = currencyOf(input.currency);
          const found = priced(outcome, model, ms(input.from), currency);
          if (found === undefined) return 'errors';
          const segments = found.result;
          const actual: unknown[] = [];
          const expected: unknown[] = [];
          let contiguous = segments.length > 0 && (segments[0] as (typeof segments)[number]).from.getTime() === ms(input.from);
          segments.forEach((segment, i) => {
            const start = segment.from.getTime();
            const end = segment.to.getTime();
            const previous = segments[i - 1];
            if (
              end <= start ||
              (previous !== undefined && (previous.to.getTime() !== start || (previous.periodId === segment.periodId && previous.tier === segment.tier)))
            )
              contiguous = false;
            for (const point of [start, Math.floor((start + end) / 2), end - 1]) {
              const price = oracle(model, point, currency);
              actual.push([
                point,
                segment.tier,
                segment.periodId,
                segment.rates.cacheHit.toFixed(),
                segment.rates.cacheMiss.toFixed(),
                segment.rates.output.toFixed(),
              ]);
              expected.push('price' in price ? [point, price.price.tier, price.price.era.period, ...price.price.rates.map(show)] : [point, price.error]);
            }
          });
          expect(contiguous, 'segments start at from, follow each other, and each changes the price').toBe(true);
          expect(actual).toEqual(expected);
          const last = (segments[segments.length - 1] as (typeof segments)[number]).to.getTime();
          expect(last).toBeLessThanOrEqual(toMs as number);
          if (last < (toMs as number)) expect('error' in oracle(model, last, currency)).toBe(true);
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const ROUNDINGS: readonly Rounding[] = ['half-even', 'half-up', 'half-down', 'up', 'down', 'ceil', 'floor'];
  const amountText = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^\d{1,20}$/),
      fc.option(fc.stringMatching(/^\d{1,25}$/), { nil: undefined }),
      fc.option(fc.integer({ min: -30, max: 15 }), { nil: undefined }),
    )
    .map(
      ([negative, whole, fraction, exponent]) =>
        `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`,
    );
  const formatInput = fc.record({
    amount: fc.oneof(
      { weight: 3, arbitrary: amountText.map((text) => ({ value: text as unknown, text })) },
      { weight: 2, arbitrary: amountText.map((text) => ({ value: new Decimal(text) as unknown, text })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom<unknown>('toString', '', 'abc', '1e40', '-1e41', '1e100000000', 'NaN', 'Infinity', 1.5, 0, null, undefined, {}, [], Object.create(null))
          .map((value) => ({ value, hostile: 'amount' })),
      },
    ),
    currency: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('USD', 'CNY').map((x) => v<unknown>(x)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>('toString', '__proto__', 'constructor', 'EUR', undefined, Object.create(null)).map((x) => v(x, 'currency')),
      },
    ),
    decimals: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((x) => v<unknown>(x)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, 21, 1.5, Number.NaN, '2', undefined).map((x) => v(x, 'decimals')) },
    ),
    rounding: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ROUNDINGS).map((x) => v<unknown>(x)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('toString', 'hasOwnProperty', 'HALF_UP', undefined, 4).map((x) => v(x, 'rounding')) },
    ),
    grouping: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, true, false).map((x) => v<unknown>(x)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('no', 0, null).map((x) => v(x, 'grouping')) },
    ),
    display: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(undefined, 'symbol', 'code').map((x) => v<unknown>(x)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('toString', 'name', null).map((x) => v(x, 'display')) },
    ),
  });
  type FormatInput = {
    amount: { value: unknown; text?: string; hostile?: string };
    currency: Tagged;
    decimals: Tagged;
    rounding: Tagged;
    grouping: Tagged;
    display: Tagged;
  };
  it(
    'formatAmount',
    () => {
      const ok = {
        currency: v<unknown>('USD'),
        decimals: v<unknown>(2),
        rounding: v<unknown>('half-even'),
        grouping: v<unknown>(undefined),
        display: v<unknown>(undefined),
      };
      const seeds: FormatInput[] = [
        { ...ok, amount: { value: '1.5', text: '1.5' }, currency: v('toString', 'currency') },
        { ...ok, amount: { value: '-0.001', text: '-0.001' }, rounding: v('floor') },
        { ...ok, amount: { value: '-0.001', text: '-0.001' } },
        {
          ...ok,
          amount: { value: '999999999999999999999999999999999999999.995', text: '999999999999999999999999999999999999999.995' },
          rounding: v('half-up'),
        },
      ];
      runFuzz(
        'formatAmount',
        formatInput,
        (input: FormatInput): Kind => {
          const options = {
            currency: input.currency.value,
            decimals: input.decimals.value,
            rounding: input.rounding.value,
            grouping: input.grouping.value,
            display: input.display.value,
          };
          const outcome = attempt(() => formatAmount(input.amount.value as never, options as never));
          const hostile = hostileFields(input.amount, input.currency, input.decimals, input.rounding, input.grouping, input.display);
          if (hostile.length > 0) return (expectRefused(outcome, hostile), 'errors');
          const decimals = input.decimals.value as number;
          const n = roundTo(exact(input.amount.text as string), decimals, input.rounding.value as Rounding);
          const digits = (n < 0n ? -n : n).toString().padStart(decimals + 1, '0');
          const whole = digits.slice(0, digits.length - decimals);
          const body = `${input.grouping.value === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals === 0 ? '' : `.${digits.slice(digits.length - decimals)}`}`;
          const sign = n < 0n ? '-' : '';
          const currency = input.currency.value as string;
          expect(resultOf(outcome)).toBe(input.display.value === 'code' ? `${sign}${body} ${currency}` : `${sign}${currency === 'USD' ? '$' : '¥'}${body}`);
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'parseTariffJson',
    () => {
      const counts: [number, number, number] = [1_234_567, 7_654_321, 99_999];
      const seeds: TariffCase[] = [
        { text: '{"__proto__":{"polluted":true}}', kind: 'seed', issuePath: '__proto__' },
        { text: '{"formatVersion":1', kind: 'seed', issuePath: '' },
      ];
      runFuzz(
        'parseTariffJson',
        tariffCase,
        (input: TariffCase): Kind => {
          const outcome = attempt(() => parseTariffJson(input.text));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          if (input.issuePath !== undefined) {
            if (!('error' in outcome)) throw new Error(`${input.kind}: expected a PriceDataError at ${input.issuePath}, got a tariff`);
            expect(outcome.error).toBeInstanceOf(PriceDataError);
            const paths = (outcome.error as PriceDataError).issues.map((i) => i.path);
            const names =
              input.issuePath === ''
                ? paths.includes('')
                : paths.some((p) => p === input.issuePath || p.startsWith(`${input.issuePath}.`)) && !paths.includes('');
            expect(names, `${input.kind}: ${input.issuePath} not in ${paths.join(', ')}`).toBe(true);
            return 'errors';
          }
          const tariff = resultOf(outcome);
          SAMPLES.forEach((sample, i) => {
            const quote = priceRequest({
              model: input.model as string,
              at: sample.at,
              usage: { cacheHitInputTokens: counts[0], cacheMissInputTokens: counts[1], outputTokens: counts[2] },
              tariff,
            });
            expect(quote.total.toFixed()).toBe(show(oracleTotal(input.expectedRates?.[i] as readonly [Exact, Exact, Exact], counts)));
          });
          return 'results';
        },
        seeds,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

afterAll(() => {
  // The counts docs/fuzz.md reports; every entry point must have seen both outcomes in earnest.
  for (const [name, t] of tallies) {
    expect(t.inputs, name).toBe(RUNS);
    expect(Math.min(t.results, t.errors), `${name}: ${JSON.stringify(t)}`).toBeGreaterThan(RUNS / 20);
  }
  if (process.env.SEEKCOST_FUZZ_REPORT === '1') console.log(JSON.stringify({ seed: SEED, tallies: Object.fromEntries(tallies) }));
});
