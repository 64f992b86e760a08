import { createLedger, usageRecordsOf, type Ledger } from '@seekcost/pricing/ledger';
import type { UnreadableLine } from '../../../packages/cli/src/input/forEachRecord.ts';
import { pickOwn, type LedgerCommandOptions } from '../../../packages/cli/src/commands/ledger.ts';

/**
 * A ledger with the callbacks that feed it from {@link forEachRecord}: a copy of what `runLedger`
 * (packages/cli/src/commands/ledger.ts) does per line (OTLP spans split, `--strict` stops), for the
 * `--jobs` prototype's main thread and workers. Keep it in step with runLedger.
 *
 * @example
 * ```ts
 * const feed = createLedgerFeed(options);
 * await forEachRecord(['usage.jsonl'], 'jsonl', io, false, feed.onRecord, feed.onUnreadable);
 * feed.ledger.totals();
 * ```
 */
export interface LedgerFeed {
  readonly ledger: Ledger;
  readonly onRecord: (record: unknown, ref: string) => boolean;
  readonly onUnreadable: (bad: UnreadableLine) => boolean;
  /** `ref: message` of the record `--strict` stopped at, if it did. */
  strictStop(): string | undefined;
  /** OpenTelemetry spans skipped because they are not GenAI model calls. */
  skippedSpans(): number;
}

/**
 * Creates the ledger of `seekcost ledger` for these options, and the callbacks that feed it.
 * `shardId` names it in snapshots (a `--jobs` worker's range); default a random UUID.
 *
 * @example
 * ```ts
 * const feed = createLedgerFeed({ ...options, strict: true });
 * feed.onUnreadable({ ref: 'a.jsonl:1', message: 'not valid JSON' }); // false: --strict stops here
 * feed.strictStop(); // 'a.jsonl:1: not valid JSON'
 * ```
 */
export function createLedgerFeed(options: LedgerCommandOptions, shardId?: string): LedgerFeed {
  const keyPath = options.keyField?.split('.');
  const ledger = createLedger({
    groupBy: options.groupBy,
    timeZone: options.timeZone,
    currency: options.currency,
    dedupe: options.dedupe,
    instant: options.basis,
    nearEdgeMs: Math.round(options.nearEdgeMinutes * 60_000),
    maxDetails: options.maxDetails,
    acceptSecondaryPrices: options.acceptSecondaryPrices === true,
    ...(keyPath === undefined ? {} : { keyOf: (record: Readonly<Record<string, unknown>>) => pickOwn(record, keyPath) }),
    ...(shardId === undefined ? {} : { shardId }),
  });
  let strictStop: string | undefined;
  let skippedSpans = 0;
  const addOne = (record: unknown, ref: string): boolean => {
    const issue = ledger.add(record, ref);
    if (options.strict && issue !== undefined && issue.code !== 'duplicate-id') {
      strictStop = `${ref}: ${issue.message}`;
      return false;
    }
    return true;
  };
  return {
    ledger,
    onRecord: (record, ref) => {
      // OTLP exports hold many spans a line, and non-GenAI spans are skipped; other records go
      // straight in (the check keeps the common path free of allocations).
      if (typeof record !== 'object' || record === null || !(Object.hasOwn(record, 'resourceSpans') || Object.hasOwn(record, 'attributes')))
        return addOne(record, ref);
      const { records, skipped } = usageRecordsOf(record);
      skippedSpans += skipped;
      for (const [i, span] of records.entries()) if (!addOne(span, records.length > 1 ? `${ref}#${i + 1}` : ref)) return false;
      return true;
    },
    onUnreadable: (bad) => {
      ledger.reject(bad.ref, 'malformed', bad.message);
      if (options.strict) {
        strictStop = `${bad.ref}: ${bad.message}`;
        return false;
      }
      return true;
    },
    strictStop: () => strictStop,
    skippedSpans: () => skippedSpans,
  };
}
