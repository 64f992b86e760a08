import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount, InvalidArgumentError } from '../src/index.ts';

describe('formatAmount', () => {
  it.each([
    ['0.0025', 'USD', 4, 'half-even', '$0.0025'],
    ['0.00125', 'USD', 4, 'half-even', '$0.0012'],
    ['0.00135', 'USD', 4, 'half-even', '$0.0014'],
    ['0.00125', 'USD', 4, 'half-up', '$0.0013'],
    ['0.00125', 'USD', 4, 'half-down', '$0.0012'],
    ['0.00121', 'USD', 4, 'up', '$0.0013'],
    ['0.00129', 'USD', 4, 'down', '$0.0012'],
    ['-0.00121', 'USD', 4, 'ceil', '-$0.0012'],
    ['-0.00121', 'USD', 4, 'floor', '-$0.0013'],
    ['1234567.5', 'CNY', 2, 'half-up', '¥1,234,567.50'],
    ['0.0000001', 'USD', 2, 'half-even', '$0.00'],
    ['-0.0000001', 'USD', 2, 'half-even', '$0.00'],
  ] as const)('%s %s to %i decimals, %s -> %s', (amount, currency, decimals, rounding, expected) => {
    expect(formatAmount(new Decimal(amount), { currency, decimals, rounding })).toBe(expected);
  });

  it('can show the currency code and skip grouping', () => {
    expect(formatAmount('1234.5', { currency: 'USD', decimals: 1, rounding: 'half-even', display: 'code', grouping: false })).toBe('1234.5 USD');
  });

  it('never changes the amount it formats', () => {
    const amount = new Decimal('0.00125');
    formatAmount(amount, { currency: 'USD', decimals: 2, rounding: 'up' });
    expect(amount.toString()).toBe('0.00125');
  });

  it.each([
    [{ currency: 'EUR', decimals: 2, rounding: 'half-even' }, 'currency'],
    [{ currency: 'USD', decimals: 2.5, rounding: 'half-even' }, 'decimals'],
    [{ currency: 'USD', decimals: -1, rounding: 'half-even' }, 'decimals'],
    [{ currency: 'USD', decimals: 2, rounding: 'bankers' }, 'rounding'],
  ])('rejects %j naming %s', (options, field) => {
    expect(() => formatAmount('1', options as never)).toThrow(InvalidArgumentError);
    try {
      formatAmount('1', options as never);
    } catch (error) {
      expect((error as InvalidArgumentError).field).toBe(field);
    }
  });

  it('rejects a non-number amount', () => {
    expect(() => formatAmount('abc', { currency: 'USD', decimals: 2, rounding: 'half-even' })).toThrow(/amount: is not a decimal number/);
  });
});

describe('formatAmount: only its own names are looked up (issue 8, "Smaller")', () => {
  const ok = { currency: 'USD', decimals: 2, rounding: 'half-even' } as const;
  it.each([
    [{ ...ok, currency: 'toString' }, 'currency', `currency: must be 'USD' or 'CNY', got "toString"`],
    [{ ...ok, currency: '__proto__' }, 'currency', `currency: must be 'USD' or 'CNY', got "__proto__"`],
    [{ ...ok, currency: 'constructor' }, 'currency', `currency: must be 'USD' or 'CNY', got "constructor"`],
    [{ ...ok, currency: Object.create(null) }, 'currency', "currency: must be 'USD' or 'CNY', got an object"],
    [{ ...ok, rounding: 'toString' }, 'rounding', 'rounding: must be one of up, down, ceil, floor, half-up, half-down, half-even, got "toString"'],
    [{ ...ok, rounding: 'hasOwnProperty' }, 'rounding', 'got "hasOwnProperty"'],
    [{ ...ok, decimals: Object.create(null) }, 'decimals', 'decimals: must be a whole number from 0 to 20, got an object'],
    [{ ...ok, display: 'toString' }, 'display', `display: must be 'symbol' or 'code', got "toString"`],
    [{ ...ok, grouping: 'no' }, 'grouping', 'grouping: must be true or false, got "no"'],
  ])('refuses %o naming %s', (options, field, message) => {
    expect(() => formatAmount('1.5', options as never)).toThrow(message);
    try {
      formatAmount('1.5', options as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).field).toBe(field);
    }
  });

  it.each([
    [1.5, 'amount: must be a Decimal or a decimal string, got 1.5'],
    [Object.create(null), 'amount: must be a Decimal or a decimal string, got an object'],
    ['toString', 'amount: is not a decimal number: "toString"'],
    ['NaN', 'amount: must be a finite number, got NaN'],
    ['1e40', 'amount: is too large to show (at least 1e40), got 1.000e+40'],
    ['1e100000000', 'amount: is too large to show'],
  ])('refuses the amount %s', (amount, message) => {
    expect(() => formatAmount(amount as never, ok)).toThrow(message);
  });

  it('still formats the largest amount it shows, and a Decimal from another decimal.js copy', async () => {
    expect(formatAmount('9999999999999999999999999999999999999999.994', ok)).toBe('$9,999,999,999,999,999,999,999,999,999,999,999,999,999.99');
    const { default: OtherDecimal } = await import('decimal.js');
    expect(formatAmount(new OtherDecimal('1234.565') as never, ok)).toBe('$1,234.56');
  });
});
