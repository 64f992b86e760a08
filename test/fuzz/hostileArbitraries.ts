import fc from 'fast-check';
import { HISTORY_START_MS, KNOWN_IDS } from './pricingOracle.ts';
import { DAILY_EDGE_MINUTES, PRICE_EDGES_MS } from '../support/priceEdges.ts';

// Generators for the pricing fuzz suite. Each value says whether it is hostile (so the call must
// throw a typed error naming that field) or valid (so the result must match the oracle), and what
// it means when valid: a count, an instant in milliseconds.

export interface Tagged<T = unknown> {
  readonly value: T;
  /** undefined: valid. Otherwise the field the typed error must name (a prefix for usage). */
  readonly hostile?: string;
}

const MAX_MS = 253_402_300_799_999;
const DAY = 86_400_000;

/** Valid instants in ms, weighted to where prices change; a few anywhere in the accepted range. */
export const validMs: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: HISTORY_START_MS - 30 * DAY, max: Date.parse('2027-06-01T00:00:00Z') }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PRICE_EDGES_MS), fc.integer({ min: -120_000, max: 120_000 })).map(([e, d]) => e + d) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: Date.parse('2025-02-20T00:00:00Z') / DAY, max: Date.parse('2027-01-10T00:00:00Z') / DAY }),
        fc.constantFrom(...DAILY_EDGE_MINUTES),
        fc.integer({ min: -2000, max: 2000 }),
      )
      .map(([day, minute, d]) => day * DAY + minute * 60_000 + d),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 0, max: MAX_MS }), fc.constantFrom(0, MAX_MS)) },
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A valid instant as a number, a Date, or ISO text in one of the accepted forms (same ms). */
export function instantValue(ms: number): fc.Arbitrary<Date | number | string> {
  const iso = new Date(ms).toISOString();
  const forms: fc.Arbitrary<Date | number | string>[] = [
    fc.constant(ms),
    fc.constant(new Date(ms)),
    fc.constant(iso),
    fc.constant(iso.replace('T', ' ').toLowerCase().replace(' ', 't')),
  ];
  if (ms % 1000 === 0) forms.push(fc.constant(iso.replace('.000Z', 'Z')));
  if (ms % 60_000 === 0) forms.push(fc.constant(iso.replace(':00.000Z', 'Z')));
  forms.push(
    fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).chain((offset) => {
      const local = ms + offset * 60_000;
      if (local < 0 || local > MAX_MS) return fc.constant<Date | number | string>(iso);
      const abs = Math.abs(offset);
      return fc.constant(`${new Date(local).toISOString().slice(0, 23)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`);
    }),
  );
  forms.push(fc.integer({ min: 0, max: 999_999 }).map((micro) => iso.replace('Z', `${pad(micro, 6)}Z`)));
  return fc.oneof(...forms);
}

/** Values any field might receive from untrusted data that are never a valid instant. */
const strangeValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, '', ' ', 'toString', '__proto__', 'constructor', 'NaN', 'Infinity', '\u001b[31m', '\u0000'),
  fc.constant(Object.create(null) as unknown),
  fc.constant({ valueOf: () => 0, toString: () => '2025-03-01T12:00:00Z' }),
  fc.constant(Symbol('x')),
  fc.constant(() => 0),
  fc.constant([2025, 3, 1]),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);

/** Instants that must be refused: out of range, impossible dates, forms outside the grammar. */
export const hostileInstant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    1e20,
    1e16,
    -1e16,
    8.64e15,
    -1,
    MAX_MS + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: false }).filter((x) => !(Number.isInteger(x) && x >= 0 && x <= MAX_MS)),
  fc.integer({ min: 0, max: MAX_MS - 1 }).map((ms) => ms + 0.5),
  fc.constantFrom(new Date(Number.NaN), new Date(-1), new Date(8.64e15)),
  fc.constantFrom(
    '2025-02-30T12:00:00Z',
    '2026-09-31T00:00Z',
    '2026-02-29T00:00:00Z',
    '2025 3 1 Z',
    '0024-01-01T00:00Z',
    '2025-03-01T24:00:00Z',
    '2025-03-01T12:60Z',
    '2025-03-01T23:59:60Z',
    '2025-03-01T12:00:00+24:00',
    '2025-03-01T12:00:00',
    '2025-03-01',
    'yesterday',
    '1969-12-31T23:59:59.999Z',
    '+002025-03-01T00:00:00Z',
    '2025-03-01T12:00:00+0800',
    '10000-01-01T00:00:00Z',
  ),
  fc.tuple(fc.integer({ min: 1970, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 })).map(([y, m, extra]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${pad(y, 4)}-${pad(m)}-${last + extra}T00:00:00Z`;
  }),
  validMs.map((ms) => new Date(ms).toISOString().replace('Z', '')),
  validMs.map((ms) => new Date(ms).toISOString().replace('T', '  ')),
  fc.string({ maxLength: 30 }).map((s) => `x${s}`),
  strangeValues,
);

/** An instant field: valid (with its ms) or hostile. */
export function instantField(field: string): fc.Arbitrary<Tagged & { readonly ms?: number }> {
  return fc.oneof(
    { weight: 4, arbitrary: validMs.chain((ms) => instantValue(ms).map((value) => ({ value, ms }))) },
    { weight: 1, arbitrary: hostileInstant.map((value) => ({ value, hostile: field })) },
  );
}

/** Model ids: known ones mostly; hostile ones are never a known id. */
export const modelField: fc.Arbitrary<Tagged<unknown>> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_IDS).map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          'deepseek-caht',
          'DEEPSEEK-CHAT',
          ' deepseek-chat',
          'toString',
          '__proto__',
          'constructor',
          'hasOwnProperty',
          '',
          'deepseek-chat\u0000',
          'x'.repeat(300),
        ),
        fc.string({ maxLength: 30 }),
        strangeValues.filter((v) => typeof v !== 'string'),
      )
      .filter((v) => typeof v !== 'string' || !KNOWN_IDS.includes(v))
      .map((value) => ({ value, hostile: 'model' })),
  },
);

export const currencyField: fc.Arbitrary<Tagged<unknown>> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(undefined, 'USD', 'CNY').map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('EUR', 'usd', 'toString', '__proto__', 1),
        strangeValues.filter((v) => v !== undefined && v !== null),
      )
      .map((value) => ({ value, hostile: 'currency' })),
  },
);

/** Token counts: valid non-negative safe integers (small mostly), or hostile ones. */
export const validCount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 50 }) },
);
export const hostileCount: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0.5, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, 1e300, '5', '', true, [], {}),
  fc.integer({ min: -(2 ** 40), max: -1 }),
  fc.double({ min: 0, max: 1e9, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constant(Object.create(null) as unknown),
  fc.bigInt({ min: 0n, max: 10n ** 6n }),
);
