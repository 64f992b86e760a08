/**
 * Tokens billed per image part, at most: reports citing DeepSeek's vision guide say an image costs
 * at most 384 input tokens (secondary; the guide itself is not among the copies this project
 * read, and no recorded call carries an image). Image parts are estimated at this upper bound, so
 * an estimate with images errs high by up to 384 tokens per image; the breakdown reports them
 * apart, never as exact.
 *
 * @example
 * ```ts
 * import { IMAGE_TOKENS_MAX } from '@seekcost/tokenizer-estimate';
 * // The most two images can add to an estimate:
 * IMAGE_TOKENS_MAX * 2; // => 768
 * ```
 */
export const IMAGE_TOKENS_MAX = 384;
