// An independent statement of DeepSeek's price history (from ../shared/pricing-facts.md and the
// docs snapshots), written by hand and NOT derived from pricing-data/: the regression tests compare
// what the library answers with what this file says, so a wrong edit to the data fails a test.

export type Tier = 'standard' | 'discount' | 'peak' | 'off-peak';
type Rates = readonly [hit: string, miss: string, output: string];
export interface TierPrices {
  readonly USD: Rates;
  readonly CNY: Rates;
}
/** How the tier is decided inside an era. */
export type Rule = 'flat' | 'discount-2025' | 'peak-daily' | 'peak-weekdays' | 'peak-weekdays-holidays';

export interface Era {
  /** The period id the library must report. */
  readonly period: string;
  /** The price line the id bills as. */
  readonly billsAs: string;
  readonly from: string;
  readonly rule: Rule;
  readonly prices: Partial<Record<Tier, TierPrices>>;
}

/** Billed model id -> its eras in order, and how its history ends. */
export interface IdHistory {
  readonly id: string;
  readonly eras: readonly Era[];
  readonly end: { readonly at: string; readonly kind: 'retired' | 'unpriced' } | null;
}

const V2: TierPrices = { USD: ['0.014', '0.14', '0.28'], CNY: ['0.1', '1', '2'] };
const V3: TierPrices = { USD: ['0.07', '0.27', '1.10'], CNY: ['0.5', '2', '8'] };
const R1: TierPrices = { USD: ['0.14', '0.55', '2.19'], CNY: ['1', '4', '16'] };
const OFF_2025: TierPrices = { USD: ['0.035', '0.135', '0.55'], CNY: ['0.25', '1', '4'] };
const V31: TierPrices = { USD: ['0.07', '0.56', '1.68'], CNY: ['0.5', '4', '12'] };
const V32: TierPrices = { USD: ['0.028', '0.28', '0.42'], CNY: ['0.2', '2', '3'] };
const FLASH_LAUNCH: TierPrices = { USD: ['0.028', '0.14', '0.28'], CNY: ['0.2', '1', '2'] };
const FLASH_CUT: TierPrices = { USD: ['0.0028', '0.14', '0.28'], CNY: ['0.02', '1', '2'] };
const FLASH_PEAK: TierPrices = { USD: ['0.014', '0.44', '1.32'], CNY: ['0.10', '3.0', '9.0'] };
const FLASH_OFF: TierPrices = { USD: ['0.007', '0.22', '0.66'], CNY: ['0.05', '1.5', '4.5'] };
const PRO_LIST: TierPrices = { USD: ['0.145', '1.74', '3.48'], CNY: ['1', '12', '24'] };
const PRO_PROMO: TierPrices = { USD: ['0.03625', '0.435', '0.87'], CNY: ['0.25', '3', '6'] };
const PRO_CUT: TierPrices = { USD: ['0.003625', '0.435', '0.87'], CNY: ['0.025', '3', '6'] };
const PRO_PEAK: TierPrices = { USD: ['0.044', '1.32', '3.96'], CNY: ['0.30', '9.0', '27.0'] };
const PRO_OFF: TierPrices = { USD: ['0.022', '0.66', '1.98'], CNY: ['0.15', '4.5', '13.5'] };
const V41_PEAK: TierPrices = { USD: ['0.006', '0.30', '1.20'], CNY: ['0.04', '2', '8'] };
const V41_OFF: TierPrices = { USD: ['0.003', '0.15', '0.60'], CNY: ['0.02', '1', '4'] };

