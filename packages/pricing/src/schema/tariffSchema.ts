import { z } from 'zod';
import { epochDayOf } from '../epochDayOf.ts';
import { InvalidInstantError } from '../errors.ts';
import { toEpochMs } from '../toEpochMs.ts';

// The one definition of the price-data format. `pricing-data/schema/tariff.v2.schema.json` is
// generated from it (packages/pricing/scripts/generate.ts) so editors validate the files. Format 1
// (no metered items, versions or unapplied announcements) is still read: see compileTariff.

/** A UTC instant to the minute, e.g. `2025-02-26T16:30Z`: price changes are published to the minute. */
const INSTANT_TO_THE_MINUTE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\dZ$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// The pattern gives editors (via the generated JSON Schema) the shape; the refinement then runs the
// project's one strict parser, so 2026-09-31 or year 0024 is an issue at its own path, not October 1
// or 1924. It only runs on text that has the shape, so a bad string gets one issue, not two.
const instant = z
  .string()
  .regex(INSTANT_TO_THE_MINUTE, { message: 'must be a UTC instant to the minute, like 2025-02-26T16:30Z' })
  .superRefine((text, ctx) => {
    if (INSTANT_TO_THE_MINUTE.test(text)) strictly(() => toEpochMs(text, 'instant'), ctx);
  });
const isoDate = z
  .string()
  .regex(ISO_DATE, { message: 'must be a date like 2026-10-01' })
  .superRefine((text, ctx) => {
    if (ISO_DATE.test(text)) strictly(() => epochDayOf(text, 'date'), ctx);
  });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day like 16:30' });
/** Prices are decimal strings, never JSON numbers, so no float ever touches money. */
const decimalString = z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, { message: 'must be a non-negative decimal string like "0.27"' });
const timeZone = z.string().min(1).refine(isKnownTimeZone, { message: 'must be an IANA time zone known to Intl, like Asia/Shanghai' });

/** How sure the data is: read on DeepSeek's own page, a dated third-party copy, or reported/conflicting. */
export const confidenceSchema = z.enum(['official', 'secondary', 'unconfirmed']);
export const tierNameSchema = z.enum(['standard', 'discount', 'peak', 'off-peak']);
export const currencySchema = z.enum(['USD', 'CNY']);
export const modeSchema = z.enum(['thinking', 'non-thinking']);

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/ }),
  checked: isoDate,
  snapshot: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});

export const ratesSchema = z.strictObject({
  cacheHit: decimalString,
  cacheMiss: decimalString,
  output: decimalString,
  confidence: confidenceSchema.optional(),
  note: z.string().min(1).optional(),
});

export const windowSchema = z.strictObject({ start: clockTime, end: clockTime });

export const tierConditionSchema = z.strictObject({
  windows: z.array(windowSchema).min(1),
  timeZone,
  weekdays: z.strictObject({ days: z.array(z.number().int().min(1).max(7)).min(1), timeZone }).optional(),
  exceptDates: z.string().min(1).optional(),
});

export const tierSchema = z.strictObject({
  tier: tierNameSchema,
  when: tierConditionSchema.optional(),
  prices: z.strictObject({ USD: ratesSchema.optional(), CNY: ratesSchema.optional() }),
});

export const limitsSchema = z.strictObject({
  contextTokens: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  defaultOutputTokens: z.number().int().positive().optional(),
  maxReasoningTokens: z.number().int().positive().optional(),
  note: z.string().min(1).optional(),
});

export const periodSchema = z.strictObject({
  id: z.string().min(1),
  from: instant,
  startConfidence: confidenceSchema.optional(),
  to: instant.nullable(),
  tiers: z.array(tierSchema).min(1),
  limits: limitsSchema,
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().min(1).optional(),
});

/** A model version served under a fixed id without a price change (e.g. DeepSeek-V4.1-Flash-1017). */
export const modelVersionSchema = z.strictObject({
  name: z.string().min(1),
  firstSeen: isoDate,
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().min(1).optional(),
});

export const modelSchema = z.strictObject({
  displayName: z.string().min(1),
  generation: z.string().min(1),
  periods: z.array(periodSchema).min(1),
  versions: z.array(modelVersionSchema).optional(),
});

