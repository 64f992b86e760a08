// @seekcost/pricing: exact DeepSeek API prices over time. Pure: no clock, no I/O; every function
// takes the instant and (optionally) the price data.
//
// This entry is what a billing dashboard uses: price a request or a ledger record, estimate a
// workload, resolve and list prices, check limits, format money, load or compile price data, diff
// two tariffs, draw down balances; plus Decimal, the typed errors and the types those functions
// take and return. test/publicSurface.test.ts holds the list; a change to it shows in review.
//
// Deliberately not exported (internals, reachable by relative path inside the package only):
// - tariff building blocks: buildTariff, tierAt, quoteFrom, exactAmount, fromScaledInteger,
//   weakerConfidence, resolveModel/nearestIds, validateTokenCount, the zod schemas and the raw
//   bundled document (parseTariffJson, compileTariff and getBundledTariff are the way in);
// - metered internals: compileMeteredItems, meteredAmount, validateMeteredCount (priceMetered and
//   resolveMeteredPrice are the public way to price metered counts, e.g. stand-alone Search API
//   calls that have no model and so no priceRequest).
//
// Kept on purpose although they look like helpers:
// - toEpochMs is the one strict instant parser. The CLI reads `--at` with it and a dashboard reads
//   user input with it; a front end cannot reach an internal path across packages, and a second
//   parser would read '2025-02-30' differently. Its name already says what it returns.
// - zonedTime, zoneOffsetMinutes, epochDayOf and isoDateOfEpochDay: the calculator draws peak
//   windows, the week heatmap and date inputs in Beijing time with them. Copying the zone
//   arithmetic into a front end would define the off-peak rule's clock twice.
export { Decimal } from './decimal.ts';
export {
  SeekcostError,
  InvalidUsageError,
  InvalidArgumentError,
  InvalidInstantError,
  BeforeHistoryError,
  UnknownModelError,
  RetiredModelError,
  ModelNotAvailableError,
  CurrencyNotPublishedError,
  PriceDataError,
  UnknownMeteredItemError,
  MeteredItemNotAvailableError,
  MeteredPriceNotPublishedError,
  type PriceDataIssue,
} from './errors.ts';
export type {
  MeteredItem,
  MeteredVia,
  UnappliedAnnouncement,
  TariffDocument,
  Confidence,
  Currency,
  Mode,
  TierName,
  SourceRef,
} from './schema/tariffSchema.ts';
export type {
  Tariff,
  UnitPrices,
  CompiledPeriod,
  CompiledRates,
  CompiledLimits,
  CompiledModel,
  CompiledTier,
  CompiledMeteredItem,
  CompiledMeteredPeriod,
  CompiledMeteredPrice,
} from './tariff.ts';
export { resolveMeteredPrice, type ResolvedMeteredPrice, type ResolveMeteredPriceOptions, type MeteredProvenance } from './resolveMeteredPrice.ts';
export { priceMetered, type MeteredCounts, type MeteredLine, type MeteredQuote, type PriceMeteredOptions } from './priceMetered.ts';
export { compileTariff } from './compileTariff.ts';
export { parseTariffJson } from './parseTariffJson.ts';
export { getBundledTariff } from './getBundledTariff.ts';
export { deepseekTariffDocument } from './generated/deepseekTariff.ts';
export { normalizeUsage, type TokenCounts, type UsageInput, type PlainUsage, type UsageFormat, type NormalizedUsage } from './normalizeUsage.ts';
export { resolvePrice, type ResolvedPrice, type ResolvePriceOptions, type Provenance, type PriceWarning } from './resolvePrice.ts';
export { priceRequest, type Quote, type QuoteLine, type QuoteComponent, type InstantBasis, type PriceRequestOptions } from './priceRequest.ts';
export { estimateCost, type CostEstimate, type EstimateLine, type EstimateCostOptions } from './estimateCost.ts';
export { checkLimits, type LimitCheck, type LimitExceeded, type CheckLimitsOptions } from './checkLimits.ts';
export { tariffSegments, type TariffSegment, type TariffSegmentsOptions } from './tariffSegments.ts';
export { listModels, type ModelListing } from './listModels.ts';
export { formatAmount, type FormatAmountOptions, type RoundingMode } from './formatAmount.ts';
export { zonedTime, zoneOffsetMinutes, epochDayOf, isoDateOfEpochDay, type ZonedTime } from './zonedTime.ts';
export { toEpochMs } from './toEpochMs.ts';
export { diffTariffs } from './diffTariffs.ts';
export type { TariffChange } from './diffTariffTypes.ts';
export { priceRecord, type PricedRecord, type PriceRecordOptions } from './priceRecord.ts';
export { drawDownBalances, type BalanceSpend, type BalanceState, type BalanceDrawdown } from './drawDownBalances.ts';
