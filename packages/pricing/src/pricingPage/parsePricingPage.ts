import type { MeteredItem, MeteredVia } from '../schema/tariffSchema.ts';
import { parseMeteredTable } from './parseMeteredTable.ts';
import { parseModelTable } from './parseModelTable.ts';
import { parsePageInstant } from './parsePageInstant.ts';
import { parsePeakHours } from './parsePeakHours.ts';
import { parseScheduledTable } from './parseScheduledTable.ts';
import type {
  PageAlias,
  PageMeteredPrice,
  PageModel,
  PagePeakHours,
  PageScheduledChange,
  PageToolCallBilling,
  PageWords,
  ParsedPricingPage,
  UnreadableTable,
} from './pricingPageTypes.ts';
import { splitTableRow } from './splitTableRow.ts';
import { MODEL_ID, tokenKindOf, type TableRow } from './tableRow.ts';

// Pure (no node: imports) so the library, the CLI and the calculator can all check a page; reading
// the file is the caller's edge.

/**
 * Reads a saved copy of DeepSeek's "Models & Pricing" page (English or Chinese markdown, whole or
 * partial) into what it says: models and versions, per-token prices by tier and currency, limits,
 * the peak-hours sentence, announced price tables with their effective instant, per-call prices,
 * the free-until sentence for server-side tool calls, and legacy-id aliases. Nothing is guessed: a
 * table or sentence in an unknown layout lands in `unreadable` (the check then fails), and what a
 * partial copy cut off lands in `notCompared`. Hostile text is just text: nothing is evaluated.
 *
 * @example
 * ```ts
 * import { parsePricingPage } from '@seekcost/pricing/pricingPage';
 * const page = parsePricingPage([
 *   '| MODEL | deepseek-v4-pro |',
 *   '| MODEL VERSION | DeepSeek-V4-Pro-0813 |',
 *   '| CONTEXT LENGTH | 1M |',
 *   '| MAX OUTPUT | MAXIMUM: 384K |',
 *   '| PRICING | 1M INPUT TOKENS (CACHE HIT) | $0.003625 |',
 *   '| 1M INPUT TOKENS (CACHE MISS) | $0.435 |',
 *   '| 1M OUTPUT TOKENS | $0.87 |',
 * ].join('\n'));
 * page.models[0]?.prices.map((p) => p.amount); // => ['0.003625', '0.435', '0.87']
 * page.unreadable; // => []
 * ```
 */
