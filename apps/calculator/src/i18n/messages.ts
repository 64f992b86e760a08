import type { MeteredItem } from '@seekcost/pricing';
import type { PromptPart } from '@seekcost/tokenizer-estimate';

/**
 * The two languages the calculator speaks.
 *
 * @example
 * ```ts
 * const lang: Language = detectLanguage(navigator.languages); // 'zh'
 * ```
 */
export type Language = 'en' | 'zh';

/**
 * Every piece of text on the page, per language; English labels are fixed by issue 4 (tests and assistive tech find them).
 *
 * @example
 * ```ts
 * MESSAGES.en.totalPerRequest('$0.0025'); // 'Total per request: $0.0025'
 * ```
 */
export interface Messages {
  readonly title: string;
  readonly tagline: string;
  readonly model: string;
  readonly when: string;
  readonly now: string;
  readonly prompt: string;
  readonly promptHint: string;
  readonly inputTokens: string;
  readonly cacheHit: string;
  readonly outputTokens: string;
  readonly requestsPerDay: string;
  /** Labels of the per-call count fields (issue 10 fixes the English ones). */
  readonly searchesPerRequest: string;
  readonly fetchesPerRequest: string;
  readonly ocrPagesPerRequest: string;
  readonly ttsCharactersPerRequest: string;
  /** A metered item's name as a result line. */
  readonly meteredNames: Readonly<Record<MeteredItem, string>>;
  /** A metered unit (the price data's `unit`: request, page, character) in the plural. */
  readonly meteredUnits: Readonly<Record<string, string>>;
  readonly meteredCount: (count: string, unit: string) => string;
  readonly meteredUnitPrice: (price: string, size: string, unit: string) => string;
  readonly meteredTitle: string;
  readonly meteredPricesTitle: string;
  /** Caption of the per-call prices table (read by screen readers). */
  readonly meteredPricesCaption: string;
  readonly price: string;
  readonly notPublished: string;
  readonly thirdPartyPrice: string;
  readonly discountPending: string;
  readonly noPublishedPrice: string;
  readonly currency: string;
  readonly language: string;
  readonly theme: string;
  readonly themeAuto: string;
  readonly themeLight: string;
  readonly themeDark: string;
  readonly currentModels: string;
  readonly olderModels: string;
  readonly aliasOf: (target: string) => string;
  readonly retiredOn: (date: string) => string;
  readonly notPricedThen: string;
  readonly utc: string;
  readonly beijing: string;
  readonly local: string;
  readonly fastEstimate: (tokens: string) => string;
  readonly exactCount: (tokens: string) => string;
  readonly exactCounting: string;
  readonly exactUnavailable: string;
  readonly useForInput: string;
  readonly costPerRequest: string;
  readonly cacheHitInput: string;
  readonly cacheMissInput: string;
  readonly cacheMiss: string;
  readonly dataChecked: (date: string) => string;
  readonly output: string;
  readonly tokens: string;
  /** Header of the result table's first column (read by screen readers only). */
  readonly lineItem: string;
  readonly pricePer1M: string;
  readonly amount: string;
  readonly total: string;
  readonly totalPerRequest: (amount: string) => string;
  readonly perDay: string;
  readonly per30Days: string;
  readonly tierInForce: string;
  readonly tierNames: Readonly<Record<'standard' | 'discount' | 'peak' | 'off-peak', string>>;
  readonly nextChange: (tier: string, when: string) => string;
  readonly noChangeThisWeek: string;
  readonly untilRetired: (when: string) => string;
  readonly compareTitle: string;
  readonly compareNow: string;
  readonly compareCheapest: string;
  /** The comparison table's caption (read by screen readers; the card title says it for sighted users). */
  readonly compareCaption: string;
  readonly cheapestAt: string;
  readonly heatmapTitle: string;
  readonly heatmapCaption: (model: string) => string;
  readonly zoneSwitch: string;
  readonly cheapestTime: (when: string, amount: string) => string;
  readonly cheapestMark: string;
  readonly unavailable: string;
  readonly weekdays: readonly string[];
  /** Header of the heatmap's day column (read by screen readers only). */
  readonly day: string;
  readonly priceTableTitle: string;
  readonly tier: string;
  readonly source: string;
  readonly confidence: string;
  readonly checked: string;
  readonly confidenceNames: Readonly<Record<string, string>>;
  readonly warningsTitle: string;
  readonly retiredWarning: (model: string, when: string) => string;
  readonly retiresWarning: (model: string, when: string) => string;
  /** A short name for each warning code of @seekcost/pricing (its messages themselves are in English). */
  readonly warningNames: Readonly<Record<string, string>>;
  readonly powerTitle: string;
  readonly requestBody: string;
  readonly requestBodyHint: string;
  readonly predictedPromptTokens: (tokens: string) => string;
  readonly breakdownCaption: string;
  readonly breakdownPart: string;
  readonly breakdownTokens: string;
  readonly breakdownHow: string;
  /** A name for each part of @seekcost/tokenizer-estimate's prompt breakdown. */
  readonly promptPartNames: Readonly<Record<PromptPart, string>>;
  readonly partExact: string;
  readonly partEstimated: string;
  /** Said when the image part is estimated: each image counts the library's upper bound. */
  readonly imagesEstimated: (maxPerImage: string) => string;
  /** Said when a text part is estimated: a constant fitted to recorded usage, not a published template. */
  readonly fittedEstimated: string;
  readonly apiResponse: string;
  readonly apiResponseHint: string;
  readonly responseCost: string;
  readonly pricedAs: (model: string, when: string, tier: string) => string;
  readonly badJson: (detail: string) => string;
  readonly notAnObject: string;
  readonly fieldWholeNumber: string;
  readonly fieldPercent: string;
  readonly privacyNote: string;
  readonly footer: string;
}

