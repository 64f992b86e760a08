import { buildTariff } from './buildTariff.ts';
import { deepseekTariffDocument } from './generated/deepseekTariff.ts';
import type { Tariff } from './tariff.ts';

let bundled: Tariff | undefined;

/**
 * The price history shipped with this package, compiled on first use and cached (a few
 * milliseconds, once; its schema was checked when the file was generated, so zod is not loaded). Every function takes `tariff` to use newer data instead.
 *
 * @example
 * ```ts
 * const tariff = getBundledTariff();
 * tariff.checked; // => '2026-12-03'
 * ```
 */
export function getBundledTariff(): Tariff {
  bundled ??= buildTariff(deepseekTariffDocument);
  return bundled;
}
