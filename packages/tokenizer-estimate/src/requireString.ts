import { InvalidTypeError } from './errors.ts';

/**
 * Throws an {@link InvalidTypeError} naming `path` unless `value` is a string. The one check behind
 * every entry's `countFastTokens`, so the main entry and `@seekcost/tokenizer-estimate/fast` keep
 * one contract.
 *
 * @example
 * ```ts
 * requireString('hi', 'text'); // passes
 * requireString(123, 'text'); // throws InvalidTypeError: "text: expected a string, got number 123"
 * ```
 */
export function requireString(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') throw new InvalidTypeError(path, 'a string', value);
}
