import fc from 'fast-check';
import { exact, type Exact } from './exactDecimal.ts';

// Hostile price-data texts for parseTariffJson, made from one small valid document: each case says
// either which path the PriceDataError must name, or (when the change keeps the document valid)
// what the compiled tariff must price, recomputed from the document's own price strings.

const source = { url: 'https://example.com/prices', checked: '2026-11-22' };
const rates = (hit: string, miss: string, output: string) => ({ cacheHit: hit, cacheMiss: miss, output });
const limits = { contextTokens: 1000, maxOutputTokens: 100 };

/** The document every case starts from: a flat period, then a peak window with a holiday calendar. */
export function baseDocument(): Record<string, unknown> {
  // A fresh deep copy each time: cases mutate it, and the shared pieces (source, limits) must not leak.
  return structuredClone({
    formatVersion: 2,
    meteredItems: {},
    provider: 'fuzz',
    unit: 'per-1M-tokens',
    checked: '2026-11-22',
    currencies: ['USD', 'CNY'],
    calendars: {
      hol: {
        description: 'h',
        timeZone: 'Asia/Shanghai',
        coversFrom: '2026-01-01',
        coversTo: '2026-12-31',
        source,
        confidence: 'official',
        dates: [{ from: '2026-10-01', to: '2026-10-07', name: 'National Day' }],
      },
    },
    models: {
      m: {
        displayName: 'M',
        generation: '1',
        periods: [
          {
            id: 'm/a',
            from: '2026-01-01T00:00Z',
            to: '2026-06-01T00:00Z',
            tiers: [{ tier: 'standard', prices: { USD: rates('0.1', '1', '2'), CNY: rates('0.7', '7', '14') } }],
            limits,
            source,
            confidence: 'official',
          },
          {
            id: 'm/b',
            from: '2026-06-01T00:00Z',
            to: null,
            tiers: [
              {
                tier: 'peak',
                when: { windows: [{ start: '01:00', end: '04:00' }], timeZone: 'UTC', exceptDates: 'hol' },
                prices: { USD: rates('0.2', '2', '4'), CNY: rates('1.4', '14', '28') },
              },
              { tier: 'off-peak', prices: { USD: rates('0.05', '0.5', '1'), CNY: rates('0.35', '3.5', '7') } },
            ],
            limits,
            source,
            confidence: 'official',
          },
        ],
      },
    },
    ids: { m: { routes: [{ from: '2026-01-01T00:00Z', to: null, model: 'm' }] } },
  });
}

/** Instants to price, with the period and tier index the base structure puts them in. */
export const SAMPLES = [
  { at: '2026-03-01T12:00:00Z', period: 0, tier: 0 },
  { at: '2026-07-01T02:00:00Z', period: 1, tier: 0 },
  { at: '2026-07-01T12:00:00Z', period: 1, tier: 1 },
  { at: '2026-10-02T02:00:00Z', period: 1, tier: 1 },
] as const;

type Json = Record<string, unknown>;
const at = (doc: unknown, path: readonly (string | number)[]): Json => path.reduce<unknown>((node, key) => (node as Json)[key as string], doc) as Json;

const PRICE_LEAVES: readonly (readonly (string | number)[])[] = [0, 1].flatMap((p) =>
  (p === 0 ? [0] : [0, 1]).flatMap((t) =>
    ['USD', 'CNY'].flatMap((c) => ['cacheHit', 'cacheMiss', 'output'].map((k) => ['models', 'm', 'periods', p, 'tiers', t, 'prices', c, k])),
  ),
);
const P = ['models', 'm', 'periods'] as const;
const CAL = ['calendars', 'hol'] as const;

/** Leaves and values that are wrong for them whatever the rest of the document says. */
const HOSTILE_LEAVES: readonly { path: readonly (string | number)[]; values: readonly unknown[] }[] = [
  ...[
    [...P, 0, 'from'],
    [...P, 0, 'to'],
    [...P, 1, 'from'],
    ['ids', 'm', 'routes', 0, 'from'],
  ].map((path) => ({
    path,
    values: [
      '2026-02-30T00:00Z',
      '2026-09-31T00:00Z',
      '0024-01-01T00:00Z',
      '2026-01-01T24:00Z',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00+08:00',
      '2026-01-01',
      1_767_225_600_000,
      null,
      {},
      '',
    ],
  })),
  ...[[...CAL, 'coversFrom'], [...CAL, 'coversTo'], [...CAL, 'dates', 0, 'from'], [...CAL, 'dates', 0, 'to'], ['checked'], [...CAL, 'source', 'checked']].map(
    (path) => ({
      path,
      values: ['2026-02-30', '2026-09-31', '2026-02-29', '0024-01-01', '1969-12-31', '2026-1-01', '2026-10-01T00:00Z', 20_727, null, ''],
    }),
  ),
  ...PRICE_LEAVES.map((path) => ({ path, values: ['-1', '1e5', '0.1.2', '.5', '01', ' 1', 1.5, 0, null, '', 'NaN', 'Infinity', '0x10'] })),
  { path: [...P, 0, 'confidence'], values: ['bogus', 'toString', '__proto__', 1, null] },
  { path: [...P, 0, 'tiers', 0, 'tier'], values: ['gold', 'constructor', 2] },
  { path: [...P, 0, 'limits', 'contextTokens'], values: [-1, 1.5, '5', 0, Number.MAX_VALUE] },
  { path: [...P, 0, 'source', 'url'], values: ['http://example.com', 'javascript:alert(1)', 'not a url', ''] },
  { path: [...P, 1, 'tiers', 0, 'when', 'timeZone'], values: ['Mars/Olympus', '', 'toString', 5] },
  { path: [...P, 1, 'tiers', 0, 'when', 'windows', 0, 'start'], values: ['24:00', '1:00', '01:60', '', 100] },
  { path: [...P, 1, 'tiers', 0, 'when', 'exceptDates'], values: ['nope', 'toString', '__proto__', 'constructor'] },
  { path: ['ids', 'm', 'routes', 0, 'model'], values: ['nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty'] },
  { path: ['formatVersion'], values: [3, '2', 0, null] },
  { path: ['currencies'], values: [[], ['EUR'], 'USD', null] },
];

