import { describe, expect, it } from 'vitest';
import { type OutcomeProbe, probedChanges } from '../src/probedChanges.ts';

const probe = (answers: Readonly<Record<number, readonly [string, string]>>): OutcomeProbe => ({
  differenceAt: (at) => answers[at],
  parse: (text) => ({ error: text }),
  delta: (before, after) => `${before.error} -> ${after.error}`,
});

describe('probedChanges', () => {
  it('reports each before/after pair once, in order of its first instant, with its first and last instant and count', () => {
    const changes = probedChanges('metered-changed', 'search api CNY', [1, 2, 3, 4, 5], probe({ 2: ['B', 'C'], 1: ['A', 'B'], 4: ['A', 'B'], 5: ['B', 'C'] }));
    expect(changes).toEqual([
      {
        kind: 'metered-changed',
        subject: 'search api CNY',
        before: { error: 'A' },
        after: { error: 'B' },
        instants: { first: '1970-01-01T00:00:00.001Z', last: '1970-01-01T00:00:00.004Z', count: 2 },
        summary: 'search api CNY: A -> B at 2 probed instant(s) from 1970-01-01T00:00:00.001Z to 1970-01-01T00:00:00.004Z',
      },
      {
        kind: 'metered-changed',
        subject: 'search api CNY',
        before: { error: 'B' },
        after: { error: 'C' },
        instants: { first: '1970-01-01T00:00:00.002Z', last: '1970-01-01T00:00:00.005Z', count: 2 },
        summary: 'search api CNY: B -> C at 2 probed instant(s) from 1970-01-01T00:00:00.002Z to 1970-01-01T00:00:00.005Z',
      },
    ]);
  });

  it('names a single instant alone, and keeps pairs apart whose joined texts would coincide', () => {
    const changes = probedChanges('quote-changed', 'x USD', [7, 8], probe({ 7: ['a\u0000b', 'c'], 8: ['a', 'b\u0000c'] }));
    expect(changes.map((c) => c.summary)).toEqual([
      'x USD: a\u0000b -> c at 1 probed instant(s) 1970-01-01T00:00:00.007Z',
      'x USD: a -> b\u0000c at 1 probed instant(s) 1970-01-01T00:00:00.008Z',
    ]);
  });

  it('finds nothing where the answers never differ', () => {
    expect(probedChanges('quote-changed', 'x USD', [1, 2, 3], probe({}))).toEqual([]);
  });
});
