import { InvalidArgumentError } from '../errors.ts';
import type { SqlDialect } from './warehouseSql.ts';

// The one rule for every string that reaches warehouse SQL (ids, names, notes, URLs, holiday
// names...): price data is someone else's text, so none of it may ever be parsed as SQL.
//
// Escaping per dialect is where issue 8's injection came from: the four dialects disagree on what a
// backslash means inside '...'.
//  - PostgreSQL: with standard_conforming_strings = on (the default since 9.1) a backslash is an
//    ordinary character; with it off, '\'' is an escaped quote. The SQL cannot know which setting
//    the session that runs it has.
//  - DuckDB: a backslash is ordinary; only '' escapes a quote.
//  - ClickHouse: "\'" and "\\" are escapes in every string literal (docs: Syntax > String).
//  - BigQuery (GoogleSQL): backslash escapes too, and a quote cannot be doubled (docs: Lexical
//    structure > String and bytes literals).
// So a string is inlined only if its literal reads the same in all four under every setting: printable
// ASCII (0x20-0x7E) without the quote (0x27) and the backslash (0x5C). Such a literal has nothing to
// escape and cannot end early; `--`, `/*` or `;` inside it are just characters.
// Anything else (a quote, a backslash, a control character, non-ASCII text) travels as the hex of
// its UTF-8 bytes, decoded by the engine (unhex, from_hex, decode...): the literal then holds only
// [0-9a-f], which no dialect escapes. The decoders refuse invalid UTF-8 rather than guess.
// Refused outright, with the field named:
//  - NUL (U+0000): PostgreSQL text cannot hold it ("invalid byte sequence for encoding UTF8: 0x00"),
//    and C-string clients cut at it. The same price data must load everywhere, so every dialect refuses.
//  - A lone UTF-16 surrogate: it has no UTF-8 encoding; writing it would silently become U+FFFD.

const PLAIN = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ENCODER = new TextEncoder();

const FROM_HEX: Record<SqlDialect, (hex: string) => string> = {
  duckdb: (hex) => `decode(from_hex('${hex}'))`,
  postgres: (hex) => `convert_from(decode('${hex}', 'hex'), 'UTF8')`,
  clickhouse: (hex) => `unhex('${hex}')`,
  bigquery: (hex) => `CAST(FROM_HEX('${hex}') AS STRING)`,
};

/**
 * A SQL expression whose value is exactly `value` in `dialect`: a plain literal when that is safe
 * in every dialect, else the engine's decoding of the UTF-8 bytes as hex. Throws
 * {@link InvalidArgumentError} naming `field` for a non-string, a NUL or a lone surrogate.
 *
 * @example
 * ```ts
 * sqlText('deepseek-chat', 'clickhouse', 'model'); // => "'deepseek-chat'"
 * sqlText("New Year's Day", 'clickhouse', 'name'); // => "unhex('4e65772059656172277320446179')"
 * ```
 */
export function sqlText(value: string, dialect: SqlDialect, field: string): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(field, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (PLAIN.test(value)) return `'${value}'`;
  if (value.includes('\0')) throw new InvalidArgumentError(field, 'contains NUL (U+0000), which PostgreSQL text cannot hold; refused in every SQL dialect');
  if (LONE_SURROGATE.test(value)) throw new InvalidArgumentError(field, 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding');
  let hex = '';
  for (const byte of ENCODER.encode(value)) hex += byte.toString(16).padStart(2, '0');
  return FROM_HEX[dialect](hex);
}
