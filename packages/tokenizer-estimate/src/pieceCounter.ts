/**
 * Counts a text given in pieces that were cut where the count adds up (see createTokenTally): each
 * method keeps what adds up (exact tokens, fast features, heuristic tenths) and rounds in `total`.
 *
 * @example
 * ```ts
 * const counter: PieceCounter = createFastPieceCounter();
 * counter.add('Hello\n');
 * counter.total();
 * ```
 */
export interface PieceCounter {
  add(piece: string): void;
  total(): number;
}
