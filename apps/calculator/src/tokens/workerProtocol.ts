import type { PartCount, PromptPart } from '@seekcost/tokenizer-estimate';

/**
 * A chat request body's predicted prompt tokens with the library's per-part breakdown: each part's
 * tokens and whether that count is exact or estimated (a fitted constant, an image bound).
 *
 * @example
 * ```ts
 * const prediction: PromptPrediction = {
 *   tokens: 21,
 *   templateKnown: true,
 *   parts: {
 *     content: { tokens: 16, exact: true },
 *     template: { tokens: 5, exact: true },
 *     tools: { tokens: 0, exact: true },
 *     responseFormat: { tokens: 0, exact: true },
 *     images: { tokens: 0, exact: true },
 *   },
 *   imageTokensMax: 384,
 * };
 * ```
 */
export interface PromptPrediction {
  readonly tokens: number;
  readonly templateKnown: boolean;
  readonly parts: Readonly<Record<PromptPart, PartCount>>;
  /**
   * The library's IMAGE_TOKENS_MAX, sent by the worker: importing it on the page would pull ~2 KB
   * gzipped of the predictor's entry into first-load JavaScript.
   */
  readonly imageTokensMax: number;
}

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
 * { id: 7, ok: true, kind: 'count', tokens: 4, method: 'exact' }
 * ```
 */
export type TokenAnswer =
  | { readonly id: number; readonly ok: true; readonly kind: 'count'; readonly tokens: number; readonly method: string }
  | { readonly id: number; readonly ok: true; readonly kind: 'prompt'; readonly method: string; readonly prediction: PromptPrediction }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string; readonly path?: string };
