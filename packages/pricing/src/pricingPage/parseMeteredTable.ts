import type { MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';
import { parsePageAmount } from './parsePageAmount.ts';
import type { PageMeteredPrice, PageWords, UnreadableTable } from './pricingPageTypes.ts';
import type { TableRow } from './tableRow.ts';

const ITEMS: readonly (readonly [RegExp, MeteredItem])[] = [
  [/^search\b|搜索/i, 'search'],
  [/^fetch\b|网页抓取/i, 'fetch'],
  [/OCR|文件解析|file parsing/i, 'ocrPages'],
  [/TTS|语音合成|speech synthesis/i, 'ttsCharacters'],
  [/ASR|语音识别|speech recognition/i, 'asr'],
];
const UNIT = /(\d{1,3}(?:,\d{3})*|\d+)\s*(次|页|字符|requests?|pages?|characters?)/i;

/**
 * A per-call price table (search and fetch, file parsing and OCR, speech): item, unit size, list
 * price and, where the page has one, the discounted price. A row cut off by a partial copy is not
 * compared (listed in `notCompared`); any other row that cannot be read is unreadable.
 *
 * @example
 * ```ts
 * import { parseMeteredTable, splitTableRow } from '@seekcost/pricing';
 * const rows = ['| 项目 | 计费单位 | 价格 |', '|---|---|---|', '| 文件解析、OCR API | 每 1,000 页 | 1.5元 |'].map((raw, i) => ({ cells: splitTableRow(raw), line: i + 1, raw }));
 * const row = parseMeteredTable(rows, ['api'], -1).prices[0];
 * [row?.item, row?.unitSize, row?.amount]; // => ['ocrPages', 1000, '1.5']
 * ```
 */
export function parseMeteredTable(
  rows: readonly TableRow[],
  via: readonly MeteredVia[],
  cutLine: number,
  table = 'per-call prices',
): { prices: PageMeteredPrice[]; unreadable: UnreadableTable[]; notCompared: PageWords[] } {
  const prices: PageMeteredPrice[] = [];
  const unreadable: UnreadableTable[] = [];
  const notCompared: PageWords[] = [];
  const [head, ...body] = rows.filter((r) => !r.cells.every((c) => /^:?-*:?$/.test(c)));
  const columns = head?.cells ?? [];
  const unitCol = columns.findIndex((c) => /计费单位|unit/i.test(c));
  const priceCol = columns.findIndex((c) => /^(价格|刊例价|price|list price)$/i.test(c));
  const discountCol = columns.findIndex((c) => /折扣|discount/i.test(c));
  if (head === undefined || unitCol < 0 || priceCol < 0) {
    unreadable.push({ table, reason: 'header has no billing-unit and price columns', line: head?.line ?? 0 });
    return { prices, unreadable, notCompared };
  }
  for (const row of body) {
    const words = row.raw.trim();
    const item = ITEMS.find(([re]) => re.test(row.cells[0] ?? ''))?.[1];
    const unit = UNIT.exec(row.cells[unitCol] ?? '');
    const amount = parsePageAmount(row.cells[priceCol] ?? '');
    const cut = row.line === cutLine;
    if (item === undefined || unit?.[1] === undefined || unit[2] === undefined || amount === undefined) {
      if (cut) notCompared.push({ words: `cut off by the partial copy: ${words}`, line: row.line });
      else unreadable.push({ table, reason: `row not read as item, unit and price: ${words}`, line: row.line });
      continue;
    }
    const discountCell = discountCol < 0 ? '' : (row.cells[discountCol] ?? '');
    const discount = discountCell === '' ? undefined : parsePageAmount(discountCell);
    if (discountCell !== '' && discount === undefined) {
      unreadable.push({ table, reason: `discount cell not read: ${words}`, line: row.line });
      continue;
    }
    if (discountCol >= 0 && discountCell === '')
      notCompared.push({
        words: `no value in the "${columns[discountCol] ?? ''}" column${cut ? ' (cut off by the partial copy)' : ''}: ${words}`,
        line: row.line,
      });
    const unitWord = unit[2].toLowerCase();
    prices.push({
      item,
      via,
      unit: /次|request/.test(unitWord) ? 'request' : /页|page/.test(unitWord) ? 'page' : 'character',
      unitSize: Number(unit[1].replaceAll(',', '')),
      currency: amount.currency,
      amount: amount.amount,
      discountAmount: discount?.amount,
      words,
      line: row.line,
    });
  }
  return { prices, unreadable, notCompared };
}