/** Objects of the document (by path) where an own __proto__ key can be planted. */
const OBJECTS: readonly (readonly (string | number)[])[] = [
  [],
  ['calendars'],
  [...CAL],
  ['models'],
  ['models', 'm'],
  [...P, 0],
  [...P, 1, 'tiers', 0, 'when'],
  [...P, 0, 'tiers', 0, 'prices', 'USD'],
  ['ids'],
  ['ids', 'm', 'routes', 0],
];
/** Strict objects of the format, where any unknown key is refused. */
const STRICT_OBJECTS = OBJECTS.filter((o) => !['calendars', 'models', 'ids'].includes(o.join('.')));

export interface TariffCase {
  readonly text: string;
  readonly kind: string;
  /** The path a PriceDataError must name ('' for the whole document), or undefined when valid. */
  readonly issuePath?: string;
  /** When valid: the model id to price and each sample's expected USD rates. */
  readonly model?: string;
  readonly expectedRates?: readonly (readonly [Exact, Exact, Exact])[];
}

function validCase(doc: Json, kind: string, model: string): TariffCase {
  const periods = at(doc, ['models', model, 'periods']) as unknown as Json[];
  const expectedRates = SAMPLES.map((s) => {
    const usd = at(periods[s.period], ['tiers', s.tier, 'prices', 'USD']) as Record<string, string>;
    return [exact(usd.cacheHit as string), exact(usd.cacheMiss as string), exact(usd.output as string)] as const;
  });
  return { text: JSON.stringify(doc), kind, model, expectedRates };
}

const decimalString = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([whole, digits, fraction]) => (digits === 0 ? String(whole) : `${whole}.${String(fraction).padStart(6, '0').slice(0, digits)}`));

export const tariffCase: fc.Arbitrary<TariffCase> = fc.oneof(
  // Valid: new prices anywhere; prices are recomputed from the strings.
  fc.array(fc.tuple(fc.constantFrom(...PRICE_LEAVES), decimalString), { minLength: 1, maxLength: 6 }).map((changes) => {
    const doc = baseDocument();
    for (const [path, value] of changes) at(doc, path.slice(0, -1))[path[path.length - 1] as string] = value;
    return validCase(doc, 'new prices', 'm');
  }),
  // Valid: ids, models and calendars named like Object.prototype members.
  fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype').map((name) => {
    const text = JSON.stringify(baseDocument())
      .replaceAll('"m"', JSON.stringify(name))
      .replaceAll('"hol"', JSON.stringify(`${name}-hol`));
    return validCase(JSON.parse(text) as Json, 'prototype-named ids', name);
  }),
  // A leaf set to a value that is wrong for it.
  fc.constantFrom(...HOSTILE_LEAVES).chain(({ path, values }) =>
    fc.constantFrom(...values).map((value) => {
      const doc = baseDocument();
      at(doc, path.slice(0, -1))[path[path.length - 1] as string] = value;
      return { text: JSON.stringify(doc), kind: 'bad leaf', issuePath: path.join('.') };
    }),
  ),
  // An own __proto__ key anywhere (refused, not skipped).
  fc.tuple(fc.constantFrom(...OBJECTS), fc.constantFrom<unknown>({ polluted: true }, {}, null, 'x')).map(([path, value]) => {
    const doc = baseDocument();
    Object.defineProperty(at(doc, path), '__proto__', { value, enumerable: true, configurable: true, writable: true });
    return { text: JSON.stringify(doc), kind: '__proto__ key', issuePath: [...path, '__proto__'].join('.') };
  }),
  // An unknown key in a strict object, including ones named like Object.prototype members.
  fc.tuple(fc.constantFrom(...STRICT_OBJECTS), fc.constantFrom('constructor', 'prototype', 'toString', 'extra', 'valueOf')).map(([path, key]) => {
    const doc = baseDocument();
    at(doc, path)[key] = 1;
    return { text: JSON.stringify(doc), kind: 'unknown key', issuePath: [...path, key].join('.') };
  }),
  // Not JSON, or JSON that is not a document: the whole document is the field ('').
  fc
    .tuple(fc.integer({ min: 0, max: 2000 }), fc.string({ maxLength: 8 }))
    .map(([cut, junk]) => {
      const text = JSON.stringify(baseDocument());
      return { text: `${text.slice(0, cut % text.length)}${junk}`, kind: 'not JSON', issuePath: '' };
    })
    .filter(({ text }) => !parses(text)),
  fc
    .constantFrom('null', '5', '[]', '"deepseek"', 'true', '', '{', '\u0000', '[[[[[[[[[[', '1e999999')
    .map((text) => ({ text, kind: 'not a document', issuePath: '' })),
);

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
