import { priceRequest, type Currency, type Quote, type UsageInput } from '@seekcost/pricing';

/**
 * The priced request, or why it could not be priced.
 *
 * @example
 * ```ts
 * const r = priceApiResponse(json, 'deepseek-chat', Date.now(), 'USD'); if (r.ok) r.quote.total.toString();
 * ```
 */
export type ResponsePricing =
  | { readonly ok: true; readonly quote: Quote; readonly model: string; readonly at: number }
  | { readonly ok: false; readonly error: Error | 'not-an-object' };

/**
 * Prices a pasted API response (chat completions, Responses or Anthropic messages) or a bare
 * `usage` object with `priceRequest`. The response's own `model` and `created` / `created_at` (epoch
 * seconds, the time the request was sent, so priced with the request-time basis) win over the
 * form's model and time, which are used for a bare usage object.
 *
 * @example
 * ```ts
 * const r = priceApiResponse({ model: 'deepseek-chat', created: 1740830400, usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 } }, 'deepseek-v4-pro', Date.now(), 'USD');
 * r.ok && r.quote.total.toString(); // '0.0025'
 * ```
 */
export function priceApiResponse(value: unknown, formModel: string, formAt: number, currency: Currency): ResponsePricing {
  if (!isRecord(value)) return { ok: false, error: 'not-an-object' };
  const usage = isRecord(value.usage) ? value.usage : value;
  const model = typeof value.model === 'string' && value.model !== '' ? value.model : formModel;
  const created = typeof value.created === 'number' ? value.created : typeof value.created_at === 'number' ? value.created_at : undefined;
  const at = created === undefined ? formAt : created * 1000;
  try {
    const quote = priceRequest({ model, usage: usage as UsageInput, at, currency, instant: created === undefined ? 'completion' : 'request' });
    return { ok: true, quote, model, at };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
