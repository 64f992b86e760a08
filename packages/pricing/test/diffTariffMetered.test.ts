import { describe, expect, it } from 'vitest';
import { diffTariffMetered } from '../src/diffTariffMetered.ts';
import { compileTariff, diffTariffs, getBundledTariff, priceRequest, type TariffChange, type TariffDocument } from '../src/index.ts';

const bundled = getBundledTariff();
const mutated = (change: (doc: TariffDocument) => void) => {
  const doc = structuredClone(bundled.document) as TariffDocument;
  change(doc);
  return compileTariff(doc);
};
const summaries = (changes: readonly TariffChange[]) => changes.map((c) => c.summary);
const periodOf = (doc: TariffDocument, item: 'search' | 'ttsCharacters', id: string) => doc.meteredItems[item]!.periods.find((p) => p.id === id)!;

describe('diffTariffMetered', () => {
  it('finds nothing between a tariff and itself or an equal copy', () => {
    expect(diffTariffMetered(bundled, bundled)).toEqual([]);
    expect(diffTariffMetered(bundled, compileTariff(structuredClone(bundled.document)))).toEqual([]);
  });

  it('reports a new search price for both ways of calling it, in that currency only', () => {
    const after = mutated((doc) => {
      periodOf(doc, 'search', 'search/2026-10-31').prices.CNY!.price = '6';
    });
    const changes = diffTariffMetered(bundled, after);
    expect(summaries(changes)).toEqual([
      'search tool-call CNY: price 5/1000 -> 6/1000 at 11 probed instant(s) from 2026-10-31T16:00:00.000Z to 2026-11-13T16:00:00.001Z',
      'search api CNY: price 5/1000 -> 6/1000 at 11 probed instant(s) from 2026-10-31T16:00:00.000Z to 2026-11-13T16:00:00.001Z',
    ]);
    expect(changes[0]).toMatchObject({
      kind: 'metered-changed',
      subject: 'search tool-call CNY',
      before: { price: '5/1000', period: 'search/2026-10-31' },
      after: { price: '6/1000' },
    });
  });

  it('reports a moved start of billed search, to the millisecond', () => {
    const after = mutated((doc) => {
      periodOf(doc, 'search', 'search/tool-call/2026-08-12').to = '2026-11-01T16:00Z';
      periodOf(doc, 'search', 'search/api/2026-10-01').to = '2026-11-01T16:00Z';
      periodOf(doc, 'search', 'search/2026-10-31').from = '2026-11-01T16:00Z';
    });
    const toolCall = diffTariffMetered(bundled, after).filter((c) => c.subject === 'search tool-call CNY');
    expect(toolCall[0]?.summary).toBe(
      'search tool-call CNY: period search/2026-10-31 -> search/tool-call/2026-08-12; price 5/1000 -> 0/1000 at 3 probed instant(s) from 2026-10-31T16:00:00.000Z to 2026-11-01T15:59:59.999Z',
    );
    expect(toolCall.every((c) => Date.parse(c.instants!.first) >= Date.parse('2026-10-31T16:00:00.000Z'))).toBe(true);
    const usage = { inputTokens: 0, outputTokens: 0 };
    const at = '2026-10-31T16:00:00.000Z';
    expect(priceRequest({ model: 'deepseek-flash', usage, metered: { search: 1 }, at, currency: 'CNY', tariff: bundled }).total.toString()).toBe('0.005');
    expect(priceRequest({ model: 'deepseek-flash', usage, metered: { search: 1 }, at, currency: 'CNY', tariff: after }).total.toString()).toBe('0');
  });

  it('reports a TTS discount entered the day it is known: the price it sets, and the pending warning gone', () => {
    const after = mutated((doc) => {
      const period = periodOf(doc, 'ttsCharacters', 'ttsCharacters/2026-11-13');
      delete period.pendingDiscount;
      period.discounts = [
        {
          id: 'ttsCharacters/half-price',
          from: '2026-11-12T16:00Z',
          to: '2026-12-31T16:00Z',
          prices: { CNY: { price: '1.5' } },
          source: period.source,
          confidence: 'official',
        },
      ];
    });
    const changes = diffTariffMetered(bundled, after).filter((c) => c.subject.startsWith('ttsCharacters'));
    expect(summaries(changes.filter((c) => c.subject === 'ttsCharacters tool-call CNY'))).toEqual([
      'ttsCharacters tool-call CNY: discount none -> ttsCharacters/half-price; price 3/10000 -> 1.5/10000; warnings uncertain-cutover,pending-discount -> uncertain-cutover at 3 probed instant(s) from 2026-11-12T16:00:00.000Z to 2026-11-13T15:59:59.999Z',
      'ttsCharacters tool-call CNY: discount none -> ttsCharacters/half-price; price 3/10000 -> 1.5/10000; confidence unconfirmed -> official; warnings pending-discount -> none at 3 probed instant(s) from 2026-11-13T16:00:00.000Z to 2026-12-31T15:59:59.999Z',
      'ttsCharacters tool-call CNY: confidence unconfirmed -> official; warnings pending-discount -> none at 2 probed instant(s) from 2026-12-31T16:00:00.000Z to 2026-12-31T16:00:00.001Z',
    ]);
    expect(changes.filter((c) => c.subject === 'ttsCharacters api CNY')).toHaveLength(3);
    expect(changes.some((c) => c.subject.endsWith('USD'))).toBe(false);
    // After the discount ends the list price applies again, now without the pending warning.
    const afterEnd = changes.find((c) => c.subject === 'ttsCharacters tool-call CNY' && (c.after as { discount?: string }).discount === 'none');
    expect(afterEnd?.instants?.first).toBe('2026-12-31T16:00:00.000Z');
    expect(afterEnd?.summary).toMatch(/warnings pending-discount -> none/);
  });

  it('reports a price that appears where there was none, and is part of diffTariffs', () => {
    const after = mutated((doc) => {
      periodOf(doc, 'ttsCharacters', 'ttsCharacters/2026-11-13').prices.USD = { price: '0.42', confidence: 'secondary' };
    });
    const changes = diffTariffs(bundled, after).filter((c) => c.kind === 'metered-changed');
    expect([...new Set(changes.map((c) => c.subject))]).toEqual(['ttsCharacters tool-call USD', 'ttsCharacters api USD']);
    expect(changes[0]?.summary).toMatch(
      /^ttsCharacters tool-call USD: no price \(METERED_PRICE_NOT_PUBLISHED\) -> 0\.42\/10000 \(ttsCharacters\/2026-11-13\) at /,
    );
  });
});
