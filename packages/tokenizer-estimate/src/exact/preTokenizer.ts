import { CharClass, classifyAstral, createClassTable, fillClassBlock } from './charClasses.ts';

const { ASCII_LETTER, ASCII_PUNCTUATION, CJK, LETTER, LINE_BREAK, MARK, NUMBER, PUNCTUATION, SYMBOL, WHITESPACE } = CharClass;

/**
 * Receives one pre-token as the half-open UTF-16 range [start, end) of the scanned text.
 *
 * @example
 * ```ts
 * const visit: PreTokenVisitor = (start, end) => console.log(text.slice(start, end));
 * ```
 */
export type PreTokenVisitor = (start: number, end: number) => void;

const NOT_OPTIONAL_PREFIX = LINE_BREAK | LETTER | PUNCTUATION | SYMBOL;
const LETTER_OR_MARK = LETTER | MARK;
const PUNCTUATION_OR_SYMBOL = PUNCTUATION | SYMBOL;

/**
 * DeepSeek-V3's pre-tokenizer as a character-class scanner (no regular expression at run time).
 *
 * tokenizer.json chains three "Isolated" splits, each applied to the pieces of the previous one:
 * 1. `\p{N}{1,3}`;
 * 2. `[一-龥぀-ゟ゠-ヿ]+` (U+4E00–U+9FA5, U+3040–U+30FF);
 * 3. `[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+|
 *    ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+` — text no alternative matches is kept as a piece.
 * The scanner reproduces the JavaScript regex semantics (first alternative wins, greedy with
 * backtracking, lookahead bounded by the piece) and is checked against the regex-based reference.
 *
 * @example
 * ```ts
 * const pieces: string[] = [];
 * const text = 'Hello 12345 世界!';
 * new PreTokenizer().forEach(text, 0, text.length, (s, e) => pieces.push(text.slice(s, e)));
 * // pieces: ['Hello', ' ', '123', '45', ' ', '世界', '!']
 * ```
 */
export class PreTokenizer {
  private readonly bmp: Uint16Array;
  private readonly astral = new Map<number, number>();
  /** Width (1 or 2 UTF-16 units) of the code point last read by flagsAt. */
  private width = 1;

  constructor(bmp: Uint16Array = createClassTable()) {
    this.bmp = bmp;
  }

  private flagsAt(text: string, index: number, end: number): number {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) {
      this.width = 1;
      const flags = this.bmp[unit]!;
      return flags !== 0 ? flags : fillClassBlock(this.bmp, unit);
    }
    if (unit <= 0xdbff && index + 1 < end) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.width = 2;
        const codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        let flags = this.astral.get(codePoint);
        if (flags === undefined) {
          flags = classifyAstral(codePoint);
          this.astral.set(codePoint, flags);
        }
        return flags;
      }
    }
    this.width = 1;
    return 0; // a lone surrogate is \p{Cs}: in no class
  }

  /**
   * Calls `visit` for every pre-token of text[start, end), in order; the pieces tile the range.
   *
   * @example
   * ```ts
   * const ranges: [number, number][] = [];
   * new PreTokenizer().forEach('a  b', 0, 4, (s, e) => ranges.push([s, e]));
   * // ranges: [[0, 1], [1, 2], [2, 4]]  ('a', ' ', ' b')
   * ```
   */
  forEach(text: string, start: number, end: number, visit: PreTokenVisitor): void {
    let index = start;
    while (index < end) {
      const flags = this.flagsAt(text, index, end);
      let next = index + this.width;
      if (flags & NUMBER) {
        for (let digits = 1; digits < 3 && next < end; digits++) {
          if (!(this.flagsAt(text, next, end) & NUMBER)) break;
          next += this.width;
        }
        visit(index, next); // a digit group matches no stage-3 alternative: it stays whole
      } else {
        if (flags & CJK) {
          while (next < end) {
            const f = this.flagsAt(text, next, end);
            if (!(f & CJK) || f & NUMBER) break;
            next += this.width;
          }
        } else {
          while (next < end && !(this.flagsAt(text, next, end) & (CJK | NUMBER))) next += this.width;
        }
        this.splitWords(text, index, next, visit);
      }
      index = next;
    }
  }

  /** Stage 3 on one piece [start, end) that holds no digit and is either all-CJK or CJK-free. */
  private splitWords(text: string, start: number, end: number, visit: PreTokenVisitor): void {
    const bmp = this.bmp;
    let position = start;
    let gapStart = -1;
    while (position < end) {
      const unit = text.charCodeAt(position);
      const flags = this.flagsAt(text, position, end);
      const afterFirst = position + this.width;
      let matchEnd = -1;

      // [ASCII punctuation][A-Za-z]+
      if (flags & ASCII_PUNCTUATION && afterFirst < end && bmp[text.charCodeAt(afterFirst)]! & ASCII_LETTER) {
        matchEnd = afterFirst + 1;
        while (matchEnd < end && bmp[text.charCodeAt(matchEnd)]! & ASCII_LETTER) matchEnd++;
      }
      // [^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+
      if (matchEnd < 0) {
        if (!(flags & NOT_OPTIONAL_PREFIX) && afterFirst < end && this.flagsAt(text, afterFirst, end) & LETTER_OR_MARK) {
          matchEnd = this.skipLettersAndMarks(text, afterFirst + this.width, end);
        } else if (flags & LETTER_OR_MARK) {
          matchEnd = this.skipLettersAndMarks(text, afterFirst, end);
        }
      }
      // ' ?[\p{P}\p{S}]+[\r\n]*'
      if (matchEnd < 0) {
        let symbolsStart = -1;
        if (flags & PUNCTUATION_OR_SYMBOL) symbolsStart = position;
        else if (unit === 0x20 && afterFirst < end && this.flagsAt(text, afterFirst, end) & PUNCTUATION_OR_SYMBOL) {
          symbolsStart = afterFirst;
        }
        if (symbolsStart >= 0) {
          matchEnd = symbolsStart;
          while (matchEnd < end && this.flagsAt(text, matchEnd, end) & PUNCTUATION_OR_SYMBOL) matchEnd += this.width;
          while (matchEnd < end) {
            const c = text.charCodeAt(matchEnd);
            if (c !== 0x0a && c !== 0x0d) break;
            matchEnd++;
          }
        }
      }
      // \s*[\r\n]+ | \s+(?!\S) | \s+   (every whitespace code point is one UTF-16 unit)
      if (matchEnd < 0 && flags & WHITESPACE) {
        let lastLineBreak = flags & LINE_BREAK ? position : -1;
        let runEnd = position + 1;
        while (runEnd < end) {
          const f = bmp[text.charCodeAt(runEnd)]!;
          if (!(f & WHITESPACE)) break;
          if (f & LINE_BREAK) lastLineBreak = runEnd;
          runEnd++;
        }
        if (lastLineBreak >= 0) matchEnd = lastLineBreak + 1;
        else if (runEnd === end || runEnd - position === 1) matchEnd = runEnd;
        else matchEnd = runEnd - 1; // leave one space to prefix the next word
      }

      if (matchEnd < 0) {
        if (gapStart < 0) gapStart = position;
        position = afterFirst;
        continue;
      }
      if (gapStart >= 0) {
        visit(gapStart, position);
        gapStart = -1;
      }
      visit(position, matchEnd);
      position = matchEnd;
    }
    if (gapStart >= 0) visit(gapStart, end);
  }

  private skipLettersAndMarks(text: string, from: number, end: number): number {
    let position = from;
    while (position < end && this.flagsAt(text, position, end) & LETTER_OR_MARK) position += this.width;
    return position;
  }
}
