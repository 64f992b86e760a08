import type { SourceRef } from '../schema/tariffSchema.ts';

/**
 * One thing the page and the data disagree on: the page's own words and line, the data's value and
 * its path in pricing-data/deepseek.json, the instant compared, and, when the data documents the
 * disagreement under `knownPageConflicts`, that note and its source.
 *
 * @example
 * ```ts
 * const d: PageDifference = { at: '2026-08-17T00:00:00.000Z', path: 'models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-08-16].tiers.peak.prices.USD.output', pageSays: '$3.96', line: 30, dataSays: '3.95', known: undefined };
 * ```
 */
export interface PageDifference {
  readonly at: string;
  readonly path: string;
  readonly pageSays: string;
  readonly line: number;
  readonly dataSays: string;
  readonly known: { readonly note: string; readonly source: SourceRef } | undefined;
}
