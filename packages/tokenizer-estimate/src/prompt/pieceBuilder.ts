import type { PromptPart, PromptPiece } from './promptPiece.ts';

/**
 * Collects the pieces of a prompt as a template renders it.
 *
 * @example
 * ```ts
 * const out = new PieceBuilder();
 * out.special('<｜User｜>').text('content', 'Hi');
 * out.pieces.length; // 2
 * ```
 */
export class PieceBuilder {
  readonly pieces: PromptPiece[] = [];

  /** A special token (one token), counted in `part` ('template' unless said otherwise). */
  special(text: string, part: PromptPart = 'template'): this {
    this.pieces.push({ part, text, special: true });
    return this;
  }

  /** Ordinary text, tokenized together with the text around it. */
  text(part: PromptPart, text: string): this {
    if (text !== '') this.pieces.push({ part, text });
    return this;
  }

  /** A part whose text DeepSeek does not publish: its token count, fitted to recorded usage. */
  fitted(part: PromptPart, tokens: number, label: string): this {
    if (tokens !== 0) this.pieces.push({ part, text: label, fittedTokens: tokens });
    return this;
  }
}
