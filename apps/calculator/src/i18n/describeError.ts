import type { MeteredItem } from '@seekcost/pricing';
import { METERED_FIELDS, type MeteredField } from '../logic/parseWorkload.ts';
import { MESSAGES, type Language } from './messages.ts';

/**
 * An error from @seekcost/pricing or @seekcost/tokenizer-estimate in the page's language. English
 * pages show the package's own message (it already names the field and the reason, and a second
 * English wording would drift from it). Chinese pages get a message built from the error's `code`
 * and typed fields (model, instants, field path); the free-text reasons the packages attach are
 * translated where their wording is known, and quoted as they are otherwise. Instants are shown
 * with `formatWhen`, the page's clock.
 *
 * @example
 * ```ts
 * describeError(new RetiredModelError('deepseek-chat', new Date('2026-09-01T02:00:00Z'), new Date('2026-07-24T15:59:00Z')), 'zh', isoMinute);
 * // "模型：'deepseek-chat' 已于 2026-07-24T15:59Z 下线；2026-09-01T02:00Z 没有价格"
 * ```
 */
export function describeError(error: unknown, lang: Language, formatWhen: (epochMs: number) => string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (lang === 'en' || typeof error !== 'object' || error === null) return message;
  const e = error as Record<string, unknown>;
  const when = (key: string) => (e[key] instanceof Date ? formatWhen((e[key] as Date).getTime()) : '?');
  const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
  const path = text('path');
  switch (e.code) {
    case 'UNKNOWN_MODEL': {
      const suggestions = Array.isArray(e.suggestions) ? (e.suggestions as string[]) : [];
      const hint = suggestions.length === 0 ? '' : `；你要找的是不是 ${suggestions.map((s) => `'${s}'`).join(' 或 ')}？`;
      return `模型：'${text('model')}' 不是已知的 DeepSeek 模型 ID${hint}`;
    }
    case 'RETIRED_MODEL':
      return `模型：'${text('model')}' 已于 ${when('retiredAt')} 下线；${when('at')} 没有价格`;
    case 'MODEL_NOT_AVAILABLE': {
      const from = e.availableFrom instanceof Date ? when('availableFrom') : '?';
      const range = e.availableUntil instanceof Date ? `${from} 至 ${when('availableUntil')}` : `${from} 起至今`;
      return `模型：'${text('model')}' 在 ${when('at')} 没有价格；它的定价时间为 ${range}`;
    }
    case 'BEFORE_HISTORY':
      return `时间：${when('at')} 早于价格历史的起点 ${when('historyStart')}`;
    case 'INVALID_INSTANT':
      return `时间（${text('field')}）：不是有效的时间`;
    case 'CURRENCY_NOT_PUBLISHED':
      return `货币：价格期 ${text('periodId')} 没有公布 ${text('currency')} 价格`;
    case 'INVALID_USAGE':
    case 'INVALID_ARGUMENT':
      return `${zhField(text('field'))}：${zhReason(text('reason'))}`;
    case 'UNKNOWN_METERED_ITEM': {
      const known = Array.isArray(e.known) ? (e.known as string[]).join('、') : '';
      return `${zhField(text('field'))}：${JSON.stringify(text('item'))} 不是价格数据中的按次计费项目（已知：${known === '' ? '无' : known}）`;
    }
    case 'UNPRICED_METERED_ITEM':
      return `${zhField(text('field'))}：${zhItem(text('item'))}已推出，但 DeepSeek 没有公布价格，无法计价（不会按 0 计）`;
    case 'METERED_ITEM_NOT_AVAILABLE': {
      const from = e.availableFrom instanceof Date ? `它从 ${when('availableFrom')} 起计价` : '这种调用方式没有价格';
      return `${zhField(text('field'))}：${zhItem(text('item'))}在 ${when('at')} 没有价格；${from}`;
    }
    case 'METERED_PRICE_NOT_PUBLISHED': {
      const secondary = e.secondaryAvailable === true ? '；只有第三方报价' : '';
      return `${zhField(text('field'))}：DeepSeek 没有公布${zhItem(text('item'))}的 ${text('currency')} 价格（价格期 ${text('periodId')}）${secondary}`;
    }
    case 'INVALID_PRICE_DATA':
      return `价格数据无效（${message}）`;
    case 'INVALID_TYPE':
    case 'MALFORMED_BODY':
    case 'UNKNOWN_ROLE':
    case 'INVALID_OPTION': {
      const reason = path !== '' && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
      return `${path === '' ? '请求体' : path}：${zhReason(reason)}`;
    }
    case 'EXACT_TOKENIZER_NOT_LOADED':
    case 'FAST_TOKENIZER_NOT_LOADED':
      return '分词器尚未加载，暂时无法计数';
    default:
      return `出错了：${message}`;
  }
}

const METERED_LABELS: ReadonlyMap<string, MeteredField> = new Map(
  (Object.keys(METERED_FIELDS) as MeteredField[]).map((field) => [`metered.${METERED_FIELDS[field]}`, field]),
);

