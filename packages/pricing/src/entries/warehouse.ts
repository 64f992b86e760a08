// @seekcost/pricing/warehouse: the tariff as a flat table, and SQL that loads it into a warehouse
// (DuckDB, PostgreSQL, ClickHouse, BigQuery) and prices a usage table there. Pure, like the rest of
// the package: it returns text; running it is the caller's business. test/publicSurface.test.ts
// holds the list. Deliberately not exported: the SQL text helpers (quoting, literal rendering) and
// the per-dialect renderers; warehouseSql picks the dialect, so a caller never quotes by hand.
export { tariffTable, type TariffTable, type TariffTableRow, type HolidayRow, type TariffTableOptions } from '../warehouse/tariffTable.ts';
export { tariffMeteredRows, type TariffMeteredRow } from '../warehouse/tariffMeteredRows.ts';
export { warehouseSql, type SqlDialect, type WarehouseSqlOptions } from '../warehouse/warehouseSql.ts';
export { METERED_COUNT_COLUMNS } from '../warehouse/meteredSql.ts';
