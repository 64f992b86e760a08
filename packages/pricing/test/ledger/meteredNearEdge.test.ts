import { describe, expect, it } from 'vitest';
import { compileTariff, getBundledTariff, InvalidArgumentError, priceMetered, priceRequest } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';

// Web search by tool call was free from 2026-08-12 and costs CNY 5 per 1,000 calls from
// 2026-10-31T16:00Z (search/2026-10-31): a per-call price edge with no token price edge at it.
const EDGE_MS = Date.parse('2026-10-31T16:00:00Z');
const usage = { prompt_tokens: 1000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 1000, completion_tokens: 100 };
const tokensAt = (atMs: number) => priceRequest({ model: 'deepseek-v4-flash', usage, at: atMs, currency: 'CNY' }).total;

describe('createLedger: the near-edge report covers per-call charges', () => {
  it('reports a request sent before a per-call price edge, with the per-call difference at stake', () => {
    const ledger = createLedger({ currency: 'CNY' });
    const created = (EDGE_MS - 5 * 60_000) / 1000;
    ledger.add({ id: 'near', model: 'deepseek-v4-flash', created, usage, metered: { search: 1000 } }, 'log:1');
    ledger.add({ id: 'far', model: 'deepseek-v4-flash', created: created - 3600, usage, metered: { search: 1000 } }, 'log:2');
    const { nearEdge, amount } = ledger.totals();
    // The token price is the same on both sides of the edge, so all that is at stake is the search.
    expect(tokensAt(EDGE_MS - 5 * 60_000).eq(tokensAt(EDGE_MS + 5 * 60_000))).toBe(true);
    expect(nearEdge.count).toBe(1);
    expect(nearEdge.atStake.toString()).toBe('5');
    const [record] = nearEdge.records;
    expect([record?.ref, record?.amount.toString(), record?.alternativeAmount?.toString()]).toEqual([
      'log:1',
      tokensAt(EDGE_MS - 5 * 60_000).toString(),
      tokensAt(EDGE_MS - 5 * 60_000)
        .plus(5)
        .toString(),
    ]);
    // The totals themselves price the searches at the request instant (free), as before.
    expect(amount.eq(tokensAt(EDGE_MS - 5 * 60_000).times(2))).toBe(true);
  });

  it('checks completion-time records against their possible request time, and leaves records away from any edge alone', () => {
    const ledger = createLedger({ currency: 'CNY' });
    ledger.add({ model: 'deepseek-v4-flash', at: EDGE_MS + 5 * 60_000, usage, metered: { search: 2000 } }, 'log:1');
    ledger.add({ model: 'deepseek-v4-flash', at: EDGE_MS + 60 * 60_000, usage, metered: { search: 2000 } }, 'log:2');
    const { nearEdge } = ledger.totals();
    expect(nearEdge.records.map((r) => [r.ref, r.alternativeAt])).toEqual([['log:1', '2026-10-31T15:55:00.000Z']]);
    expect(nearEdge.atStake.toString()).toBe(priceMetered({ counts: { search: 2000 }, at: EDGE_MS, currency: 'CNY' }).total.toString());
    expect(nearEdge.atStake.toString()).toBe('10');
  });

  it('adds the per-call stake to a token edge, and merges it exactly', () => {
    // 2026-09-01 00:55 UTC: 5 minutes before the 01:00 peak (tokens), with searches free on both sides.
    const add = (ledger: ReturnType<typeof createLedger>) =>
      ledger.add({ model: 'deepseek-v4-pro', created: Date.parse('2026-09-01T00:55:00Z') / 1000, usage, metered: { search: 10 } });
    const one = createLedger({ currency: 'CNY' });
    add(one);
    const withoutSearch = createLedger({ currency: 'CNY' });
    withoutSearch.add({ model: 'deepseek-v4-pro', created: Date.parse('2026-09-01T00:55:00Z') / 1000, usage });
    expect(one.totals().nearEdge.atStake.eq(withoutSearch.totals().nearEdge.atStake)).toBe(true);
    const merged = createLedger({ currency: 'CNY' });
    merged.merge(one.snapshot());
    expect(merged.totals().nearEdge.atStake.toString()).toBe(one.totals().nearEdge.atStake.toString());
  });

  it('accepts a per-call price of exactly one report unit per call, however large its unit size, and reports it exactly', () => {
    const document = structuredClone(getBundledTariff().document);
    const search = document.meteredItems?.search as { periods: { prices: Record<string, { price: string }> }[] } | undefined;
    const period = search?.periods.at(-1);
    if (period?.prices.CNY === undefined) throw new Error('fixture: search has no CNY price');
    // 10^-9 per 1000 calls is 10^-12 per call: one unit of the report (10^-(scale+6), scale 6).
    period.prices.CNY.price = '0.000000001';
    const tariff = compileTariff(document);
    expect(tariff.scale).toBe(6);
    const ledger = createLedger({ tariff, currency: 'CNY' });
    ledger.add({ model: 'deepseek-v4-flash', created: (EDGE_MS - 5 * 60_000) / 1000, usage, metered: { search: 1 } }, 'log:1');
    expect(ledger.totals().nearEdge.atStake.toString()).toBe('0.000000000001');
  });

  it('refuses, at construction, price data whose per-call prices are finer than the report can hold exactly', () => {
    const document = structuredClone(getBundledTariff().document);
    const search = document.meteredItems?.search as { periods: { prices: Record<string, { price: string }> }[] } | undefined;
    const period = search?.periods.at(-1);
    if (period?.prices.CNY === undefined) throw new Error('fixture: search has no CNY price');
    period.prices.CNY.price = '0.0000000000001';
    const tariff = compileTariff(document);
    expect(() => createLedger({ tariff, currency: 'CNY' })).toThrow(InvalidArgumentError);
    expect(() => createLedger({ tariff, currency: 'CNY' })).toThrow(/nearEdgeMs: 0/);
    expect(createLedger({ tariff, currency: 'CNY', nearEdgeMs: 0 }).totals().records.seen).toBe(0);
  });
});
