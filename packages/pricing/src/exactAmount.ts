import { Decimal } from './decimal.ts';

/**
 * tokens x rate-units summed exactly, as a Decimal in currency: rates are integers in units of
 * 10^-scale currency per 1M tokens, so the sum is an integer in 10^-(scale+6) currency. Plain
 * numbers while every product and the sum stay below 2^53 (the common case), BigInt beyond.
 *
 * @example
 * ```ts
 * // 6000 tokens at 0.27/M + 800 at 1.10/M, prices at scale 2 (27, 110):
 * exactAmount([6000, 800], [27, 110], 2).toString(); // => '0.0025'
 * ```
 */
export function exactAmount(tokens: readonly number[], units: readonly number[], scale: number): Decimal {
  let sum = 0;
  let safe = true;
  for (let i = 0; i < tokens.length; i++) {
    const product = (tokens[i] as number) * (units[i] as number);
    sum += product;
    if (product > Number.MAX_SAFE_INTEGER || sum > Number.MAX_SAFE_INTEGER) {
      safe = false;
      break;
    }
  }
  if (safe) return fromScaledInteger(String(sum), scale + 6);
  let big = 0n;
  for (let i = 0; i < tokens.length; i++) big += BigInt(tokens[i] as number) * BigInt(units[i] as number);
  return fromScaledInteger(big.toString(), scale + 6);
}

/**
 * A Decimal from an integer string and a power of ten to divide by, exactly (no division performed).
 *
 * @example
 * ```ts
 * fromScaledInteger('25', 4).toString(); // => '0.0025'
 * ```
 */
export function fromScaledInteger(integer: string, exponent: number): Decimal {
  return new Decimal(`${integer}e-${exponent}`);
}
