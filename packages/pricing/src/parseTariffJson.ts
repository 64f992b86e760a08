import { compileTariff } from './compileTariff.ts';
import { PriceDataError } from './errors.ts';
import type { Tariff } from './tariff.ts';

/**
 * Loads newer price data at runtime: JSON text (e.g. fetched from your own server) to a validated
 * {@link Tariff}. Malformed JSON or data throws {@link PriceDataError} with the path of the bad field.
 * Pass the result as `tariff` to any pricing function; without one they use the bundled history.
 *
 * @example
 * ```ts
 * import { deepseekTariffDocument, parseTariffJson, priceRequest } from '@seekcost/pricing';
 * // In an app the text comes from your server: `await (await fetch('/prices/deepseek.json')).text()`.
 * const tariff = parseTariffJson(JSON.stringify(deepseekTariffDocument));
 * const usage = { prompt_tokens: 1_000_000, prompt_cache_hit_tokens: 0, completion_tokens: 0 };
 * priceRequest({ model: 'deepseek-v4-pro', usage, at: '2026-09-01T02:00:00Z', currency: 'USD', tariff }).total.toString(); // => '1.32'
 * parseTariffJson('{"formatVersion": 2'); // throws PriceDataError
 * ```
 */
export function parseTariffJson(json: string): Tariff {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new PriceDataError([{ path: '', reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  return compileTariff(document);
}
