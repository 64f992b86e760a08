// The outputs of `seekcost ledger`: the table, CSV, JSON and the report of records and warnings.
import type { LedgerDimension, LedgerGroup, LedgerTotals } from '@seekcost/pricing/ledger';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { csvLine, renderTable } from '../table.ts';
import { terminalLines } from '../terminalText.ts';

const DIMENSION_HEADERS: Record<LedgerDimension, string> = {
  day: 'day',
  hour: 'hour',
  model: 'model',
  'resolved-model': 'billed as',
  period: 'period',
  tier: 'tier',
  currency: 'currency',
  key: 'key',
};

/**
 * The ledger totals as a text summary: one row per group, a total row, then the record counts, the
 * timestamp basis, the near-edge report, warnings and the first bad records.
 *
 * @example
 * ```ts
 * io.stdout.write(ledgerTable(ledger.totals()));
 * ```
 */
export function ledgerTable(totals: LedgerTotals): string {
  const dims = totals.groupBy;
  const items = totals.metered.map((l) => l.item);
  const meteredHeader = items.flatMap((item) => [METERED_HEADERS[item] ?? item, `${METERED_HEADERS[item] ?? item} (${totals.currency})`]);
  const header = [
    ...dims.map((d) => DIMENSION_HEADERS[d]),
    'records',
    'cache-hit in',
    'cache-miss in',
    'output',
    ...meteredHeader,
    `amount (${totals.currency})`,
  ];
  const numeric = new Set(header.map((_, i) => i).filter((i) => i >= dims.length));
  const meteredCells = (lines: LedgerGroup['metered']): string[] =>
    items.flatMap((item) => {
      const line = lines.find((l) => l.item === item);
      return line === undefined ? ['0', '0'] : [count(line.count), line.amount.toFixed()];
    });
  const rows = totals.groups.map((g) => [
    ...dims.map((d) => (d === 'key' && g.key.key === '' ? '(none)' : (g.key[d] ?? ''))),
    count(g.records),
    count(g.tokens.cacheHitInputTokens),
    count(g.tokens.cacheMissInputTokens),
    count(g.tokens.outputTokens),
    ...meteredCells(g.metered),
    g.amount.toFixed(),
  ]);
  if (dims.length > 0) {
    rows.push([
      'total',
      ...dims.slice(1).map(() => ''),
      count(totals.records.priced),
      count(totals.tokens.cacheHitInputTokens),
      count(totals.tokens.cacheMissInputTokens),
      count(totals.tokens.outputTokens),
      ...meteredCells(totals.metered),
      totals.amount.toFixed(),
    ]);
  } else if (rows.length === 0) {
    rows.push(['0', '0', '0', '0', '0']);
  }
  let text = renderTable(header, rows, numeric);
  text += `\n${summaryLines(totals).join('\n')}\n`;
  return text;
}

export function summaryLines(totals: LedgerTotals): string[] {
  const r = totals.records;
  const lines = [
    `records: ${count(r.seen)} read, ${count(r.priced)} priced, ${count(r.excluded)} excluded (not in the totals), ${count(r.duplicates)} duplicate ids counted once`,
    `timestamp basis: ${count(totals.basis.completion)} at completion time, ${count(totals.basis.request)} at request time (created); DeepSeek bills by completion time`,
  ];
  if (totals.nearEdge.horizonMs > 0) {
    lines.push(
      `near a price edge: ${count(totals.nearEdge.count)} record(s) whose price would differ if priced ${totals.nearEdge.horizonMs / 60_000} min the other way; at stake ${totals.nearEdge.atStake.toFixed()} ${totals.currency}`,
    );
  }
  return lines;
}

/**
 * The ledger's groups as CSV: dimension columns, records, token sums, exact amount.
 *
 * @example
 * ```ts
 * ledgerCsv(totals); // 'day,model,records,...\n2026-05-01,deepseek-chat,12,...\n'
 * ```
 */