const en: Messages = {
  title: 'DeepSeek API cost calculator',
  tagline: 'What will this cost, and when is it cheapest? Exact prices from the published tables, computed in your browser.',
  model: 'Model',
  when: 'When',
  now: 'Now',
  prompt: 'Prompt',
  promptHint: 'Paste text to count its tokens. It never leaves your browser.',
  inputTokens: 'Input tokens',
  cacheHit: 'Cache hit',
  outputTokens: 'Output tokens',
  requestsPerDay: 'Requests per day',
  searchesPerRequest: 'Web searches per request',
  fetchesPerRequest: 'Pages fetched per request',
  ocrPagesPerRequest: 'OCR pages per request',
  ttsCharactersPerRequest: 'TTS characters per request',
  meteredNames: {
    search: 'Web search',
    fetch: 'Page fetch',
    ocrPages: 'File parsing / OCR',
    ttsCharacters: 'Speech synthesis (TTS)',
    asr: 'Speech recognition (ASR)',
  },
  meteredUnits: { request: 'requests', page: 'pages', character: 'characters' },
  meteredCount: (count, unit) => `${count} ${unit}`,
  meteredUnitPrice: (price, size, unit) => `${price} per ${size} ${unit}`,
  meteredTitle: 'Per-call charges',
  meteredPricesTitle: 'Per-call prices in force',
  meteredPricesCaption: 'Price of each per-call item at the chosen time, with its confidence',
  price: 'Price',
  notPublished: 'not published by DeepSeek',
  thirdPartyPrice: 'third-party figure, not published by DeepSeek',
  discountPending: 'list price; a limited-time discount is announced but its value is not known',
  noPublishedPrice: 'offered, but no price is published',
  currency: 'Currency',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'Auto',
  themeLight: 'Light',
  themeDark: 'Dark',
  currentModels: 'Current models',
  olderModels: 'Older or unavailable models',
  aliasOf: (target) => `alias of ${target}`,
  retiredOn: (date) => `retired ${date}`,
  notPricedThen: 'not priced then',
  utc: 'UTC',
  beijing: 'Beijing',
  local: 'Local',
  fastEstimate: (tokens) => `Fast estimate: ~${tokens} tokens`,
  exactCount: (tokens) => `Exact DeepSeek count: ${tokens} tokens`,
  exactCounting: 'Counting exactly…',
  exactUnavailable: 'Exact count unavailable',
  useForInput: 'Use as input tokens',
  costPerRequest: 'Cost of one request',
  cacheHitInput: 'Input, cache hit',
  cacheMissInput: 'Input, cache miss',
  cacheMiss: 'Cache miss',
  dataChecked: (date) => `price data checked ${date}`,
  output: 'Output',
  tokens: 'Tokens',
  lineItem: 'Item',
  pricePer1M: 'Price per 1M',
  amount: 'Amount',
  total: 'Total',
  totalPerRequest: (amount) => `Total per request: ${amount}`,
  perDay: 'Per day',
  per30Days: 'Per 30 days',
  tierInForce: 'Tier in force',
  tierNames: { standard: 'standard', discount: 'discount', peak: 'peak', 'off-peak': 'off-peak' },
  nextChange: (tier, when) => `changes to ${tier} at ${when}`,
  noChangeThisWeek: 'no change in the next 7 days',
  untilRetired: (when) => `no price after ${when} (retired or unpriced)`,
  compareTitle: 'All current models, same workload',
  compareNow: 'At the chosen time',
  compareCheapest: 'Cheapest hour (next 7 days)',
  compareCaption: 'Cost per request of each current model at the chosen time and at its cheapest hour',
  cheapestAt: 'Cheapest from',
  heatmapTitle: 'Week heatmap',
  heatmapCaption: (model) => `Cost per request of ${model} by day and hour; darker is dearer`,
  zoneSwitch: 'Time zone',
  cheapestTime: (when, amount) => `Cheapest time to run: ${when} (${amount} per request)`,
  cheapestMark: 'cheapest',
  unavailable: 'unavailable',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  day: 'Day',
  priceTableTitle: 'Price table in force',
  tier: 'Tier',
  source: 'Source',
  confidence: 'Confidence',
  checked: 'Checked',
  confidenceNames: { official: 'official', secondary: 'secondary source', inferred: 'inferred', unconfirmed: 'unconfirmed' },
  warningsTitle: 'Warnings',
  retiredWarning: (model, when) => `${model} was retired on ${when}; requests to it are rejected`,
  retiresWarning: (model, when) => `${model} is retired on ${when}; requests after that are rejected`,
  warningNames: { 'secondary-price': 'Third-party price', 'pending-discount': 'Discount pending' },
  powerTitle: 'Power-user modes',
  requestBody: 'Chat request body (JSON)',
  requestBodyHint: 'Paste a /chat/completions request body to predict its prompt tokens.',
  predictedPromptTokens: (tokens) => `Predicted prompt tokens: ${tokens}`,
  breakdownCaption: 'Where the prompt tokens come from',
  breakdownPart: 'Part',
  breakdownTokens: 'Tokens',
  breakdownHow: 'Count',
  promptPartNames: { content: 'Message content', template: 'Chat template', tools: 'Tool definitions', responseFormat: 'Response format', images: 'Images' },
  partExact: 'exact',
  partEstimated: 'estimated',
  imagesEstimated: (maxPerImage) => `Images are estimated: each counts as up to ${maxPerImage} tokens, an upper bound.`,
  fittedEstimated:
    'Some parts are estimated: DeepSeek adds text no published template shows (JSON mode, forced tool choice, tool instructions), counted with constants fitted to recorded usage.',
  apiResponse: 'API response or usage (JSON)',
  apiResponseHint: 'Paste an API response or its usage object (OpenAI or Anthropic format) to see exactly what it cost.',
  responseCost: 'Cost of that request',
  pricedAs: (model, when, tier) => `${model} at ${when}, ${tier} tier`,
  badJson: (detail) => `This is not valid JSON: ${detail}`,
  notAnObject: 'Expected a JSON object.',
  fieldWholeNumber: 'Enter a whole number of 0 or more.',
  fieldPercent: 'Enter a percentage from 0 to 100.',
  privacyNote: 'Everything is computed in this page: the prompt and pasted JSON never leave your browser and are not put in the URL.',
  footer: 'Prices from DeepSeek’s published pricing pages, with their sources and the date they were checked.',
};

