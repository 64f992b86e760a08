// The base class is pricing's SeekcostError, taken from the import-free `@seekcost/pricing/errors`
// subpath: one base class for every seekcost package (the CLI tests `instanceof SeekcostError` once,
// no duck typing), while a browser bundle of this package pulls in that one small module only.
import { SeekcostError } from '@seekcost/pricing/errors';

/**
 * Machine-readable reason of a {@link TokenizerEstimateError}.
 *
 * @example
 * ```ts
 * if (error instanceof TokenizerEstimateError && error.code === 'UNKNOWN_ROLE') console.log(error.path);
 * ```
 */
export type TokenizerEstimateErrorCode =
  | 'INVALID_TYPE'
  | 'MALFORMED_BODY'
  | 'UNKNOWN_ROLE'
  | 'INVALID_OPTION'
  | 'EXACT_TOKENIZER_NOT_LOADED'
  | 'FAST_TOKENIZER_NOT_LOADED'
  | 'UNCUTTABLE_TEXT';

/**
 * Base class of every error this package throws: a {@link SeekcostError} (the base class of every
 * seekcost package) with a `code` and the `path` of the offending field (e.g.
 * `messages[2].content`; `''` for the argument itself), also readable as `field` like the pricing
 * package's errors.
 *
 * @example
 * ```ts
 * let caught: unknown;
 * try {
 *   estimatePromptTokens({ messages: [{ role: 'robot', content: 'hi' }] });
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof TokenizerEstimateError; // => true
 * const { code, path } = caught as TokenizerEstimateError;
 * [code, path]; // => ['UNKNOWN_ROLE', 'messages[0].role']
 * ```
 */
export class TokenizerEstimateError extends SeekcostError {
  declare readonly code: TokenizerEstimateErrorCode;
  readonly path: string;

  constructor(code: TokenizerEstimateErrorCode, path: string, message: string) {
    super(code, path === '' ? message : `${path}: ${message}`);
    this.path = path;
  }

  /** The offending field's path, the name pricing's errors use for it (same value as `path`). */
  get field(): string {
    return this.path;
  }
}

/**
 * A value has the wrong type (e.g. a number where text is required).
 *
 * @example
 * ```ts
 * countTokens(42 as unknown as string); // throws InvalidTypeError, code 'INVALID_TYPE', path 'text'
 * ```
 */
export class InvalidTypeError extends TokenizerEstimateError {
  constructor(path: string, expected: string, actual: unknown) {
    super('INVALID_TYPE', path, `expected ${expected}, got ${describe(actual)}`);
  }
}

/**
 * A chat request body is not shaped like an OpenAI chat completion request.
 *
 * @example
 * ```ts
 * estimatePromptTokens({ model: 'deepseek-chat' }); // throws MalformedBodyError, path 'messages'
 * ```
 */
export class MalformedBodyError extends TokenizerEstimateError {
  constructor(path: string, reason: string) {
    super('MALFORMED_BODY', path, reason);
  }
}

/**
 * A message has a role DeepSeek's chat template does not know.
 *
 * @example
 * ```ts
 * estimatePromptTokens({ messages: [{ role: 'robot', content: 'x' }] }); // throws UnknownRoleError
 * const error = new UnknownRoleError('messages[0].role', 'robot');
 * [error.code, error.path, error.role]; // => ['UNKNOWN_ROLE', 'messages[0].role', 'robot']
 * ```
 */
export class UnknownRoleError extends TokenizerEstimateError {
  readonly role: string;
  constructor(path: string, role: string) {
    super('UNKNOWN_ROLE', path, `unknown role ${JSON.stringify(role)} (expected system, user, assistant or tool)`);
    this.role = role;
  }
}

/**
 * An option has an invalid value (e.g. an unknown counting method or an invalid date).
 *
 * @example
 * ```ts
 * countTokens('hi', { method: 'magic' as 'fast' }); // throws InvalidOptionError, path 'options.method'
 * ```
 */
export class InvalidOptionError extends TokenizerEstimateError {
  constructor(path: string, reason: string) {
    super('INVALID_OPTION', path, reason);
  }
}

/**
 * The exact method was asked for before the exact tokenizer was loaded. Counting never silently
 * degrades to an estimate: await `loadExactTokenizer()` first, or use method 'fast' (after
 * `loadFastTokenizer()`) or 'heuristic'.
 *
 * @example
 * ```ts
 * // countTokens('hi', { method: 'exact' }) throws it until loadExactTokenizer() has resolved:
 * const error = new ExactTokenizerNotLoadedError();
 * [error.code, error.path]; // => ['EXACT_TOKENIZER_NOT_LOADED', 'options.method']
 * error.message.startsWith('options.method: the exact tokenizer is not loaded'); // => true
 * ```
 */
export class ExactTokenizerNotLoadedError extends TokenizerEstimateError {
  constructor() {
    super(
      'EXACT_TOKENIZER_NOT_LOADED',
      'options.method',
      "the exact tokenizer is not loaded: await loadExactTokenizer() first (or use method 'fast' after loadFastTokenizer(), or 'heuristic')",
    );
  }
}

/**
 * The fast method was asked for (explicitly, or as the default because the exact tokenizer is not
 * loaded either) before the fast estimate was loaded. Counting never silently degrades to the
 * heuristic: await `loadFastTokenizer()` (or `loadExactTokenizer()`) first, or pass method
 * 'heuristic' explicitly.
 *
 * @example
 * ```ts
 * // countTokens('hi', { method: 'fast' }) throws it until loadFastTokenizer() has resolved, and so
 * // does countTokens('hi') while neither tokenizer is loaded:
 * const error = new FastTokenizerNotLoadedError();
 * [error.code, error.path]; // => ['FAST_TOKENIZER_NOT_LOADED', 'options.method']
 * error.message.startsWith('options.method: the fast tokenizer is not loaded'); // => true
 * ```
 */
export class FastTokenizerNotLoadedError extends TokenizerEstimateError {
  constructor() {
    super(
      'FAST_TOKENIZER_NOT_LOADED',
      'options.method',
      "the fast tokenizer is not loaded: await loadFastTokenizer() first (or loadExactTokenizer() for exact counts, or use method 'heuristic')",
    );
  }
}

/**
 * A streamed text ran longer than the tally's limit without a place where its count can be cut (a
 * line break followed by a non-space character), so it cannot be counted in bounded memory.
 *
 * @example
 * ```ts
 * import { MAX_UNCUT_UNITS, UncuttableTextError, createTokenTally } from '@seekcost/tokenizer-estimate';
 * const tally = createTokenTally({ method: 'heuristic' });
 * let caught: unknown;
 * try {
 *   tally.add('a'.repeat(MAX_UNCUT_UNITS + 1));
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof UncuttableTextError; // => true
 * (caught as UncuttableTextError).path; // => 'chunk'
 * ```
 */
export class UncuttableTextError extends TokenizerEstimateError {
  readonly limit: number;
  constructor(limit: number) {
    super('UNCUTTABLE_TEXT', 'chunk', `more than ${limit} characters without a line break followed by text: cannot be counted in bounded memory`);
    this.limit = limit;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
}