export function parsePricingPage(text: string): ParsedPricingPage {
  const lines = text.split(/\r\n|\r|\n/);
  const missingIndex = lines.findIndex((l) => l.trimStart().startsWith('[missing]'));
  const partial = missingIndex >= 0;
  const content = partial ? lines.slice(0, missingIndex) : lines;
  let cutIndex = -1;
  if (partial) for (let i = content.length - 1; i >= 0 && cutIndex < 0; i--) if ((content[i] ?? '').trim() !== '') cutIndex = i;
  const cutLine = cutIndex + 1;

  const models: PageModel[] = [];
  const scheduled: PageScheduledChange[] = [];
  const metered: PageMeteredPrice[] = [];
  const aliases: PageAlias[] = [];
  const unreadable: UnreadableTable[] = [];
  const notCompared: PageWords[] = [];
  let peakHours: PagePeakHours | undefined;
  let peakSentenceCut = false;
  let toolCallBilling: PageToolCallBilling | undefined;
  let pending: Omit<PageScheduledChange, 'models'> | undefined;
  let context: string[] = [];

  for (let i = 0; i < content.length; i++) {
    const raw = content[i] ?? '';
    const line = i + 1;
    if (raw.trimStart().startsWith('|')) {
      const rows: TableRow[] = [];
      for (; i < content.length && (content[i] ?? '').trimStart().startsWith('|'); i++) {
        const cells = splitTableRow(content[i] ?? '');
        if (cells.every((c) => c === '' || /^:?-{3,}:?$/.test(c))) continue;
        rows.push({ cells, line: i + 1, raw: content[i] ?? '' });
      }
      i--;
      const truncated = partial && rows.at(-1)?.line === cutLine;
      const first = rows[0]?.cells.filter((c) => c !== '') ?? [];
      if (rows.some((r) => /^(MODEL|模型)$/i.test(r.cells.find((c) => c !== '') ?? '') && r.cells.some((c) => MODEL_ID.test(c)))) {
        const read = parseModelTable(rows, truncated);
        models.push(...read.models);
        unreadable.push(...read.unreadable);
        if (truncated) notCompared.push({ words: 'model table cut off by the partial copy: rows after the last one present are not compared', line: cutLine });
      } else if (/^(MODEL|模型)$/i.test(first[0] ?? '') && first.slice(1).some((c) => tokenKindOf(c) !== undefined)) {
        const read = parseScheduledTable(rows);
        unreadable.push(...read.unreadable);
        if (pending === undefined) unreadable.push({ table: 'announced prices', reason: 'no sentence before the table gives its effective instant', line });
        else if (read.models.length === 0 && truncated) notCompared.push({ words: `announced prices cut off by the partial copy: ${pending.words}`, line });
        else scheduled.push({ ...pending, models: read.models });
        pending = undefined;
      } else if (rows[0]?.cells.some((c) => /计费单位|unit/i.test(c))) {
        const said = context.join(' ');
        const via: MeteredVia[] = /无论是.*还是|whether .* or /i.test(said) ? ['api', 'tool-call'] : ['api'];
        const read = parseMeteredTable(rows, via, cutLine);
        metered.push(...read.prices);
        unreadable.push(...read.unreadable);
        notCompared.push(...read.notCompared);
      } else {
        unreadable.push({ table: 'unrecognized table', reason: `a table in an unknown layout: ${(content[line - 1] ?? '').trim()}`, line });
      }
      context = [];
      continue;
    }
    const sentence = raw.trim();
    if (sentence === '') continue;
    context.push(sentence);
    const cut = line === cutLine;
    const words = { words: sentence, line };
    if (/peak hours|高峰时段/i.test(sentence) && /\d{1,2}:\d{2}/.test(sentence)) {
      const peak = parsePeakHours(sentence);
      const effectiveAtMs = parsePageInstant(sentence);
      if (cut) {
        peakSentenceCut = true;
        notCompared.push({ words: `peak-hours sentence cut off by the partial copy: ${sentence}`, line });
      } else if (peak === undefined) unreadable.push({ table: 'peak-hours sentence', reason: `hours not read: ${sentence}`, line });
      else if (effectiveAtMs !== undefined) pending = { ...words, effectiveAtMs, peakHours: { ...peak, ...words } };
      else if (/will soon|即将|plan|计划/i.test(sentence)) notCompared.push({ words: `an announcement without an effective date: ${sentence}`, line });
      else if (peakHours === undefined) peakHours = { ...peak, ...words };
      else unreadable.push({ table: 'peak-hours sentence', reason: `a second peak-hours sentence: ${sentence}`, line });
    } else if (/未计费|not (?:yet )?billed/i.test(sentence)) {
      const billedFromMs = parsePageInstant(sentence);
      const items: MeteredItem[] = [
        ...(/search|搜索/i.test(sentence) ? (['search'] as const) : []),
        ...(/fetch|抓取/i.test(sentence) ? (['fetch'] as const) : []),
      ];
      if (billedFromMs === undefined || items.length === 0) {
        if (cut) notCompared.push({ words: `cut off by the partial copy: ${sentence}`, line });
        else unreadable.push({ table: 'tool-call billing sentence', reason: `no instant or item read: ${sentence}`, line });
      } else toolCallBilling = { ...words, items, billedFromMs };
    } else if (/legacy names|旧模型名/i.test(sentence)) {
      const target = /(?:Use|模型名请使用)\s+(deepseek-[a-z0-9.-]*[a-z0-9])/.exec(sentence)?.[1];
      const list = /(?:legacy names|旧模型名)(.*?)(?:are still accepted|仍可调用)/i.exec(sentence)?.[1];
      const ids = [...(list ?? '').matchAll(/deepseek-[a-z0-9.-]*[a-z0-9]/g)].map((m) => m[0]);
      if (target !== undefined && ids.length > 0) aliases.push({ ...words, ids, target });
      else if (cut) notCompared.push({ words: `cut off by the partial copy: ${sentence}`, line });
      else unreadable.push({ table: 'legacy-name footnote', reason: `ids not read: ${sentence}`, line });
    } else if (/^\(\d\)/.test(sentence) && /will soon|plan to|即将|计划/i.test(sentence)) {
      notCompared.push({ words: `an announcement without an effective date: ${sentence}`, line });
    }
  }
  if (pending !== undefined && !partial) unreadable.push({ table: 'announced prices', reason: `no table follows: ${pending.words}`, line: pending.line });
  if (models.length === 0) unreadable.push({ table: 'model details', reason: 'no model table found', line: 0 });
  if (models.some((m) => m.prices.some((p) => p.tier !== 'standard')) && peakHours === undefined && !peakSentenceCut && !partial) {
    unreadable.push({ table: 'peak-hours sentence', reason: 'peak and off-peak prices but no peak-hours sentence', line: 0 });
  }
  const language = /模型|价格/.test(text) ? 'zh-cn' : 'en';
  return { language, partial, models, peakHours, scheduled, metered, toolCallBilling, aliases, unreadable, notCompared };
}