export function ledgerCsv(totals: LedgerTotals): string {
  const items = totals.metered.map((l) => l.item);
  const header = [
    ...totals.groupBy,
    'records',
    'cache_hit_tokens',
    'cache_miss_tokens',
    'output_tokens',
    'reasoning_tokens',
    ...items.flatMap((item) => [`${METERED_CSV[item] ?? item}_count`, `${METERED_CSV[item] ?? item}_amount`]),
    'currency',
    'amount',
  ];
  const lines = [csvLine(header)];
  for (const g of totals.groups) {
    const metered = items.flatMap((item) => {
      const line = g.metered.find((l) => l.item === item);
      return line === undefined ? [0, '0'] : [line.count, line.amount.toFixed()];
    });
    lines.push(
      csvLine([
        ...totals.groupBy.map((d) => g.key[d] ?? ''),
        g.records,
        g.tokens.cacheHitInputTokens,
        g.tokens.cacheMissInputTokens,
        g.tokens.outputTokens,
        g.tokens.reasoningTokens,
        ...metered,
        totals.currency,
        g.amount.toFixed(),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the bad-record and warning report that follows the table (on stdout with the table, so
 * a user sees it; JSON and CSV outputs put it on stderr to keep stdout machine-readable).
 *
 * @example
 * ```ts
 * io.stdout.write(ledgerReport(totals));
 * ```
 */
export function ledgerReport(totals: LedgerTotals): string {
  const lines: string[] = [];
  for (const warning of totals.warnings) lines.push(`warning (${warning.code}): ${warning.message}`);
  if (totals.excluded.count > 0) {
    lines.push(
      `excluded: ${Object.entries(totals.excluded.byCode)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
    for (const issue of totals.excluded.samples.slice(0, 20)) lines.push(`  ${issue.ref ?? '?'}: ${issue.message}`);
    if (totals.excluded.count > 20) lines.push(`  ... ${count(totals.excluded.count - 20)} more (--out json lists up to --max-details)`);
  }
  for (const d of totals.duplicates.samples.slice(0, 5)) lines.push(`duplicate: ${d.ref ?? '?'}: ${d.message}`);
  for (const n of totals.nearEdge.records.slice(0, 10)) {
    lines.push(
      `near edge: ${n.ref ?? n.id ?? '?'} ${n.model} at ${n.at} (${n.basis}) ${n.tier} ${n.amount.toFixed()}; at ${n.alternativeAt}: ${n.alternativeAmount === null ? 'no price' : n.alternativeAmount.toFixed()}`,
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// Column names of the per-call charges: shown only when some record has them.
const METERED_HEADERS: Readonly<Record<string, string>> = {
  search: 'searches',
  fetch: 'fetches',
  ocrPages: 'OCR pages',
  ttsCharacters: 'TTS chars',
  asr: 'ASR',
};
const METERED_CSV: Readonly<Record<string, string>> = { search: 'search', fetch: 'fetch', ocrPages: 'ocr_pages', ttsCharacters: 'tts_characters', asr: 'asr' };

/**
 * The totals as `--out json` prints them: the per-call fields (`metered`, `meteredBuckets`, each
 * group's `metered`) only when some record had per-call charges, so token-only output is unchanged.
 *
 * @example
 * ```ts
 * 'metered' in ledgerJson(createLedger().totals()); // false
 * ```
 */
export function ledgerJson(totals: LedgerTotals): LedgerTotals | Omit<LedgerTotals, 'metered' | 'meteredBuckets' | 'groups'> {
  if (totals.metered.length > 0) return totals;
  // Rebuilt key by key so the fields keep their order.
  const entries = Object.entries(totals)
    .filter(([name]) => name !== 'metered' && name !== 'meteredBuckets')
    .map(([name, value]) => [name, name === 'groups' ? totals.groups.map(({ metered: _lines, ...group }) => group) : value]);
  return Object.fromEntries(entries) as Omit<LedgerTotals, 'metered' | 'meteredBuckets' | 'groups'>;
}

/** A count with thousands separators, as every ledger output shows counts. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Writes a ledger's totals as `seekcost ledger` does: the table and report on stdout, or JSON / CSV
 * on stdout with the summary and report on stderr; `skippedSpans` adds the line counting
 * OpenTelemetry spans that were not GenAI model calls.
 *
 * @example
 * ```ts
 * writeLedgerOutput(io, 'json', ledger.totals(), 0);
 * ```
 */
export function writeLedgerOutput(io: CliIo, out: 'table' | 'json' | 'csv', totals: LedgerTotals, skippedSpans: number): void {
  const skippedLine = skippedSpans > 0 ? `skipped: ${count(skippedSpans)} OpenTelemetry span(s) that are not GenAI model calls (HTTP, agent, tool...)\n` : '';
  if (out === 'table') {
    io.stdout.write(terminalLines(ledgerTable(totals)));
    io.stdout.write(terminalLines(`${skippedLine}${ledgerReport(totals)}`));
  } else {
    io.stdout.write(out === 'json' ? jsonText(ledgerJson(totals)) : ledgerCsv(totals));
    io.stderr.write(terminalLines(`${summaryLines(totals).join('\n')}\n${skippedLine}${ledgerReport(totals)}`));
  }
}