export const routeSchema = z.strictObject({
  from: instant,
  to: instant.nullable(),
  model: z.string().min(1),
  mode: modeSchema.optional(),
  source: sourceSchema.optional(),
  confidence: confidenceSchema.optional(),
});

export const idSchema = z.strictObject({
  routes: z.array(routeSchema).min(1),
  retiredAt: instant.optional(),
  retirementSource: sourceSchema.optional(),
  note: z.string().min(1).optional(),
});

export const calendarSchema = z.strictObject({
  description: z.string().min(1),
  timeZone,
  coversFrom: isoDate,
  coversTo: isoDate,
  source: sourceSchema,
  confidence: confidenceSchema,
  dates: z.array(z.strictObject({ from: isoDate, to: isoDate, name: z.string().min(1) })),
  makeUpWorkdays: z.array(isoDate).optional(),
});

/** Names of the charges that are not tokens; also the keys callers count them under. */
export const meteredItemSchema = z.enum(['search', 'fetch', 'ocrPages', 'ttsCharacters', 'asr']);
/** How a metered call was made: by the model as a server-side tool call, or by the caller's own stand-alone API request. */
export const meteredViaSchema = z.enum(['tool-call', 'api']);
/** Units are powers of ten so count x price / unitSize is always an exact decimal. */
const unitSizeSchema = z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000), z.literal(10000), z.literal(100000), z.literal(1000000)]);

export const meteredPriceSchema = z.strictObject({
  /** Price per `unitSize` units, a decimal string. */
  price: decimalString,
  confidence: confidenceSchema.optional(),
  note: z.string().min(1).optional(),
});

/** A dated price for part of a period (e.g. a limited-time discount), entered when it is known. */
export const meteredDiscountSchema = z.strictObject({
  id: z.string().min(1),
  from: instant,
  to: instant.nullable(),
  prices: z.strictObject({ USD: meteredPriceSchema.optional(), CNY: meteredPriceSchema.optional() }),
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().min(1).optional(),
});

export const meteredPeriodSchema = z.strictObject({
  id: z.string().min(1),
  /** Which calls the period prices; absent means every way the item can be called. */
  via: meteredViaSchema.optional(),
  from: instant,
  startConfidence: confidenceSchema.optional(),
  to: instant.nullable(),
  prices: z.strictObject({ USD: meteredPriceSchema.optional(), CNY: meteredPriceSchema.optional() }),
  /** Set while a published discount's value or dates are unknown: quotes say so and are `unconfirmed`. */
  pendingDiscount: z.string().min(1).optional(),
  discounts: z.array(meteredDiscountSchema).optional(),
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().min(1).optional(),
});

export const meteredItemDocumentSchema = z.strictObject({
  displayName: z.string().min(1),
  /** What one unit is: a request, a page, a character (required once the item has a price). */
  unit: z.string().min(1).optional(),
  unitSize: unitSizeSchema.optional(),
  /** An item that exists but has no known price: any count of it is an error, never 0. */
  unpriced: z.strictObject({ since: instant, source: sourceSchema, note: z.string().min(1) }).optional(),
  periods: z.array(meteredPeriodSchema),
  note: z.string().min(1).optional(),
});

/** An announced change that never took effect: recorded so nobody prices it by mistake. */
export const unappliedAnnouncementSchema = z.strictObject({
  id: z.string().min(1),
  announced: isoDate,
  wouldHaveApplied: instant,
  withdrawn: isoDate.optional(),
  summary: z.string().min(1),
  source: sourceSchema,
  confidence: confidenceSchema,
});

/**
 * The zod schema of a seekcost price-data file (format version 2): the single definition of the
 * format. {@link compileTariff} parses with it, then checks what a schema cannot (overlaps, gaps,
 * windows that overlap, references that do not resolve).
 *
 * @example
 * ```ts
 * // Internal: compileTariff and parseTariffJson validate with it.
 * import { deepseekTariffDocument } from '@seekcost/pricing';
 * import { tariffDocumentSchema } from './tariffSchema.ts';
 * tariffDocumentSchema.safeParse(deepseekTariffDocument).success; // => true
 * const result = tariffDocumentSchema.safeParse({ ...deepseekTariffDocument, unit: 'per-token' });
 * result.error?.issues[0]?.path; // => ['unit']
 * ```
 */