/** A field path of the packages, as the form labels it where it is one of the form's per-call counts. */
function zhField(field: string): string {
  const label = METERED_LABELS.get(field);
  return label === undefined ? field : MESSAGES.zh[label];
}

function zhItem(item: string): string {
  return Object.hasOwn(MESSAGES.zh.meteredNames, item) ? MESSAGES.zh.meteredNames[item as MeteredItem] : `'${item}'`;
}

// The reasons the packages word in English, as far as their wording is known; anything else is
// quoted after a Chinese lead-in rather than dropped, so no detail is lost.
const REASONS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be a non-negative integer, got (.+)$/, (m) => `必须是非负整数，实际为 ${zhValue(m[1])}`],
  [/^must be a whole number of tokens, got (.+)$/, (m) => `必须是整数个 token，实际为 ${m[1]}`],
  [/^is too large to count exactly/, () => '数值太大，无法精确计数'],
  [/^must be a non-negative whole number, got (.+)$/, (m) => `必须是非负整数，实际为 ${zhValue(m[1])}`],
  [/^must be a whole number, got (.+)$/, (m) => `必须是整数，实际为 ${m[1]}`],
  [/^must be non-negative, got (.+)$/, (m) => `不能为负数，实际为 ${m[1]}`],
  [/^the input token total is too large to count exactly$/, () => '输入 token 总数太大，无法精确计数'],
  [/^is missing$/, () => '缺失'],
  [/^is missing \(and so is (.+)\)$/, (m) => `缺失（${m[1]} 也缺失）`],
  [/^(\d+) exceeds (.+) \((\d+)\)$/, (m) => `${m[1]} 超过了 ${m[2]}（${m[3]}）`],
  [/^(\d+) exceeds the output token count \((\d+)\), which includes it$/, (m) => `${m[1]} 超过了输出 token 数（${m[2]}，已包含它）`],
  [/^is (\d+) but (.+?) (?:=|is) (\d+); they must agree$/, (m) => `为 ${m[1]}，但 ${m[2]} 为 ${m[3]}；两者必须一致`],
  [/^has no token counts/, () => '没有 token 计数（应有 prompt_tokens/completion_tokens、input_tokens/output_tokens 或 cacheMissInputTokens/outputTokens）'],
  [/^must be a usage object, got (.+)$/, (m) => `必须是 usage 对象，实际为 ${zhValue(m[1])}`],
  [/^must be an object, got (.+)$/, (m) => `必须是对象，实际为 ${zhValue(m[1])}`],
  [/^must be between 0 and 1, got (.+)$/, (m) => `必须在 0 到 1 之间，实际为 ${m[1]}`],
  [/^expected (.+?), got (.+)$/, (m) => `应为${zhExpected(m[1])}，实际为 ${zhValue(m[2])}`],
  [/^missing \(a chat request needs a messages array\)$/, () => '缺失（聊天请求需要 messages 数组）'],
  [/^unknown role (.+) \(expected system, user, assistant or tool\)$/, (m) => `未知角色 ${m[1]}（应为 system、user、assistant 或 tool）`],
  [/^unsupported input item type (.+)$/, (m) => `不支持的输入项类型 ${m[1]}`],
  [/^expected (.+)$/, (m) => `应为${zhExpected(m[1])}`],
];

function zhReason(reason: string): string {
  for (const [pattern, word] of REASONS) {
    const match = pattern.exec(reason);
    if (match !== null) return word(match);
  }
  return `无效（${reason}）`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  'a string': '字符串',
  'a string or null': '字符串或 null',
  'an array of messages': '消息数组',
  'a message object': '消息对象',
  'a chat request object': '聊天请求对象',
  'a content part object': '内容片段对象',
  'a string or an array of content parts': '字符串或内容片段数组',
  'a string, an array of content parts or null': '字符串、内容片段数组或 null',
  'an array of tool calls': '工具调用数组',
  'an array of tools': '工具数组',
  'a string or an array of input items': '字符串或输入项数组',
  'an input item object': '输入项对象',
  "'enabled' or 'disabled'": " 'enabled' 或 'disabled'",
  'a valid Date or milliseconds since the epoch': '有效的日期或自纪元起的毫秒数',
};

function zhExpected(text = ''): string {
  return EXPECTED[text] ?? ` ${text}`;
}

function zhValue(text = ''): string {
  if (text === 'an array') return '数组';
  if (text === 'an object') return '对象';
  // The packages describe a value as 'the string …' or as its typeof and the value ('number 5').
  const typed = /^(?:the )?(string|number|boolean|bigint|undefined)\b ?(.*)$/.exec(text);
  if (typed === null) return text;
  const name = { string: '字符串', number: '数字', boolean: '布尔值', bigint: '大整数', undefined: 'undefined' }[typed[1] as 'string'];
  return typed[2] === '' ? name : `${name} ${typed[2]}`;
}