const zh: Messages = {
  title: 'DeepSeek API 费用计算器',
  tagline: '这要花多少钱？什么时候最便宜？按官方价格表精确计算，全部在浏览器内完成。',
  model: '模型',
  when: '时间',
  now: '现在',
  prompt: '提示词',
  promptHint: '粘贴文本以计算 token 数，内容不会离开你的浏览器。',
  inputTokens: '输入 tokens',
  cacheHit: '缓存命中',
  outputTokens: '输出 tokens',
  requestsPerDay: '每天请求数',
  searchesPerRequest: '每次请求的网页搜索次数',
  fetchesPerRequest: '每次请求抓取的网页数',
  ocrPagesPerRequest: '每次请求的 OCR 页数',
  ttsCharactersPerRequest: '每次请求的 TTS 字符数',
  meteredNames: { search: '网页搜索', fetch: '网页抓取', ocrPages: '文件解析 / OCR', ttsCharacters: '语音合成（TTS）', asr: '语音识别（ASR）' },
  meteredUnits: { request: '次请求', page: '页', character: '字符' },
  meteredCount: (count, unit) => `${count} ${unit}`,
  meteredUnitPrice: (price, size, unit) => `每 ${size} ${unit} ${price}`,
  meteredTitle: '按次计费项目',
  meteredPricesTitle: '当前按次计费价格',
  meteredPricesCaption: '所选时间各按次计费项目的价格及其可信度',
  price: '价格',
  notPublished: 'DeepSeek 未公布',
  thirdPartyPrice: '第三方报价，DeepSeek 未公布',
  discountPending: '刊例价；已公布限时折扣，但折扣价未知',
  noPublishedPrice: '已推出，但未公布价格',
  currency: '货币',
  language: '语言',
  theme: '主题',
  themeAuto: '自动',
  themeLight: '浅色',
  themeDark: '深色',
  currentModels: '当前模型',
  olderModels: '旧模型或不可用模型',
  aliasOf: (target) => `${target} 的别名`,
  retiredOn: (date) => `已于 ${date} 下线`,
  notPricedThen: '该时间无价格',
  utc: 'UTC',
  beijing: '北京时间',
  local: '本地时间',
  fastEstimate: (tokens) => `快速估算：约 ${tokens} tokens`,
  exactCount: (tokens) => `DeepSeek 精确计数：${tokens} tokens`,
  exactCounting: '正在精确计数…',
  exactUnavailable: '无法精确计数',
  useForInput: '用作输入 tokens',
  costPerRequest: '单次请求费用',
  cacheHitInput: '输入（缓存命中）',
  cacheMissInput: '输入（缓存未命中）',
  cacheMiss: '缓存未命中',
  dataChecked: (date) => `价格数据核对于 ${date}`,
  output: '输出',
  tokens: 'Tokens',
  lineItem: '项目',
  pricePer1M: '每百万价格',
  amount: '金额',
  total: '合计',
  totalPerRequest: (amount) => `每次请求合计：${amount}`,
  perDay: '每天',
  per30Days: '每 30 天',
  tierInForce: '当前时段',
  tierNames: { standard: '标准', discount: '优惠', peak: '高峰', 'off-peak': '低谷' },
  nextChange: (tier, when) => `将于 ${when} 变为${tier}`,
  noChangeThisWeek: '未来 7 天内不变',
  untilRetired: (when) => `${when} 之后无价格（已下线或未定价）`,
  compareTitle: '所有当前模型，相同工作负载',
  compareNow: '所选时间',
  compareCheapest: '最便宜的时段（未来 7 天）',
  compareCaption: '各当前模型在所选时间和最便宜时段的单次请求费用',
  cheapestAt: '最便宜起始于',
  heatmapTitle: '一周热力图',
  heatmapCaption: (model) => `${model} 按日期和小时的单次请求费用；颜色越深越贵`,
  zoneSwitch: '时区',
  cheapestTime: (when, amount) => `最便宜的运行时间：${when}（每次请求 ${amount}）`,
  cheapestMark: '最便宜',
  unavailable: '不可用',
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  day: '日期',
  priceTableTitle: '当前价格表',
  tier: '时段',
  source: '来源',
  confidence: '可信度',
  checked: '核对日期',
  confidenceNames: { official: '官方', secondary: '二手来源', inferred: '推断', unconfirmed: '未确认' },
  warningsTitle: '警告',
  retiredWarning: (model, when) => `${model} 已于 ${when} 下线，请求会被拒绝`,
  retiresWarning: (model, when) => `${model} 将于 ${when} 下线，之后的请求会被拒绝`,
  warningNames: {
    'uncertain-cutover': '价格切换时刻不确定',
    'beyond-holiday-list': '超出节假日列表范围',
    'anthropic-usage-mapping': 'Anthropic 格式用量的换算未经确认',
    'request-time-basis': '按请求发送时间计价',
    'exceeds-limits': '超出上下文长度或最大输出',
    'unconfirmed-price': '价格未确认',
    'secondary-price': '第三方价格（DeepSeek 未公布）',
    'pending-discount': '折扣待定',
  },
  powerTitle: '高级模式',
  requestBody: '聊天请求体（JSON）',
  requestBodyHint: '粘贴 /chat/completions 请求体，预测其提示词 tokens。',
  predictedPromptTokens: (tokens) => `预测提示词 tokens：${tokens}`,
  breakdownCaption: '提示词 tokens 的构成',
  breakdownPart: '部分',
  breakdownTokens: 'Tokens',
  breakdownHow: '计数',
  promptPartNames: { content: '消息内容', template: '聊天模板', tools: '工具定义', responseFormat: '响应格式', images: '图片' },
  partExact: '精确',
  partEstimated: '估算',
  imagesEstimated: (maxPerImage) => `图片为估算：每张按最多 ${maxPerImage} tokens 计（上限）。`,
  fittedEstimated: '部分为估算：DeepSeek 会加入未公开模板中的文本（JSON 模式、强制工具选择、工具说明），按根据实际用量拟合的常数计数。',
  apiResponse: 'API 响应或 usage（JSON）',
  apiResponseHint: '粘贴 API 响应或其 usage 对象（OpenAI 或 Anthropic 格式），查看这次请求的确切费用。',
  responseCost: '该请求的费用',
  pricedAs: (model, when, tier) => `${model}，${when}，${tier}时段`,
  badJson: (detail) => `不是有效的 JSON：${detail}`,
  notAnObject: '应为 JSON 对象。',
  fieldWholeNumber: '请输入 0 或更大的整数。',
  fieldPercent: '请输入 0 到 100 之间的百分比。',
  privacyNote: '所有计算都在本页面内完成：提示词和粘贴的 JSON 不会离开你的浏览器，也不会写入网址。',
  footer: '价格来自 DeepSeek 官方价格页面，附来源和核对日期。',
};

/**
 * The message table of each language.
 *
 * @example
 * ```ts
 * MESSAGES.zh.outputTokens; // '输出 tokens'
 * ```
 */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, zh };