// A known disagreement between a saved copy of DeepSeek's pricing page and this data, documented so
// the page check (checkPricingPage) reports it as known instead of failing: `path` is the data path
// the check names, `pageSays` a part of the page's own words.
export const knownPageConflictSchema = z.strictObject({
  path: z.string().min(1),
  pageSays: z.string().min(1),
  note: z.string().min(1),
  source: sourceSchema,
  confidence: confidenceSchema,
});

export const tariffDocumentSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(2),
  provider: z.string().min(1),
  description: z.string().optional(),
  unit: z.literal('per-1M-tokens'),
  checked: isoDate,
  currencies: z.array(currencySchema).min(1),
  calendars: z.record(z.string(), calendarSchema),
  models: z.record(z.string(), modelSchema),
  ids: z.record(z.string(), idSchema),
  meteredItems: z.partialRecord(meteredItemSchema, meteredItemDocumentSchema),
  unappliedAnnouncements: z.array(unappliedAnnouncementSchema).optional(),
  knownPageConflicts: z.array(knownPageConflictSchema).optional(),
});

/**
 * Format version 1: version 2 without metered items, model versions or unapplied announcements.
 * {@link compileTariff} reads it by upgrading it in memory (no metered items priced).
 *
 * @example
 * ```ts
 * import { tariffDocumentV1Schema } from './tariffSchema.ts';
 * tariffDocumentV1Schema.safeParse({ formatVersion: 1 }).success; // => false
 * ```
 */
export const tariffDocumentV1Schema = tariffDocumentSchema.omit({ meteredItems: true, unappliedAnnouncements: true }).extend({ formatVersion: z.literal(1) });

/**
 * A price-data document as parsed (plain JSON shapes, strings for prices and instants).
 *
 * @example
 * ```ts
 * import type { TariffDocument } from '@seekcost/pricing';
 * const doc: TariffDocument = JSON.parse(text);
 * ```
 */
export type TariffDocument = z.infer<typeof tariffDocumentSchema>;
/** @example `const c: Confidence = 'official';` */
export type Confidence = z.infer<typeof confidenceSchema>;
/** @example `const t: TierName = 'off-peak';` */
export type TierName = z.infer<typeof tierNameSchema>;
/** @example `const c: Currency = 'CNY';` */
export type Currency = z.infer<typeof currencySchema>;
/** @example `const m: Mode = 'thinking';` */
export type Mode = z.infer<typeof modeSchema>;
/** @example `const s: SourceRef = { url: 'https://api-docs.deepseek.com/quick_start/pricing', checked: '2026-11-22' };` */
export type SourceRef = z.infer<typeof sourceSchema>;
export type PeriodDocument = z.infer<typeof periodSchema>;
export type TierDocument = z.infer<typeof tierSchema>;
export type RatesDocument = z.infer<typeof ratesSchema>;
export type LimitsDocument = z.infer<typeof limitsSchema>;
/** @example `const item: MeteredItem = 'search';` */
export type MeteredItem = z.infer<typeof meteredItemSchema>;
/** @example `const c: KnownPageConflict | undefined = getBundledTariff().document.knownPageConflicts?.[0];` */
export type KnownPageConflict = z.infer<typeof knownPageConflictSchema>;
/** @example `const via: MeteredVia = 'tool-call';` */
export type MeteredVia = z.infer<typeof meteredViaSchema>;
export type MeteredItemDocument = z.infer<typeof meteredItemDocumentSchema>;
export type MeteredPeriodDocument = z.infer<typeof meteredPeriodSchema>;
export type MeteredPriceDocument = z.infer<typeof meteredPriceSchema>;
/** @example `getBundledTariff().unappliedAnnouncements.map((a: UnappliedAnnouncement) => a.id); // ['deepseek-v4-pro-reroute-2026-09-14']` */
export type UnappliedAnnouncement = z.infer<typeof unappliedAnnouncementSchema>;

// Constructing an Intl.DateTimeFormat costs about as much as the rest of a document's validation;
// zones that passed once are remembered (a handful in practice; the cap bounds hostile input).
const knownTimeZones = new Set<string>();

function isKnownTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownTimeZones.size < 1000) knownTimeZones.add(zone);
  return true;
}

function strictly(parse: () => number, ctx: z.RefinementCtx<string>): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof InvalidInstantError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.reason });
  }
}
