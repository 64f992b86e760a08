import { InvalidOptionError } from '../errors.ts';
import type { NormalizedChatBody } from './chatBody.ts';

/**
 * DeepSeek chat-template generations, as visible in `usage.prompt_tokens`:
 * - `'v3'`: DeepSeek-V3 / R1 (deepseek-chat, deepseek-reasoner before 2025-08-21): no think tokens
 *   in history; R1's generation prompt adds the text `<think>\n`.
 * - `'v3.1'`: V3.1 / V3.1-Terminus (aliases from 2025-08-21): `<think>` / `</think>` are single
 *   special tokens and every assistant turn carries one.
 * - `'v3.2'`: V3.2-Exp / V3.2 (aliases from 2025-09-29): V3.2's encoder (DSML tool calls,
 *   `<function_results>`).
 * - `'v4'`: deepseek-v4-flash / -pro and the aliases routed to them from 2026-04-24; the same markers,
 *   plus, from the V4-0731 model version on, a fixed reasoning-effort preamble in thinking mode.
 * - `'v4.1'`: deepseek-flash (and the deepseek-v4-flash ids it serves) from 2026-09-10 04:00 UTC,
 *   DeepSeek-V4.1-Flash: a `<｜System｜>` token, a numeric effort line, renamed DSML tags; images.
 *   deepseek-v4-pro stays 'v4'.
 *
 * @example
 * ```ts
 * estimatePromptTokens(body, { era: 'v3.1' }); // pin the era instead of deriving it from model and date
 * ```
 */
export type TemplateEra = 'v3' | 'v3.1' | 'v3.2' | 'v4' | 'v4.1';

/**
 * Template switch dates (ms since the epoch, UTC): 2025-08-21, deepseek-chat / -reasoner become
 * V3.1; 2025-09-29, V3.2-Exp; 2026-04-24, they route to deepseek-v4-flash; 2026-07-31, V4's
 * thinking mode gains a reasoning-effort preamble (the V4-0731 model version; absent in recorded
 * calls up to 2026-07-08, present from 2026-08-13); 2026-09-10 04:00, V4.1-Flash serves
 * deepseek-flash and deepseek-v4-flash (the instant is secondary: see pricing-facts).
 *
 * @example
 * ```ts
 * new Date(TEMPLATE_SWITCHES.v3_1).toISOString(); // => '2025-08-21T00:00:00.000Z'
 * ```
 */
export const TEMPLATE_SWITCHES = {
  v3_1: Date.UTC(2025, 7, 21),
  v3_2: Date.UTC(2025, 8, 29),
  v4: Date.UTC(2026, 3, 24),
  v4EffortPreamble: Date.UTC(2026, 6, 31),
  v4_1: Date.UTC(2026, 8, 10, 4),
} as const;

/**
 * The template a request is rendered with.
 *
 * @example
 * ```ts
 * const template: ResolvedTemplate = { era: 'v4', thinking: true, at: Date.UTC(2026, 7, 13) };
 * ```
 */
export interface ResolvedTemplate {
  readonly era: TemplateEra;
  readonly thinking: boolean;
  /** Request time in milliseconds since the epoch. */
  readonly at: number;
}

/**
 * Options that pin the template instead of deriving it from the model id and the date.
 *
 * @example
 * ```ts
 * const options: TemplateOptions = { at: new Date('2025-12-30T21:41:31Z') }; // or { era: 'v3.1', thinking: false }
 * ```
 */
export interface TemplateOptions {
  /** When the request is (or was) sent: a Date or milliseconds since the epoch. Default: now. */
  readonly at?: Date | number;
  /** Force a template era instead of deriving it from the model id and `at`. */
  readonly era?: TemplateEra;
  /** Force thinking mode on or off instead of deriving it from the body and model. */
  readonly thinking?: boolean;
}

const ERAS: readonly TemplateEra[] = ['v3', 'v3.1', 'v3.2', 'v4', 'v4.1'];

function isV4Model(model: string): boolean {
  return /^deepseek-(v4|flash|pro)/.test(model);
}

/**
 * Derives the template era and thinking mode of a request from its model id, its `thinking` /
 * `reasoning_effort` fields and its date; explicit options win.
 *
 * @example
 * ```ts
 * resolveTemplate(normalizeChatBody({ model: 'deepseek-chat', messages: [] }), { at: new Date('2025-06-01') });
 * // => { era: 'v3', thinking: false, at: 1748736000000 }
 * ```
 */
export function resolveTemplate(body: NormalizedChatBody, options: TemplateOptions = {}): ResolvedTemplate {
  const rawAt = options.at ?? Date.now();
  const at = rawAt instanceof Date ? rawAt.getTime() : rawAt;
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new InvalidOptionError('options.at', 'expected a valid Date or milliseconds since the epoch');
  const model = body.model ?? '';
  let era: TemplateEra;
  if (options.era !== undefined) {
    if (!ERAS.includes(options.era)) {
      throw new InvalidOptionError('options.era', `unknown era ${JSON.stringify(options.era)} (expected ${ERAS.map((e) => `'${e}'`).join(', ')})`);
    }
    era = options.era;
  } else if (model === 'deepseek-flash' || (at >= TEMPLATE_SWITCHES.v4_1 && !model.startsWith('deepseek-v4-pro'))) era = 'v4.1';
  else if (isV4Model(model) || at >= TEMPLATE_SWITCHES.v4) era = 'v4';
  else if (at >= TEMPLATE_SWITCHES.v3_2) era = 'v3.2';
  else if (at >= TEMPLATE_SWITCHES.v3_1) era = 'v3.1';
  else era = 'v3';

  let thinking: boolean;
  if (options.thinking !== undefined) thinking = options.thinking;
  else if (body.thinkingParameter !== undefined) thinking = body.thinkingParameter;
  else if (body.reasoningEffort === 'none') thinking = false;
  else if (model === 'deepseek-reasoner') thinking = true;
  else if (model === 'deepseek-chat') thinking = false;
  else thinking = era === 'v4' || era === 'v4.1'; // V4 models think by default
  return { era, thinking, at };
}
