import type { Currency } from '../schema/tariffSchema.ts';

const USD = /^\$\s?(\d+(?:\.\d+)?)$/;
const CNY = /^(\d+(?:\.\d+)?)\s?元$/;

/**
 * A price cell as the page prints it (`$0.0028`, `0.02元`) as currency and exact decimal string;
 * undefined for anything else, so a cell in an unknown format is never read as a number.
 *
 * @example
 * ```ts
 * import { parsePageAmount } from '@seekcost/pricing';
 * parsePageAmount('$0.435'); // => { currency: 'USD', amount: '0.435' }
 * parsePageAmount('4.5元'); // => { currency: 'CNY', amount: '4.5' }
 * parsePageAmount('€1'); // => undefined
 * ```
 */
export function parsePageAmount(cell: string): { readonly currency: Currency; readonly amount: string } | undefined {
  const text = cell.trim();
  const usd = USD.exec(text);
  if (usd?.[1] !== undefined) return { currency: 'USD', amount: usd[1] };
  const cny = CNY.exec(text);
  if (cny?.[1] !== undefined) return { currency: 'CNY', amount: cny[1] };
  return undefined;
}
