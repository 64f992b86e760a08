import type DecimalJs from 'decimal.js';
import { Decimal } from './decimal.ts';
import { InvalidArgumentError } from './errors.ts';
import type { Currency } from './schema/tariffSchema.ts';

/**
 * The rounding modes {@link formatAmount} accepts, by name.
 *
 * @example
 * ```ts
 * const mode: RoundingMode = 'half-even'; // banker's rounding
 * ```
 */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

const ROUNDING: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  'half-even': Decimal.ROUND_HALF_EVEN,
};

const SYMBOL: Readonly<Record<Currency, string>> = { USD: '$', CNY: '¥' };

/**
 * Arguments of {@link formatAmount}.
 *
 * @example
 * ```ts
 * const options: FormatAmountOptions = { currency: 'CNY', decimals: 4, rounding: 'half-up' };
 * formatAmount(quote.total, options); // '¥0.0183'
 * ```
 */
export interface FormatAmountOptions {
  readonly currency: Currency;
  /** Digits after the decimal point (0-20). */
  readonly decimals: number;
  /** How to round to `decimals`: always named, since money is only ever rounded for display. */
  readonly rounding: RoundingMode;
  /** Group thousands with commas (default true). */
  readonly grouping?: boolean;
  /** 'symbol' ($1.50, ¥1.50; the default) or 'code' (1.50 USD). */
  readonly display?: 'symbol' | 'code';
}

/**
 * An amount as text for people, rounded to a chosen number of decimals with a named rounding mode.
 * The amount itself is never changed: rounding happens here, for display only.
 *
 * @example
 * ```ts
 * formatAmount(new Decimal('0.00250'), { currency: 'USD', decimals: 4, rounding: 'half-even' }); // '$0.0025'
 * formatAmount(new Decimal('1234.5'), { currency: 'CNY', decimals: 2, rounding: 'half-up' }); // '¥1,234.50'
 * formatAmount(new Decimal('0.000125'), { currency: 'USD', decimals: 4, rounding: 'up', display: 'code' }); // '0.0002 USD'
 * ```
 */
export function formatAmount(amount: Decimal | string, options: FormatAmountOptions): string {
  const { currency, decimals, rounding } = options;
  if (!(currency in SYMBOL)) throw new InvalidArgumentError('currency', `must be 'USD' or 'CNY', got ${String(currency)}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new InvalidArgumentError('decimals', `must be a whole number from 0 to 20, got ${String(decimals)}`);
  const mode = ROUNDING[rounding];
  if (mode === undefined) throw new InvalidArgumentError('rounding', `must be one of ${Object.keys(ROUNDING).join(', ')}, got ${String(rounding)}`);
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new InvalidArgumentError('amount', `is not a decimal number: '${String(amount)}'`);
  }
  if (!value.isFinite()) throw new InvalidArgumentError('amount', `must be a finite number, got ${value.toString()}`);
  let text = value.toFixed(decimals, mode);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  if (/^0(\.0*)?$/.test(text)) return render(false, text, options);
  if (options.grouping !== false) {
    const [whole = '0', fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return render(negative, text, options);
}

function render(negative: boolean, digits: string, options: FormatAmountOptions): string {
  const sign = negative ? '-' : '';
  return options.display === 'code' ? `${sign}${digits} ${options.currency}` : `${sign}${SYMBOL[options.currency]}${digits}`;
}
