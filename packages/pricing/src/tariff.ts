import type { Decimal } from './decimal.ts';
import type { Confidence, Currency, Mode, SourceRef, TariffDocument, TierName } from './schema/tariffSchema.ts';

// The compiled, indexed form of a price-data document: built once by compileTariff, then read by
// the hot path without parsing or allocating. Everything here is frozen.

/** Unit prices of one tier in one currency, per 1M tokens, exact. */
export interface CompiledRates {
  readonly currency: Currency;
  readonly cacheHit: Decimal;
  readonly cacheMiss: Decimal;
  readonly output: Decimal;
  /** The same prices as integers in units of 10^-scale currency per 1M tokens (see Tariff.scale). */
  readonly units: { readonly cacheHit: number; readonly cacheMiss: number; readonly output: number };
  readonly confidence: Confidence;
  readonly note: string | undefined;
}

export interface CompiledCondition {
  /** [startMinute, endMinute) of the local day; end <= start wraps past midnight. */
  readonly windows: readonly (readonly [number, number])[];
  readonly timeZone: string;
  readonly weekdays: { readonly days: ReadonlySet<number>; readonly timeZone: string } | undefined;
  readonly exceptCalendar: CompiledCalendar | undefined;
}

export interface CompiledTier {
  readonly name: TierName;
  readonly condition: CompiledCondition | undefined;
  readonly prices: Readonly<Partial<Record<Currency, CompiledRates>>>;
}

export interface CompiledLimits {
  readonly contextTokens: number | null;
  readonly maxOutputTokens: number | null;
  readonly defaultOutputTokens: number | undefined;
  readonly maxReasoningTokens: number | undefined;
  readonly note: string | undefined;
}

export interface CompiledPeriod {
  readonly id: string;
  readonly modelId: string;
  readonly fromMs: number;
  /** Exclusive end; Infinity while open. */
  readonly toMs: number;
  readonly startConfidence: Confidence | undefined;
  /** Conditional tiers first, in order; the default tier (no condition) last. */
  readonly tiers: readonly CompiledTier[];
  readonly limits: CompiledLimits;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly note: string | undefined;
}

export interface CompiledModel {
  readonly id: string;
  readonly displayName: string;
  readonly generation: string;
  readonly periods: readonly CompiledPeriod[];
}

export interface CompiledRoute {
  readonly fromMs: number;
  readonly toMs: number;
  readonly model: CompiledModel;
  readonly mode: Mode | undefined;
  readonly source: SourceRef | undefined;
  readonly confidence: Confidence | undefined;
}

export interface CompiledId {
  readonly id: string;
  readonly routes: readonly CompiledRoute[];
  readonly retiredAtMs: number | undefined;
  readonly retirementSource: SourceRef | undefined;
  readonly note: string | undefined;
}

export interface CompiledCalendar {
  readonly id: string;
  readonly timeZone: string;
  readonly coversFromDay: number;
  readonly coversToDay: number;
  readonly days: ReadonlySet<number>;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * A validated, indexed price table: what every pricing function reads. Make one with
 * {@link compileTariff} (or {@link parseTariffJson}); {@link getBundledTariff} returns the one shipped
 * with the package.
 *
 * @example
 * ```ts
 * const tariff = getBundledTariff();
 * tariff.ids.get('deepseek-chat')?.retiredAtMs; // 1784908740000
 * ```
 */
export interface Tariff {
  readonly document: TariffDocument;
  readonly formatVersion: 1;
  readonly checked: string;
  readonly currencies: readonly Currency[];
  /** Prices are stored as integers in units of 10^-scale currency per 1M tokens. */
  readonly scale: number;
  readonly historyStartMs: number;
  readonly models: ReadonlyMap<string, CompiledModel>;
  readonly ids: ReadonlyMap<string, CompiledId>;
  readonly calendars: ReadonlyMap<string, CompiledCalendar>;
}
