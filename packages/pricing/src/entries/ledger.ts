// @seekcost/pricing/ledger: exact totals over any number of DeepSeek API records, mergeable across
// shards, and the tariff as a flat table + SQL for warehouses. Pure, like the rest of the package.
export { createLedger } from '../ledger/createLedger.ts';
export { readLedgerRecord, type RecordFields, type RecordReadFailure } from '../ledger/readLedgerRecord.ts';
export { readUsageCounts, type CountsScratch } from '../ledger/readUsageCounts.ts';
export { tariffTable, type TariffTable, type TariffTableRow, type HolidayRow, type TariffTableOptions } from '../ledger/tariffTable.ts';
export { warehouseSql, type SqlDialect, type WarehouseSqlOptions } from '../ledger/warehouseSql.ts';
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
