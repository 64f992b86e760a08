import type { PromptPart, PromptPiece } from './promptPiece.ts';

const DSML = '｜DSML｜';
const MARKERS = /(｜DSML｜|<think>|<\/think>|<｜[^｜<>]+｜>)/;

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

  /**
   * Template text that contains special tokens (`｜DSML｜`, `<think>`, `</think>`, `<｜tool▁sep｜>`,
   * …): each is a single added token (recorded usage: one token each, not the several of their
   * characters), so they are split out here and never reach a text counter (the fast estimate
   * would count their characters).
   */
  dsml(part: PromptPart, text: string): this {
    for (const chunk of text.split(MARKERS)) {
      if (MARKERS.test(chunk) && (chunk === DSML || chunk.startsWith('<'))) this.special(chunk, part);
      else this.text(part, chunk);
    }
    return this;
  }

  /** A part whose text DeepSeek does not publish: its token count, fitted to recorded usage. */
  fitted(part: PromptPart, tokens: number, label: string): this {
    if (tokens !== 0) this.pieces.push({ part, text: label, fittedTokens: tokens });
    return this;
  }
}
