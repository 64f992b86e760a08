import { FastTokenizerNotLoadedError, UncuttableTextError } from './errors.ts';
import { loadedFastPieceCounter } from './fastState.ts';
import { heuristicTenths } from './heuristic/heuristicTenths.ts';
import { requireCountMethod, type CountTokensOptions } from './countTokens.ts';
import type { PieceCounter } from './pieceCounter.ts';
import { requireString } from './requireString.ts';
import { textCounter } from './textCounter.ts';

/**
 * A running token count of a text that arrives in chunks (a file streamed from disk): `add` each
 * chunk, cut anywhere; `total` is exactly `countTokens(chunks.join(''), options)`.
 *
 * @example
 * ```ts
 * const tally: TokenTally = createTokenTally({ method: 'heuristic' });
 * ```
 */
export interface TokenTally {
  /** Appends a chunk of the text (any cut, even inside a surrogate pair). */
  add(chunk: string): void;
  /** The count of everything added so far. */
  total(): number;
}

// Counted pieces are cut only after a line break that is followed by a character other than
// whitespace or '/'. Both pre-tokenizers always break there: DeepSeek-V3's (a line-break run ends
// every whitespace match, no alternative starts with a line break, and no added token holds
// whitespace) and o200k's (whose punctuation tail `[\r\n/]*` is the only one to run on past a line
// break), and the fast method's bounded runs all restart. So exact tokens, fast features and
// heuristic tenths of the pieces add up to those of the whole. Pieces are counted once the buffer
// holds FLUSH_UNITS, so memory stays bounded for text with line breaks.
const FLUSH_UNITS = 1 << 20;

/**
 * Most UTF-16 units a {@link TokenTally} holds while waiting for a place to cut (64 Mi, 128 MiB of
 * string): past it `add` throws {@link UncuttableTextError} instead of growing towards the
 * engine's string limit (about 512 Mi units in V8), where it would fail with a bare RangeError.
 *
 * @example
 * ```ts
 * import { MAX_UNCUT_UNITS } from '@seekcost/tokenizer-estimate';
 * MAX_UNCUT_UNITS; // => 67108864
 * ```
 */
export const MAX_UNCUT_UNITS = 64 * 1024 * 1024;

/**
 * A {@link TokenTally} for `options.method` (default as in `countTokens`: 'exact' when loaded, else
 * 'fast' when loaded, else a FastTokenizerNotLoadedError). Memory: about 1 MiB of text plus the
 * longest stretch without a line break followed by a non-space character, which is held until such
 * a break or `total()` comes.
 *
 * @example
 * ```ts
 * import { createTokenTally, countTokens } from '@seekcost/tokenizer-estimate';
 * const tally = createTokenTally({ method: 'heuristic' });
 * tally.add('Hello, ');
 * tally.add('world!\n你好');
 * tally.total(); // => 6
 * countTokens('Hello, world!\n你好', { method: 'heuristic' }); // => 6
 * ```
 */
export function createTokenTally(options?: CountTokensOptions): TokenTally {
  return createTokenTallyFlushingAt(options, FLUSH_UNITS);
}

/**
 * {@link createTokenTally} with the buffer size at which pieces are counted as a parameter, so tests
 * make it cut often on short texts. Not exported from the package.
 *
 * @example
 * ```ts
 * const tally = createTokenTallyFlushingAt({ method: 'exact' }, 4);
 * ```
 */
export function createTokenTallyFlushingAt(options: CountTokensOptions | undefined, flushUnits: number): TokenTally {
  const counter = pieceCounter(options?.method);
  // Pending text as parts, not one growing string: V8 would re-flatten a concatenated string on
  // every search, which is quadratic on a long stretch without a cut.
  let parts: string[] = [];
  let units = 0;
  let previousUnit = '';
  let cutPart = -1;
  let cutIndex = 0;
  const push = (part: string): void => {
    const cut = lastSafeCut(part, previousUnit);
    if (cut >= 0) {
      cutPart = parts.length;
      cutIndex = cut;
    }
    parts.push(part);
    units += part.length;
    previousUnit = part.charAt(part.length - 1);
    if (units >= flushUnits && cutPart >= 0) {
      const last = parts[cutPart]!;
      counter.add(parts.slice(0, cutPart).join('') + last.slice(0, cutIndex));
      parts = [last.slice(cutIndex), ...parts.slice(cutPart + 1)];
      units = parts.reduce((sum, p) => sum + p.length, 0);
      cutPart = -1;
    }
    if (units > MAX_UNCUT_UNITS) throw new UncuttableTextError(MAX_UNCUT_UNITS);
  };
  return {
    add(chunk: string): void {
      requireString(chunk, 'chunk');
      for (let start = 0; start < chunk.length; start += flushUnits) push(chunk.length <= flushUnits ? chunk : chunk.slice(start, start + flushUnits));
    },
    total(): number {
      counter.add(parts.join(''));
      parts = [];
      units = 0;
      cutPart = -1;
      return counter.total();
    },
  };
}

/**
 * The last index i of `part` where a piece may end before part[i]: the unit before i (`previous`
 * for i = 0) is a line feed and part[i] is neither whitespace nor '/'; -1 when there is none.
 */
function lastSafeCut(part: string, previous: string): number {
  let best = previous === '\n' && isCutStart(part.charAt(0)) ? 0 : -1;
  for (let newline = part.indexOf('\n'); newline >= 0 && newline + 1 < part.length; newline = part.indexOf('\n', newline + 1)) {
    if (isCutStart(part.charAt(newline + 1))) best = newline + 1;
  }
  return best;
}

function isCutStart(unit: string): boolean {
  return unit !== '' && unit !== '/' && !/\s/.test(unit);
}

// The method as countTokens chooses it (textCounter: the default, and the typed not-loaded errors).
function pieceCounter(method: unknown): PieceCounter {
  requireCountMethod(method);
  if (method === 'heuristic') {
    let tenths = 0;
    return { add: (piece) => void (tenths += heuristicTenths(piece)), total: () => Math.ceil(tenths / 10) };
  }
  const text = textCounter(method);
  if (text.method === 'exact') {
    let tokens = 0;
    return { add: (piece) => void (tokens += text.count(piece)), total: () => tokens };
  }
  const create = loadedFastPieceCounter();
  if (!create) throw new FastTokenizerNotLoadedError();
  return create();
}
