// @seekcost/pricing/pricingPage: reads a saved copy of DeepSeek's pricing page (markdown, English
// or Chinese) and checks it against the price data, for maintainers (`seekcost check-page`) and for
// pricing-table regression tests in CI. Kept off the main entry: a billing dashboard never needs it.
// The table and sentence parsers behind parsePricingPage stay internal.
export { parsePricingPage } from '../pricingPage/parsePricingPage.ts';
export { comparePricingPage } from '../pricingPage/comparePricingPage.ts';
export { checkPricingPage, type PageCheck, type PageCheckOptions } from '../pricingPage/checkPricingPage.ts';
export type { PageDifference } from '../pricingPage/pageDifference.ts';
export type {
  ParsedPricingPage,
  PageModel,
  PageTokenPrice,
  PagePeakHours,
  PageScheduledChange,
  PageMeteredPrice,
  PageToolCallBilling,
  PageAlias,
  PageWords,
  UnreadableTable,
} from '../pricingPage/pricingPageTypes.ts';
export type { KnownPageConflict } from '../schema/tariffSchema.ts';