const chatLine: Era[] = [
  { period: 'deepseek-chat/2024-08-02', billsAs: 'deepseek-chat', from: '2024-08-02T00:00Z', rule: 'flat', prices: { standard: V2 } },
  { period: 'deepseek-chat/2024-12-26', billsAs: 'deepseek-chat', from: '2024-12-26T00:00Z', rule: 'flat', prices: { standard: V2 } },
  { period: 'deepseek-chat/2025-02-08', billsAs: 'deepseek-chat', from: '2025-02-08T16:00Z', rule: 'flat', prices: { standard: V3 } },
  {
    period: 'deepseek-chat/2025-02-26',
    billsAs: 'deepseek-chat',
    from: '2025-02-26T16:30Z',
    rule: 'discount-2025',
    prices: { standard: V3, discount: OFF_2025 },
  },
  {
    period: 'deepseek-chat/2025-08-21',
    billsAs: 'deepseek-chat',
    from: '2025-08-21T00:00Z',
    rule: 'discount-2025',
    prices: { standard: V3, discount: OFF_2025 },
  },
  { period: 'deepseek-chat/2025-09-05', billsAs: 'deepseek-chat', from: '2025-09-05T16:00Z', rule: 'flat', prices: { standard: V31 } },
  { period: 'deepseek-chat/2025-09-29', billsAs: 'deepseek-chat', from: '2025-09-29T10:00Z', rule: 'flat', prices: { standard: V32 } },
];
const reasonerLine: Era[] = [
  { period: 'deepseek-reasoner/2025-01-20', billsAs: 'deepseek-reasoner', from: '2025-01-20T00:00Z', rule: 'flat', prices: { standard: R1 } },
  {
    period: 'deepseek-reasoner/2025-02-26',
    billsAs: 'deepseek-reasoner',
    from: '2025-02-26T16:30Z',
    rule: 'discount-2025',
    prices: { standard: R1, discount: OFF_2025 },
  },
  {
    period: 'deepseek-reasoner/2025-08-21',
    billsAs: 'deepseek-reasoner',
    from: '2025-08-21T00:00Z',
    rule: 'discount-2025',
    prices: { standard: R1, discount: OFF_2025 },
  },
  { period: 'deepseek-reasoner/2025-09-05', billsAs: 'deepseek-reasoner', from: '2025-09-05T16:00Z', rule: 'flat', prices: { standard: V31 } },
  { period: 'deepseek-reasoner/2025-09-29', billsAs: 'deepseek-reasoner', from: '2025-09-29T10:00Z', rule: 'flat', prices: { standard: V32 } },
];
const v4FlashLine: Era[] = [
  { period: 'deepseek-v4-flash/2026-04-24', billsAs: 'deepseek-v4-flash', from: '2026-04-24T00:00Z', rule: 'flat', prices: { standard: FLASH_LAUNCH } },
  { period: 'deepseek-v4-flash/2026-04-26', billsAs: 'deepseek-v4-flash', from: '2026-04-26T12:15Z', rule: 'flat', prices: { standard: FLASH_CUT } },
  {
    period: 'deepseek-v4-flash/2026-08-16',
    billsAs: 'deepseek-v4-flash',
    from: '2026-08-16T16:00Z',
    rule: 'peak-daily',
    prices: { peak: FLASH_PEAK, 'off-peak': FLASH_OFF },
  },
  {
    period: 'deepseek-v4-flash/2026-08-22',
    billsAs: 'deepseek-v4-flash',
    from: '2026-08-22T16:00Z',
    rule: 'peak-weekdays',
    prices: { peak: FLASH_PEAK, 'off-peak': FLASH_OFF },
  },
];
const flashV41: Era = {
  period: 'deepseek-flash/2026-09-10',
  billsAs: 'deepseek-flash',
  from: '2026-09-10T04:00Z',
  rule: 'peak-weekdays-holidays',
  prices: { peak: V41_PEAK, 'off-peak': V41_OFF },
};
const proLine: Era[] = [
  { period: 'deepseek-v4-pro/2026-04-24', billsAs: 'deepseek-v4-pro', from: '2026-04-24T00:00Z', rule: 'flat', prices: { standard: PRO_LIST } },
  { period: 'deepseek-v4-pro/2026-04-25', billsAs: 'deepseek-v4-pro', from: '2026-04-25T16:00Z', rule: 'flat', prices: { discount: PRO_PROMO } },
  { period: 'deepseek-v4-pro/2026-04-26', billsAs: 'deepseek-v4-pro', from: '2026-04-26T12:15Z', rule: 'flat', prices: { discount: PRO_CUT } },
  {
    period: 'deepseek-v4-pro/2026-08-16',
    billsAs: 'deepseek-v4-pro',
    from: '2026-08-16T16:00Z',
    rule: 'peak-daily',
    prices: { peak: PRO_PEAK, 'off-peak': PRO_OFF },
  },
  {
    period: 'deepseek-v4-pro/2026-08-22',
    billsAs: 'deepseek-v4-pro',
    from: '2026-08-22T16:00Z',
    rule: 'peak-weekdays',
    prices: { peak: PRO_PEAK, 'off-peak': PRO_OFF },
  },
  {
    period: 'deepseek-v4-pro/2026-09-10',
    billsAs: 'deepseek-v4-pro',
    from: '2026-09-10T04:00Z',
    rule: 'peak-weekdays-holidays',
    prices: { peak: PRO_PEAK, 'off-peak': PRO_OFF },
  },
];
const RETIREMENT = '2026-07-24T15:59Z';
const firstTwoV4 = v4FlashLine.slice(0, 2);

export const HISTORIES: readonly IdHistory[] = [
  { id: 'deepseek-chat', eras: [...chatLine, ...firstTwoV4], end: { at: RETIREMENT, kind: 'retired' } },
  { id: 'deepseek-reasoner', eras: [...reasonerLine, ...firstTwoV4], end: { at: RETIREMENT, kind: 'retired' } },
  { id: 'deepseek-coder', eras: chatLine.slice(0, 2), end: { at: '2025-02-08T16:00Z', kind: 'unpriced' } },
  { id: 'deepseek-v4-flash', eras: [...v4FlashLine, flashV41], end: null },
  { id: 'deepseek-v4-pro', eras: proLine, end: null },
  { id: 'deepseek-flash', eras: [flashV41], end: null },
  // Launched 2026-08-21 (Beijing day, assumed from its 00:00 = 2026-08-20 16:00 UTC) at exactly
  // V4-Flash's prices; since V4.1 billed as deepseek-flash, like deepseek-v4-flash.
  {
    id: 'deepseek-v4-flash-vision-exp',
    eras: [{ ...(v4FlashLine[2] as Era), from: '2026-08-20T16:00Z' }, v4FlashLine[3] as Era, flashV41],
    end: null,
  },
];

