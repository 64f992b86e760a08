import type { PromptPart, PromptPiece } from './promptPiece.ts';

/**
 * Token count of one part of the prompt, and whether it is exact (rendered from a published template
 * and counted with the exact tokenizer) or estimated (fitted constants, the fast counter, images).
 *
 * @example
 * ```ts
 * const part: PartCount = { tokens: 12, exact: true };
 * ```
 */
export interface PartCount {
  readonly tokens: number;
  readonly exact: boolean;
}

/**
 * Totals of a rendered prompt: `tokens` counts each run of adjacent text once (so the tokenizer
 * sees what the server sees: a word cut across two pieces is not counted twice), plus one per
 * special token, plus fitted counts. The per-part counts tokenize each piece alone; what
 * joining changes (rarely a token or two) is booked to `template`, so the parts always add up.
 *
 * @example
 * ```ts
 * countPromptPieces([{ part: 'template', text: '<｜User｜>', special: true }, { part: 'content', text: 'Hi' }], (t) => t.length, true);
 * // { tokens: 3, parts: { content: { tokens: 2, exact: true }, template: { tokens: 1, exact: true }, ... } }
 * ```
 */
export function countPromptPieces(
  pieces: readonly PromptPiece[],
  count: (text: string) => number,
  countExact: boolean,
): { readonly tokens: number; readonly parts: Readonly<Record<PromptPart, PartCount>> } {
  const tokens: Record<PromptPart, number> = { content: 0, template: 0, tools: 0, responseFormat: 0, images: 0 };
  const exact: Record<PromptPart, boolean> = { content: countExact, template: countExact, tools: countExact, responseFormat: countExact, images: true };
  let total = 0;
  let run = '';
  const flush = () => {
    if (run !== '') total += count(run);
    run = '';
  };
  for (const piece of pieces) {
    if (piece.fittedTokens !== undefined) {
      flush();
      total += piece.fittedTokens;
      tokens[piece.part] += piece.fittedTokens;
      exact[piece.part] = false;
    } else if (piece.special === true) {
      flush();
      total += 1;
      tokens[piece.part] += 1;
    } else {
      run += piece.text;
      tokens[piece.part] += count(piece.text);
    }
  }
  flush();
  const partsSum = tokens.content + tokens.template + tokens.tools + tokens.responseFormat + tokens.images;
  tokens.template += total - partsSum;
  const parts = Object.fromEntries((Object.keys(tokens) as PromptPart[]).map((part) => [part, { tokens: tokens[part], exact: exact[part] }])) as Record<
    PromptPart,
    PartCount
  >;
  return { tokens: total, parts };
}
