const LIMIT = /^(?:MAXIMUM:|最大)?\s*(\d+)\s*([KM])$/i;

/**
 * A context or output limit as the page prints it (`1M`, `MAXIMUM: 384K`, `最大 384K`) in tokens.
 * DeepSeek's K is 1024 tokens and M is 1024 K (the data states 1M as 1048576); anything else is
 * undefined.
 *
 * @example
 * ```ts
 * import { parseTokenLimit } from '@seekcost/pricing';
 * parseTokenLimit('1M'); // => 1048576
 * parseTokenLimit('MAXIMUM: 384K'); // => 393216
 * parseTokenLimit('lots'); // => undefined
 * ```
 */
export function parseTokenLimit(cell: string): number | undefined {
  const match = LIMIT.exec(cell.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return Number(match[1]) * (match[2].toUpperCase() === 'K' ? 1024 : 1024 * 1024);
}
