import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLedger } from '@seekcost/pricing/ledger';
import { SeenIds } from '../../src/ledger/seenIds.ts';

// Replays ids into a SeenIds and into a Set (the reference) and compares every answer and the end state.
function expectSameAsSet(ids: readonly string[], seen: SeenIds): void {
  const reference = new Set<string>();
  ids.forEach((id, i) => {
    const isNew = !reference.has(id);
    reference.add(id);
    if (seen.add(id) !== isNew) throw new Error(`add #${i} ('${id}') answered ${!isNew}, the Set says ${isNew}`);
  });
  expect(seen.size).toBe(reference.size);
  expect(seen.values()).toEqual([...reference]);
}

// Strings that repeat often, in any UTF-16 (lone surrogates included), of any length.
const idsArb = fc.array(
  fc.oneof(
    fc.constantFrom('a', 'b', 'ab', 'ba', '', '7ba8ffb5-21b0-4a95-a351-44fa3408eb05'),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('x', 'y'), maxLength: 6 }),
  ),
  { maxLength: 300 },
);

describe('SeenIds', () => {
  it('answers exactly like a Set, keeping first-added order', () => {
    fc.assert(
      fc.property(idsArb, (ids) => expectSameAsSet(ids, new SeenIds())),
      { numRuns: 300 },
    );
  });

  it('stays exact when every id has the same hash (a collision never hides a new id)', () => {
    fc.assert(
      fc.property(idsArb, (ids) => expectSameAsSet(ids, new SeenIds(() => 0))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(idsArb, (ids) => expectSameAsSet(ids, new SeenIds((id) => id.length * 0x01000193))),
      { numRuns: 200 },
    );
  });

  it('stays exact across bucket splits and filter rebuilds (300,003 adds, 250,003 distinct ids)', () => {
    const ids: string[] = [];
    for (let i = 0; i < 300_000; i++) ids.push(i % 3 === 2 ? `chatcmpl-${(i * 7919) % 50_000}` : `${i.toString(36)}-${(i * 2654435761) >>> 0}`);
    ids.push('', '\ud800', 'chatcmpl-x');
    expectSameAsSet(ids, new SeenIds());
  });

  it('stays exact under heavy collisions at scale (every id in one of 16 hashes)', () => {
    const ids = Array.from({ length: 6000 }, (_, i) => `id-${i % 4500}`);
    expectSameAsSet(ids, new SeenIds((id) => (id.length * 0x9e3779b1) ^ (id.charCodeAt(id.length - 1) & 3)));
  });
});

describe('createLedger de-duplication', () => {
  it('counts each response id once, reports every repeat, and snapshots ids in first-seen order', () => {
    const usage = { prompt_tokens: 10, prompt_cache_hit_tokens: 4, prompt_cache_miss_tokens: 6, completion_tokens: 3 };
    const order = [5, 3, 5, 9, 3, 3, 1, 9];
    const ledger = createLedger();
    const issues = order.map((n, i) => ledger.add({ id: `resp-${n}`, model: 'deepseek-chat', created: 1_767_130_891 + i, usage }, `f:${i + 1}`)?.ref);
    expect(issues).toEqual([undefined, undefined, 'f:3', undefined, 'f:5', 'f:6', undefined, 'f:8']);
    expect(ledger.totals().records).toEqual({ seen: 8, priced: 4, excluded: 0, duplicates: 4 });
    expect(ledger.snapshot().ids).toEqual(['resp-5', 'resp-3', 'resp-9', 'resp-1']);
  });
});
