// @seekcost/pricing/ledger: exact totals over any number of DeepSeek API records, mergeable across
// shards. Pure, like the rest of the package. (The tariff table and warehouse SQL: ./warehouse.)
// A dashboard creates a ledger, adds records, reads totals, saves a snapshot and validates one read
// back (parseLedgerSnapshot, tariffFingerprint). test/publicSurface.test.ts holds the list.
//
// Deliberately not exported: the record readers (readLedgerRecord, readUsageCounts and their
// scratch types) and the ledger's parts (price-plan cache, buckets, totals, snapshot/merge, issue
// bookkeeping). They are the hot path's internals; createLedger's `add` is the way in.
export { createLedger } from '../ledger/createLedger.ts';
export type {
  Ledger,
  LedgerOptions,
  LedgerRecord,
  LedgerDimension,
  LedgerIssue,
  LedgerIssueCode,
  LedgerTotals,
  LedgerGroup,
  LedgerGroupKey,
  LedgerBucket,
  LedgerTokens,
  NearEdgeRecord,
  LedgerWarning,
  LedgerSnapshot,
} from '../ledger/types.ts';
export { parseLedgerSnapshot, type ValidLedgerSnapshot } from '../ledger/parseLedgerSnapshot.ts';
export { tariffFingerprint } from '../ledger/tariffFingerprint.ts';
export { InvalidLedgerStateError, DuplicateShardError } from '../ledger/ledgerStateErrors.ts';
export type { LedgerSnapshotUnits, LedgerSnapshotTokens, LedgerMeteredLine, LedgerMeteredBucket, LedgerSnapshotMeteredBucket } from '../ledger/types.ts';
// Splits a line that holds several usage records (an OTLP export with many GenAI spans) into records
// for `add`; the format readers behind it (OpenTelemetry, LiteLLM, AI SDK) stay internal.
export { usageRecordsOf } from '../ledger/records/usageRecordsOf.ts';
export type { ForeignRecord, ForeignReadResult } from '../ledger/records/foreignRecord.ts';
