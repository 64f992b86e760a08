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
 * const tariff = parseTariffJson(await (await fetch('/prices/deepseek.json')).text());
 * priceRequest({ model: 'deepseek-v4-pro', usage, at: new Date(), tariff });
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
