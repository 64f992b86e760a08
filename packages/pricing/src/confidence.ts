import type { Confidence } from './schema/tariffSchema.ts';

const RANK: Readonly<Record<Confidence, number>> = { official: 2, secondary: 1, unconfirmed: 0 };

/**
 * The weaker of two confidences: a quote is only as sure as the least sure fact it rests on.
 *
 * @example
 * ```ts
 * weakerConfidence('official', 'secondary'); // => 'secondary'
 * weakerConfidence('official', undefined); // => 'official'
 * ```
 */
export function weakerConfidence(a: Confidence, b: Confidence | undefined): Confidence {
  if (b === undefined) return a;
  return RANK[b] < RANK[a] ? b : a;
}
