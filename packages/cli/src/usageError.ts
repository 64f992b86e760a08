/**
 * A bad command line (an option's value out of range, a missing argument): exits with code 2 and
 * the message, never a stack trace.
 *
 * @example
 * ```ts
 * const error = new UsageError("--cache-hit: must be a count or a percentage like 40%, got 'lots'");
 * [error.name, error.message]; // => ['UsageError', "--cache-hit: must be a count or a percentage like 40%, got 'lots'"]
 * ```
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
