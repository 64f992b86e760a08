import { Decimal } from './decimal.ts';
import { InvalidArgumentError } from './errors.ts';

/**
 * One spend against the balances: an exact amount at an instant (epoch milliseconds).
 *
 * @example
 * ```ts
 * import { Decimal, type BalanceSpend } from '@seekcost/pricing';
 * const spend: BalanceSpend = { atMs: Date.parse('2026-09-01T12:00:00Z'), amount: new Decimal('1.98') };
 * ```
 */
export interface BalanceSpend {
  readonly atMs: number;
  readonly amount: Decimal;
}

/**
 * One balance before and after the spends, and the instant it ran out (null while some is left, or
 * when no spend ever reached it).
 *
 * @example
 * ```ts
 * import { Decimal, type BalanceState } from '@seekcost/pricing';
 * const state: BalanceState = { start: new Decimal(2), left: new Decimal(0), runsOutAt: new Date('2026-09-01T12:00:05Z') };
 * ```
 */
export interface BalanceState {
  readonly start: Decimal;
  readonly left: Decimal;
  readonly runsOutAt: Date | null;
}

/**
 * What {@link drawDownBalances} found: the total spent, each balance, and the spend neither covered.
 *
 * @example
 * ```ts
 * import type { BalanceDrawdown } from '@seekcost/pricing';
 * const uncovered = (d: BalanceDrawdown) => d.uncovered.toString();
 * ```
 */
export interface BalanceDrawdown {
  readonly spent: Decimal;
  readonly granted: BalanceState;
  readonly toppedUp: BalanceState;
  /** Spend beyond both balances (DeepSeek would have refused those requests). */
  readonly uncovered: Decimal;
}

/**
 * DeepSeek's deduction rule over spends in time order: each spend is taken from the granted (free)
 * balance first, and only what that cannot cover from the topped-up (paid) balance; says when each
 * runs out (the instant of the spend that empties it) and what neither covers. Spends at the same
 * instant are taken in the order given. Exact: amounts are Decimals, never floats.
 *
 * @example
 * ```ts
 * import { Decimal, drawDownBalances } from '@seekcost/pricing';
 * const spend = (iso: string, amount: string) => ({ atMs: Date.parse(iso), amount: new Decimal(amount) });
 * const d = drawDownBalances([spend('2026-09-01T12:00:10Z', '1.98'), spend('2026-09-01T12:00:00Z', '1.98')], { granted: '2', toppedUp: '5' });
 * d.granted.runsOutAt?.toISOString(); // => '2026-09-01T12:00:10.000Z'
 * d.granted.left.toString(); // => '0'
 * d.toppedUp.left.toString(); // => '3.04'
 * d.uncovered.toString(); // => '0'
 * ```
 */
export function drawDownBalances(
  spends: Iterable<BalanceSpend>,
  balances: { readonly granted: Decimal | string; readonly toppedUp: Decimal | string },
): BalanceDrawdown {
  const granted = balanceOf(balances.granted, 'granted');
  const toppedUp = balanceOf(balances.toppedUp, 'toppedUp');
  const ordered = [...spends];
  ordered.forEach((spend, i) => {
    if (!Number.isFinite(spend.atMs)) throw new InvalidArgumentError(`spends[${i}].atMs`, `must be epoch milliseconds, got ${String(spend.atMs)}`);
    if (!Decimal.isDecimal(spend.amount) || !spend.amount.isFinite() || spend.amount.isNegative()) {
      throw new InvalidArgumentError(`spends[${i}].amount`, `must be a non-negative Decimal, got ${String(spend.amount)}`);
    }
  });
  // Array#sort is stable: spends at the same instant keep their order.
  ordered.sort((a, b) => a.atMs - b.atMs);
  let grantedLeft = granted;
  let toppedLeft = toppedUp;
  let spent = new Decimal(0);
  let uncovered = new Decimal(0);
  let grantedOut: Date | null = null;
  let toppedOut: Date | null = null;
  for (const { atMs, amount } of ordered) {
    spent = spent.plus(amount);
    const fromGranted = Decimal.min(amount, grantedLeft);
    grantedLeft = grantedLeft.minus(fromGranted);
    let rest = amount.minus(fromGranted);
    if (grantedLeft.isZero() && grantedOut === null && !amount.isZero()) grantedOut = new Date(atMs);
    const fromTopped = Decimal.min(rest, toppedLeft);
    toppedLeft = toppedLeft.minus(fromTopped);
    rest = rest.minus(fromTopped);
    if (toppedLeft.isZero() && toppedOut === null && (!fromTopped.isZero() || !rest.isZero())) toppedOut = new Date(atMs);
    uncovered = uncovered.plus(rest);
  }
  return {
    spent,
    granted: { start: granted, left: grantedLeft, runsOutAt: grantedOut },
    toppedUp: { start: toppedUp, left: toppedLeft, runsOutAt: toppedOut },
    uncovered,
  };
}

function balanceOf(value: Decimal | string, field: string): Decimal {
  if (typeof value === 'string') {
    if (!/^(0|[1-9]\d*|0?)(\.\d+)?$/.test(value) || value === '' || value === '.')
      throw new InvalidArgumentError(field, `must be a non-negative amount like "10" or "2.50", got '${value}'`);
    return new Decimal(value);
  }
  if (!Decimal.isDecimal(value) || !value.isFinite() || value.isNegative())
    throw new InvalidArgumentError(field, `must be a non-negative Decimal, got ${String(value)}`);
  return value;
}