/** How a metered call is made: by the model during a request, by the caller's stand-alone API call, or either. */
export type MeteredWay = 'tool-call' | 'api' | 'both';

/** One dated price of a charge that is not tokens, as the facts state it (pricing-facts.md, "Update 2026-12-03"). */
export interface MeteredEra {
  readonly item: 'search' | 'fetch' | 'ocrPages' | 'ttsCharacters';
  readonly way: MeteredWay;
  readonly period: string;
  readonly from: string;
  /** Exclusive; null while open. */
  readonly to: string | null;
  readonly unitSize: number;
  /** CNY per unitSize, as published. */
  readonly CNY: string;
  /** USD per unitSize: published, a third-party figure only ('secondary'), or none. */
  readonly USD: { readonly price: string; readonly published: boolean } | null;
}

const FREE_UNTIL = '2026-10-31T16:00Z'; // 2026-11-01 00:00 Beijing
const THIRD_PARTY_USD = { price: '0.75', published: false } as const;
const LAUNCH_1113 = '2026-11-12T16:00Z'; // 2026-11-13 00:00 Beijing (minute unpublished)

function perRequestItem(item: 'search' | 'fetch'): MeteredEra[] {
  return [
    {
      item,
      way: 'tool-call',
      period: `${item}/tool-call/2026-08-12`,
      from: '2026-08-12T00:00Z',
      to: FREE_UNTIL,
      unitSize: 1000,
      CNY: '0',
      USD: { price: '0', published: true },
    },
    { item, way: 'api', period: `${item}/api/2026-10-01`, from: '2026-10-01T00:00Z', to: FREE_UNTIL, unitSize: 1000, CNY: '5', USD: THIRD_PARTY_USD },
    { item, way: 'both', period: `${item}/2026-10-31`, from: FREE_UNTIL, to: null, unitSize: 1000, CNY: '5', USD: THIRD_PARTY_USD },
  ];
}

export const METERED: readonly MeteredEra[] = [
  ...perRequestItem('search'),
  ...perRequestItem('fetch'),
  { item: 'ocrPages', way: 'both', period: 'ocrPages/2026-11-13', from: LAUNCH_1113, to: null, unitSize: 1000, CNY: '1.5', USD: null },
  // List price; a limited-time 50%-off column exists whose values are unknown.
  { item: 'ttsCharacters', way: 'both', period: 'ttsCharacters/2026-11-13', from: LAUNCH_1113, to: null, unitSize: 10000, CNY: '3', USD: null },
];

/** Exists (news261113) but no price is known: any count must be an error. */
export const UNPRICED_ITEMS = ['asr'] as const;

/** Model versions under fixed ids, with no price change. */
export const VERSIONS: Readonly<Record<string, readonly string[]>> = {
  'deepseek-v4-flash': ['DeepSeek-V4-Flash-0731'],
  'deepseek-v4-pro': ['DeepSeek-V4-Pro', 'DeepSeek-V4-Pro-0813'],
  'deepseek-flash': ['DeepSeek-V4.1-Flash', 'DeepSeek-V4.1-Flash-1017'],
};

/** Announced, then cancelled: deepseek-v4-pro rerouted to V4.1 Flash from 2026-09-14 04:00 UTC. Never billed. */
export const CANCELLED_PRO_REROUTE = '2026-09-14T04:00Z';

// 2026 Chinese public holidays (State Council notice of 2025-11-04), Beijing dates.
const HOLIDAYS_2026: readonly (readonly [string, string])[] = [
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];

/** The tier DeepSeek bills at an instant under an era's rule, computed the plain way. */
export function oracleTier(era: Era, ms: number): Tier {
  const utc = new Date(ms);
  const minute = utc.getUTCHours() * 60 + utc.getUTCMinutes();
  const beijing = new Date(ms + 8 * 3_600_000);
  const beijingDate = beijing.toISOString().slice(0, 10);
  const beijingWeekday = beijing.getUTCDay(); // 0 Sunday .. 6 Saturday
  const inPeakWindow = (minute >= 60 && minute < 240) || (minute >= 360 && minute < 600);
  switch (era.rule) {
    case 'flat':
      return Object.keys(era.prices)[0] as Tier;
    case 'discount-2025':
      return minute >= 990 || minute < 30 ? 'discount' : 'standard';
    case 'peak-daily':
      return inPeakWindow ? 'peak' : 'off-peak';
    case 'peak-weekdays':
      return inPeakWindow && beijingWeekday >= 1 && beijingWeekday <= 5 ? 'peak' : 'off-peak';
    case 'peak-weekdays-holidays': {
      const holiday = HOLIDAYS_2026.some(([a, b]) => beijingDate >= a && beijingDate <= b);
      return inPeakWindow && beijingWeekday >= 1 && beijingWeekday <= 5 && !holiday ? 'peak' : 'off-peak';
    }
  }
}
