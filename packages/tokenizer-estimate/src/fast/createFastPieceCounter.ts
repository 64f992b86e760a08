import type { PieceCounter } from '../pieceCounter.ts';
import { addFastFeatures } from './addFastFeatures.ts';
import { fastEstimateFromFeatures } from './fastEstimateFromFeatures.ts';
import { fastFeatures, type FastFeatures } from './fastFeatures.ts';
import { o200kTokenTable } from './o200kTokenTable.ts';

/**
 * A fast-estimate counter fed piece by piece: it adds up each piece's features and rounds once at
 * the end, so pieces cut where o200k pre-tokens and the bounded runs of
 * src/fast/boundedSegmentEnds.ts both break (after a line break, before a non-space character other
 * than '/') give exactly `countFastTokens` of the whole. `createTokenTally` finds such cuts.
 *
 * @example
 * ```ts
 * import { countFastTokens, createFastPieceCounter } from '@seekcost/tokenizer-estimate/fast';
 * const counter = createFastPieceCounter();
 * counter.add('Hello\n');
 * counter.add('world');
 * counter.total(); // => 3
 * countFastTokens('Hello\nworld'); // => 3
 * ```
 */
export function createFastPieceCounter(): PieceCounter {
  let sum: FastFeatures | undefined;
  return {
    add(piece: string): void {
      if (piece.length === 0) return;
      const features = fastFeatures(piece, o200kTokenTable());
      sum = sum ? addFastFeatures(sum, features) : features;
    },
    total(): number {
      return sum ? fastEstimateFromFeatures(sum) : 0;
    },
  };
}
