import type { Currency, MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';

// What a parsed DeepSeek pricing page says. Every value keeps the page's own words and line so a
// difference can be shown as the page wrote it.

/**
 * A value read from the page with the words it was read from and the line (1-based) it is on.
 *
 * @example
 * ```ts
 * const seen: PageWords = { words: '| MODEL VERSION | DeepSeek-V4-Pro-0813 |', line: 12 };
 * ```
 */
export interface PageWords {
  readonly words: string;
  readonly line: number;
}

/**
 * One per-token price cell: what kind of token, which tier, the currency and the exact amount.
 *
 * @example
 * ```ts
 * const cell: PageTokenPrice = { kind: 'output', tier: 'peak', currency: 'USD', amount: '3.96', words: '$3.96', line: 30 };
 * ```
 */
export interface PageTokenPrice extends PageWords {
  readonly kind: 'cacheHit' | 'cacheMiss' | 'output';
  readonly tier: 'standard' | 'peak' | 'off-peak';
  readonly currency: Currency;
  /** The amount as printed (a decimal string, never a float). */
  readonly amount: string;
}

/**
 * A model column of the page's model table.
 *
 * @example
 * ```ts
 * const pro: PageModel | undefined = parsePricingPage(text).models.find((m) => m.id === 'deepseek-v4-pro');
 * pro?.version?.value; // 'DeepSeek-V4-Pro-0813'
 * ```
 */
export interface PageModel {
  readonly id: string;
  readonly version: (PageWords & { readonly value: string }) | undefined;
  readonly contextTokens: (PageWords & { readonly value: number }) | undefined;
  readonly maxOutputTokens: (PageWords & { readonly value: number }) | undefined;
  readonly prices: readonly PageTokenPrice[];
}

/**
 * The peak-hours sentence: windows as [startMinute, endMinute) of the UTC day, and the day rule.
 *
 * @example
 * ```ts
 * const peak: PagePeakHours | undefined = parsePricingPage(text).peakHours;
 * peak?.windowsUtc; // [[60, 240], [360, 600]]
 * ```
 */
export interface PagePeakHours extends PageWords {
  readonly windowsUtc: readonly (readonly [number, number])[];
  /** The zone the page states the hours in. */
  readonly timeZone: 'UTC' | 'Asia/Shanghai';
  readonly days: 'every-day' | 'monday-to-friday';
  readonly excludesHolidays: boolean;
  /** The sentence says off-peak rates are half the peak rates. */
  readonly offPeakIsHalf: boolean;
}

/**
 * A price table the page announces with its effective instant (compared at that instant).
 *
 * @example
 * ```ts
 * const next: PageScheduledChange | undefined = parsePricingPage(text).scheduled[0];
 * new Date(next?.effectiveAtMs ?? 0).toISOString(); // '2026-08-16T16:00:00.000Z'
 * ```
 */
export interface PageScheduledChange extends PageWords {
  readonly effectiveAtMs: number;
  readonly peakHours: PagePeakHours | undefined;
  readonly models: readonly PageModel[];
}

/**
 * A per-call price row (search, fetch, OCR pages, TTS characters).
 *
 * @example
 * ```ts
 * const row: PageMeteredPrice = { item: 'search', via: ['api'], unit: 'request', unitSize: 1000, currency: 'CNY', amount: '5', discountAmount: undefined, words: '| Search | 每 1,000 次成功请求 | 5元 |', line: 40 };
 * ```
 */
export interface PageMeteredPrice extends PageWords {
  readonly item: MeteredItem;
  /** The ways of calling it the section says the price covers. */
  readonly via: readonly MeteredVia[];
  readonly unit: 'request' | 'page' | 'character';
  readonly unitSize: number;
  readonly currency: Currency;
  readonly amount: string;
  readonly discountAmount: string | undefined;
}

/**
 * "Server-side tool calls are not billed yet and will be billed from INSTANT".
 *
 * @example
 * ```ts
 * const free: PageToolCallBilling | undefined = parsePricingPage(text).toolCallBilling;
 * free?.items; // ['search', 'fetch']
 * ```
 */
export interface PageToolCallBilling extends PageWords {
  readonly items: readonly MeteredItem[];
  readonly billedFromMs: number;
}

/**
 * Legacy ids the page says are still accepted and billed as another model.
 *
 * @example
 * ```ts
 * const alias: PageAlias = { ids: ['deepseek-v4-flash'], target: 'deepseek-flash', words: '(1) ...', line: 33 };
 * ```
 */
export interface PageAlias extends PageWords {
  readonly ids: readonly string[];
  readonly target: string;
}

/**
 * A table or sentence the parser found but could not read: the check fails on it.
 *
 * @example
 * ```ts
 * const bad: UnreadableTable = { table: 'model details', reason: 'price row with 1 price for 2 models', line: 25 };
 * ```
 */
export interface UnreadableTable {
  readonly table: string;
  readonly reason: string;
  readonly line: number;
}

/**
 * Everything {@link parsePricingPage} read from one copy of the page.
 *
 * @example
 * ```ts
 * const page: ParsedPricingPage = parsePricingPage(text);
 * page.unreadable.length === 0; // true for a page in a known layout
 * ```
 */
export interface ParsedPricingPage {
  readonly language: 'en' | 'zh-cn';
  /** The copy holds only the opening of the page (a `[missing]` line marks the rest). */
  readonly partial: boolean;
  readonly models: readonly PageModel[];
  readonly peakHours: PagePeakHours | undefined;
  readonly scheduled: readonly PageScheduledChange[];
  readonly metered: readonly PageMeteredPrice[];
  readonly toolCallBilling: PageToolCallBilling | undefined;
  readonly aliases: readonly PageAlias[];
  readonly unreadable: readonly UnreadableTable[];
  /** What the page says that is not compared, and why (a cut-off row, an undated announcement). */
  readonly notCompared: readonly PageWords[];
}
