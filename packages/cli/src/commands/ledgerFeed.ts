import { createLedger, usageRecordsOf, type Ledger } from '@seekcost/pricing/ledger';
import type { UnreadableLine } from '../input/forEachRecord.ts';
import type { LedgerCommandOptions } from './ledger.ts';

/**
 * A ledger with the callbacks that feed it from {@link forEachRecord}, as `seekcost ledger` reads
 * each line: OTLP exports split into their spans, `--strict` stopping at the first bad record. One
 * place for it, shared by runLedger and the `--jobs` prototype's readers (bench/cli/jobs/).
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

/**
 * The value at a dot path of a record, reading own properties only: `--key-field constructor` (or
 * `__proto__`, `toString`) finds a record's own field of that name, never one inherited from
 * Object.prototype, and a record without it has no key.
 *
 * @example
 * ```ts
 * pickOwn({ metadata: { team: 'a' } }, ['metadata', 'team']); // 'a'
 * pickOwn({}, ['constructor']); // undefined
 * ```
 */
export function pickOwn(record: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
