/**
 * A job the token worker could not do, with the typed error's `code` and `path` carried across the
 * worker boundary (structured clone drops an Error's own fields), so the page can word it in its language.
 *
 * @example
 * ```ts
 * new WorkerJobError('messages: missing (a chat request needs a messages array)', 'MALFORMED_BODY', 'messages').code; // 'MALFORMED_BODY'
 * ```
 */
export class WorkerJobError extends Error {
  readonly code: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, code?: string, path?: string) {
    super(message);
    this.name = 'WorkerJobError';
    this.code = code;
    this.path = path;
  }
}
