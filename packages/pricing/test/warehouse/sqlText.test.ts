import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@seekcost/pricing';
import type { SqlDialect } from '@seekcost/pricing/warehouse';
import { sqlText } from '../../src/warehouse/sqlText.ts';

const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'clickhouse', 'bigquery'];
const DECODERS: Record<SqlDialect, RegExp> = {
  duckdb: /^decode\(from_hex\('([0-9a-f]*)'\)\)$/,
  postgres: /^convert_from\(decode\('([0-9a-f]*)', 'hex'\), 'UTF8'\)$/,
  clickhouse: /^unhex\('([0-9a-f]*)'\)$/,
  bigquery: /^CAST\(FROM_HEX\('([0-9a-f]*)'\) AS STRING\)$/,
};
const PLAIN_LITERAL = /^'([\x20-\x26\x28-\x5b\x5d-\x7e]*)'$/;

/** What the engine would read: the plain literal's text, or the decoded hex. */
function meaning(expr: string, dialect: SqlDialect): string {
  const plain = PLAIN_LITERAL.exec(expr);
  if (plain !== null) return plain[1] as string;
  const hex = DECODERS[dialect].exec(expr);
  if (hex === null) throw new Error(`neither a plain literal nor a hex decoder: ${expr}`);
  const bytes = new Uint8Array((hex[1] as string).match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

describe('sqlText', () => {
  it('inlines printable ASCII without quote or backslash, identically in every dialect', () => {
    for (const dialect of DIALECTS) {
      expect(sqlText('deepseek-v4-pro/2026-08-22', dialect, 'f')).toBe("'deepseek-v4-pro/2026-08-22'");
      expect(sqlText('https://api-docs.deepseek.com/a?b=c&d=-- /* ; */', dialect, 'f')).toBe("'https://api-docs.deepseek.com/a?b=c&d=-- /* ; */'");
      expect(sqlText('', dialect, 'f')).toBe("''");
    }
  });

  it("sends a quote, a backslash, control characters and non-ASCII as UTF-8 hex the engine decodes (issue 8's reproducer)", () => {
    const reproducer = "x\\', char(100), NULL, …); DROP TABLE usage; --";
    const hex = '785c272c206368617228313030292c204e554c4c2c20e280a6293b2044524f50205441424c452075736167653b202d2d';
    expect(sqlText(reproducer, 'duckdb', 'f')).toBe(`decode(from_hex('${hex}'))`);
    expect(sqlText(reproducer, 'postgres', 'f')).toBe(`convert_from(decode('${hex}', 'hex'), 'UTF8')`);
    expect(sqlText(reproducer, 'clickhouse', 'f')).toBe(`unhex('${hex}')`);
    expect(sqlText(reproducer, 'bigquery', 'f')).toBe(`CAST(FROM_HEX('${hex}') AS STRING)`);
    expect(sqlText("'", 'clickhouse', 'f')).toBe("unhex('27')");
    expect(sqlText('\\', 'bigquery', 'f')).toBe("CAST(FROM_HEX('5c') AS STRING)");
    expect(sqlText('a\nb', 'postgres', 'f')).toBe("convert_from(decode('610a62', 'hex'), 'UTF8')");
    expect(sqlText('中', 'duckdb', 'f')).toBe("decode(from_hex('e4b8ad'))");
  });

  it('refuses NUL and lone surrogates in every dialect, naming the field', () => {
    for (const dialect of DIALECTS) {
      expect(() => sqlText('a\u0000b', dialect, 'table.rows[2].model')).toThrow(
        new InvalidArgumentError('table.rows[2].model', 'contains NUL (U+0000), which PostgreSQL text cannot hold; refused in every SQL dialect'),
      );
      expect(() => sqlText('a\ud800', dialect, 'table.holidays[0].name')).toThrow(/^table\.holidays\[0\]\.name: contains a lone UTF-16 surrogate/);
      expect(() => sqlText('\udc00b', dialect, 'x')).toThrow(InvalidArgumentError);
      expect(() => sqlText(7 as unknown as string, dialect, 'x')).toThrow(new InvalidArgumentError('x', 'must be a string, got number'));
    }
  });

  it('property: any well-formed string without NUL means exactly itself, through a literal of [ -~] without quote or backslash', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom("'", '\\', '-', '/', '*', ';', '\n', '\r', '"', '`', '$', 'E', 'x', '…') }),
    );
    fc.assert(
      fc.property(
        text.filter((s) => !s.includes('\0') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)),
        fc.constantFrom(...DIALECTS),
        (s, dialect) => {
          const expr = sqlText(s, dialect, 'f');
          expect(meaning(expr, dialect)).toBe(s);
        },
      ),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
