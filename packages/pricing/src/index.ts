// @seekcost/pricing: exact DeepSeek API prices over time. Pure: no clock, no I/O; every function
// takes the instant and (optionally) the price data.
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
export {
  tariffDocumentSchema,
  tariffDocumentV1Schema,
  type MeteredItem,
  type MeteredVia,
  type UnappliedAnnouncement,
  type TariffDocument,
  type Confidence,
  type Currency,
  type Mode,
  type TierName,
  type SourceRef,
} from './schema/tariffSchema.ts';
export type { Tariff, UnitPrices, CompiledPeriod, CompiledRates, CompiledLimits, CompiledModel, CompiledTier, CompiledMeteredItem, CompiledMeteredPeriod, CompiledMeteredPrice } from './tariff.ts';
export { compileMeteredItems } from './compileMeteredItems.ts';
export { resolveMeteredPrice, type ResolvedMeteredPrice, type ResolveMeteredPriceOptions, type MeteredProvenance } from './resolveMeteredPrice.ts';
export { priceMetered, validateMeteredCount, type MeteredCounts, type MeteredLine, type MeteredQuote, type PriceMeteredOptions } from './priceMetered.ts';
export { meteredAmount } from './meteredAmount.ts';
export { compileTariff } from './compileTariff.ts';
export { buildTariff } from './buildTariff.ts';
export { parseTariffJson } from './parseTariffJson.ts';
export { getBundledTariff } from './getBundledTariff.ts';
export { deepseekTariffDocument } from './generated/deepseekTariff.ts';
export { readAiSdkUsage, isAiSdkUsage } from './readAiSdkUsage.ts';
export { normalizeUsage, validateTokenCount, type TokenCounts, type UsageInput, type PlainUsage, type UsageFormat, type NormalizedUsage } from './normalizeUsage.ts';
export { resolveModel, nearestIds, type ResolvedModel } from './resolveModel.ts';
export { resolvePrice, type ResolvedPrice, type ResolvePriceOptions, type Provenance, type PriceWarning } from './resolvePrice.ts';
export { tierAt, type TierMatch } from './tierAt.ts';
export { priceRequest, quoteFrom, type Quote, type QuoteLine, type QuoteComponent, type InstantBasis, type PriceRequestOptions } from './priceRequest.ts';
export { estimateCost, type CostEstimate, type EstimateLine, type EstimateCostOptions } from './estimateCost.ts';
export { checkLimits, type LimitCheck, type LimitExceeded, type CheckLimitsOptions } from './checkLimits.ts';
export { tariffSegments, type TariffSegment, type TariffSegmentsOptions } from './tariffSegments.ts';
export { listModels, type ModelListing } from './listModels.ts';
export { formatAmount, type FormatAmountOptions, type RoundingMode } from './formatAmount.ts';
export { exactAmount, fromScaledInteger } from './exactAmount.ts';
export { zonedTime, zoneOffsetMinutes, epochDayOf, isoDateOfEpochDay, type ZonedTime } from './zonedTime.ts';
export { toEpochMs } from './toEpochMs.ts';
export { weakerConfidence } from './confidence.ts';
export { diffTariffs } from './diffTariffs.ts';
export type { TariffChange } from './diffTariffTypes.ts';
export { priceRecord, type PricedRecord, type PriceRecordOptions } from './priceRecord.ts';
export { drawDownBalances, type BalanceSpend, type BalanceState, type BalanceDrawdown } from './drawDownBalances.ts';
export { parsePricingPage } from './pricingPage/parsePricingPage.ts';
export { parseModelTable } from './pricingPage/parseModelTable.ts';
export { parseScheduledTable } from './pricingPage/parseScheduledTable.ts';
export { parseMeteredTable } from './pricingPage/parseMeteredTable.ts';
export { parsePageAmount } from './pricingPage/parsePageAmount.ts';
export { parsePageInstant } from './pricingPage/parsePageInstant.ts';
export { parsePeakHours } from './pricingPage/parsePeakHours.ts';
export { parseTokenLimit } from './pricingPage/parseTokenLimit.ts';
export { splitTableRow } from './pricingPage/splitTableRow.ts';
export { comparePricingPage, compareModel } from './pricingPage/comparePricingPage.ts';
export { checkPricingPage, type PageCheck, type PageCheckOptions } from './pricingPage/checkPricingPage.ts';
export type { PageDifference } from './pricingPage/pageDifference.ts';
export type { TableRow } from './pricingPage/tableRow.ts';
export type { ParsedPricingPage, PageModel, PageTokenPrice, PagePeakHours, PageScheduledChange, PageMeteredPrice, PageToolCallBilling, PageAlias, PageWords, UnreadableTable } from './pricingPage/pricingPageTypes.ts';
export type { KnownPageConflict } from './schema/tariffSchema.ts';
