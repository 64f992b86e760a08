import type { TariffChange } from './diffTariffTypes.ts';

/** What a tariff answers at one instant, field by field (or `{ error }` where there is no price). */
export type ProbedOutcome = Readonly<Record<string, string>>;

/**
 * How {@link probedChanges} reads the two tariffs' answers.
 *
 * @example
 * ```ts
 * const probe: OutcomeProbe = { differenceAt: () => undefined, parse: (text) => ({ error: text }), delta: () => '' };
 * ```
 */
export interface OutcomeProbe {
  /** The before and after outcome texts at an instant, or undefined where they are the same. */
  readonly differenceAt: (at: number) => readonly [before: string, after: string] | undefined;
  readonly parse: (text: string) => ProbedOutcome;
  /** What changed from one outcome to the other, for the summary. */
  readonly delta: (before: ProbedOutcome, after: ProbedOutcome) => string;
}

/**
 * The changes of one subject over the probed instants: instants with the same before/after pair are
 * reported once, with the first and last such instant and how many there were, in order of first
 * instant. Shared by the quote and the per-call diffs so both group and word their changes alike.
 *
 * @example
 * ```ts
 * const probe: OutcomeProbe = { differenceAt: (at) => (at >= 2 ? ['A', 'B'] : undefined), parse: (text) => ({ error: text }), delta: (b, a) => `${b.error} -> ${a.error}` };
 * probedChanges('quote-changed', 'x USD', [1, 2, 3], probe)[0]!.summary;
 * // => 'x USD: A -> B at 2 probed instant(s) from 1970-01-01T00:00:00.002Z to 1970-01-01T00:00:00.003Z'
 * ```
 */
export function probedChanges(kind: TariffChange['kind'], subject: string, probes: readonly number[], probe: OutcomeProbe): TariffChange[] {
  const groups = new Map<string, { before: string; after: string; first: number; last: number; count: number }>();
  for (const at of probes) {
    const difference = probe.differenceAt(at);
    if (difference === undefined) continue;
    const [before, after] = difference;
    // Outcome texts join their fields with \u0000; \u0001 keeps the pair's key unambiguous.
    const key = `${before}\u0001${after}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { before, after, first: at, last: at, count: 1 });
    else {
      group.last = at;
      group.count++;
    }
  }
  return [...groups.values()]
    .sort((x, y) => x.first - y.first)
    .map((g) => {
      const first = new Date(g.first).toISOString();
      const last = new Date(g.last).toISOString();
      const before = probe.parse(g.before);
      const after = probe.parse(g.after);
      return {
        kind,
        subject,
        before,
        after,
        instants: { first, last, count: g.count },
        summary: `${subject}: ${probe.delta(before, after)} at ${g.count} probed instant(s) ${g.count === 1 ? first : `from ${first} to ${last}`}`,
      };
    });
}
