// @seekcost/pricing/ledger: exact totals over any number of DeepSeek API records, mergeable across
// shards. Pure, like the rest of the package. (The tariff table and warehouse SQL: ./warehouse.)
export { createLedger } from '../ledger/createLedger.ts';
export { readLedgerRecord, type RecordFields, type RecordReadFailure } from '../ledger/readLedgerRecord.ts';
export { readUsageCounts, type CountsScratch } from '../ledger/readUsageCounts.ts';
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
export type { LedgerSnapshotUnits, LedgerSnapshotTokens } from '../ledger/types.ts';
export { readOtelSpan, isOtelSpan, isGenAiModelSpan } from '../ledger/records/readOtelSpan.ts';
export { readLiteLlmLog, isLiteLlmLog } from '../ledger/records/readLiteLlmLog.ts';
export { usageRecordsOf, otlpSpans } from '../ledger/records/usageRecordsOf.ts';
export { isReadFailure, type ForeignRecord, type ForeignReadResult } from '../ledger/records/foreignRecord.ts';
