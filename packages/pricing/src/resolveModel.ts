import { BeforeHistoryError, ModelNotAvailableError, RetiredModelError, UnknownModelError } from './errors.ts';
import type { Mode } from './schema/tariffSchema.ts';
import type { CompiledId, CompiledModel, CompiledPeriod, CompiledRoute, Tariff } from './tariff.ts';

/**
 * What a model id means at an instant: the price line it bills as, in which mode, under which period.
 *
 * @example
 * ```ts
 * const { model, mode, period }: ResolvedModel = resolveModel(getBundledTariff(), 'deepseek-reasoner', Date.parse('2026-05-01T00:00:00Z'));
 * // model.id === 'deepseek-v4-flash', mode === 'thinking'
 * ```
 */
export interface ResolvedModel {
  readonly requestedModel: string;
  readonly id: CompiledId;
  readonly route: CompiledRoute;
  readonly model: CompiledModel;
  readonly mode: Mode | undefined;
  readonly period: CompiledPeriod;
  /** The period after this one, if any (its start may be uncertain). */
  readonly nextPeriod: CompiledPeriod | undefined;
}

/**
 * Resolves a model id at an instant through aliases and retirement to the price period in force.
 * Throws {@link UnknownModelError} (with the nearest ids), {@link BeforeHistoryError},
 * {@link RetiredModelError} (with the retirement instant) or {@link ModelNotAvailableError}.
 *
 * @example
 * ```ts
 * const r = resolveModel(getBundledTariff(), 'deepseek-chat', Date.parse('2026-05-01T00:00:00Z'));
 * r.model.id; // => 'deepseek-v4-flash'
 * r.mode; // => 'non-thinking'
 * r.period.id; // => 'deepseek-v4-flash/2026-04-26'
 * ```
 */
export function resolveModel(tariff: Tariff, modelId: string, epochMs: number): ResolvedModel {
  const id = tariff.ids.get(modelId);
  if (id === undefined) throw new UnknownModelError(modelId, nearestIds(modelId, [...tariff.ids.keys()]));
  if (epochMs < tariff.historyStartMs) throw new BeforeHistoryError(new Date(epochMs), new Date(tariff.historyStartMs));
  if (id.retiredAtMs !== undefined && epochMs >= id.retiredAtMs) {
    throw new RetiredModelError(modelId, new Date(epochMs), new Date(id.retiredAtMs));
  }
  const route = findRoute(id, epochMs);
  if (route === undefined) {
    const first = id.routes[0];
    const last = id.routes[id.routes.length - 1];
    throw new ModelNotAvailableError(
      modelId,
      new Date(epochMs),
      first === undefined ? undefined : new Date(first.fromMs),
      last === undefined || last.toMs === Infinity ? undefined : new Date(last.toMs),
    );
  }
  const periods = route.model.periods;
  // Routes are checked at compile time to lie inside their model's periods, so this always finds one.
  let index = periods.length - 1;
  while (index > 0 && (periods[index] as CompiledPeriod).fromMs > epochMs) index--;
  return {
    requestedModel: modelId,
    id,
    route,
    model: route.model,
    mode: route.mode,
    period: periods[index] as CompiledPeriod,
    nextPeriod: periods[index + 1],
  };
}

function findRoute(id: CompiledId, epochMs: number): CompiledRoute | undefined {
  for (const route of id.routes) {
    if (epochMs >= route.fromMs && epochMs < route.toMs) return route;
  }
  return undefined;
}

/**
 * The known ids closest to a mistyped one (edit distance, then shared prefix), best first.
 *
 * @example
 * ```ts
 * nearestIds('deepseek-caht', ['deepseek-chat', 'deepseek-v4-pro']); // => ['deepseek-chat']
 * ```
 */
export function nearestIds(wanted: string, known: readonly string[], limit = 3): string[] {
  const w = wanted.toLowerCase();
  const scored = known.map((k) => ({ k, d: editDistance(w, k.toLowerCase()) }));
  const threshold = Math.max(3, Math.floor(w.length / 3));
  return scored
    .filter(({ k, d }) => d <= threshold || k.includes(w) || w.includes(k))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, limit)
    .map(({ k }) => k);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
