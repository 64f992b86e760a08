import { describeValue } from './describeValue.ts';
import { InvalidArgumentError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import type { Confidence, Mode } from './schema/tariffSchema.ts';
import type { Tariff } from './tariff.ts';
import { toEpochMs } from './toEpochMs.ts';

/**
 * A model id as a picker should show it at an instant.
 *
 * @example
 * ```ts
 * const chat: ModelListing | undefined = listModels({ at: '2026-05-01T00:00:00Z' }).find((m) => m.id === 'deepseek-chat');
 * chat?.billsAs; // => 'deepseek-v4-flash'
 * ```
 */
export interface ModelListing {
  readonly id: string;
  /** Whether it can be priced at the instant (not retired, launched, still priced). */
  readonly available: boolean;
  /** The price line it bills as at the instant (itself, or what an alias routes to). */
  readonly billsAs: string | null;
  readonly mode: Mode | null;
  /** True when `billsAs` is another model (the id is an alias at that instant). */
  readonly isAlias: boolean;
  readonly displayName: string;
  readonly generation: string;
  readonly retiredAt: Date | null;
  readonly confidence: Confidence | null;
}

/**
 * Every model id in the price data as of an instant: current ones first (available, not aliases,
 * newest generation first), then aliases, then ids that are retired or not priced then.
 *
 * @example
 * ```ts
 * listModels({ at: '2026-10-01T00:00:00Z' }).filter((m) => m.available && !m.isAlias).map((m) => m.id);
 * // => ['deepseek-flash', 'deepseek-v4-pro']
 * ```
 */
export function listModels(options: { readonly at: Date | number | string; readonly tariff?: Tariff }): ModelListing[] {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const tariff = options.tariff ?? getBundledTariff();
  const at = toEpochMs(options.at, 'at');
  const listings: ModelListing[] = [];
  for (const id of tariff.ids.values()) {
    const retired = id.retiredAtMs !== undefined && at >= id.retiredAtMs;
    const route = retired ? undefined : id.routes.find((r) => at >= r.fromMs && at < r.toMs);
    const lastRoute = id.routes[id.routes.length - 1];
    const model = route?.model ?? tariff.models.get(id.id) ?? lastRoute?.model;
    const period = route?.model.periods.filter((p) => p.fromMs <= at).at(-1);
    listings.push({
      id: id.id,
      available: route !== undefined,
      billsAs: route?.model.id ?? null,
      mode: route?.mode ?? null,
      isAlias: route !== undefined && route.model.id !== id.id,
      displayName: model?.displayName ?? id.id,
      generation: model?.generation ?? '',
      retiredAt: id.retiredAtMs === undefined ? null : new Date(id.retiredAtMs),
      confidence: period?.confidence ?? null,
    });
  }
  const rank = (m: ModelListing) => (m.available ? (m.isAlias ? 1 : 0) : 2);
  return listings.sort((a, b) => rank(a) - rank(b) || b.generation.localeCompare(a.generation) || a.id.localeCompare(b.id));
}
