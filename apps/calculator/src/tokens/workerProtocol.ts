/**
 * A job for the token worker: count a prompt exactly, or predict a chat request body's prompt tokens.
 *
 * @example
 * ```ts
 * { id: 7, kind: 'count', text: 'Hello, world!' }
 * ```
 */
export type TokenJob =
  | { readonly id: number; readonly kind: 'count'; readonly text: string }
  | { readonly id: number; readonly kind: 'prompt'; readonly body: unknown; readonly at: number };

/**
 * The worker's answer to a job, matched by id.
 *
 * @example
 * ```ts
 * { id: 7, ok: true, tokens: 4, method: 'exact' }
 * ```
 */
export type TokenAnswer =
  | { readonly id: number; readonly ok: true; readonly tokens: number; readonly method: string }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string; readonly path?: string };
