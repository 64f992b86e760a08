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
