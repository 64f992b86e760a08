import { describe, expect, it } from 'vitest';
import {
  compileTariff,
  diffTariffs,
  getBundledTariff,
  PriceDataError,
  priceRequest,
  type Tariff,
  type TariffChange,
  type TariffDocument,
} from '../src/index.ts';

const bundled = getBundledTariff();
const mutated = (change: (doc: TariffDocument) => void) => {
  const doc = structuredClone(bundled.document) as TariffDocument;
  change(doc);
  return compileTariff(doc);
};
const FLASH = 'deepseek-flash/2026-09-10';
const flashPeriod = (doc: TariffDocument) => doc.models['deepseek-flash']!.periods[0]!;
const summaries = (changes: readonly TariffChange[]) => changes.map((c) => c.summary);

// Each diff probes ~20,000 instants x 6 ids x 2 currencies in both tariffs: about a second alone,
// several on a shared machine.
describe('diffTariffs', { timeout: 120_000 }, () => {
  it('finds nothing between a tariff and itself or an equal copy', () => {
    expect(diffTariffs(bundled, bundled)).toEqual([]);
    expect(diffTariffs(bundled, compileTariff(structuredClone(bundled.document)))).toEqual([]);
  });

  it("reports a change of the holiday calendar's time zone alone, with the quotes it changes (0.75 -> 1.5)", () => {
    const after = mutated((doc) => {
      doc.calendars['cn-public-holidays']!.timeZone = 'America/Los_Angeles';
    });
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const at = '2026-10-01T02:00:00Z';
    expect(priceRequest({ model: 'deepseek-flash', usage, at, tariff: bundled }).total.toString()).toBe('0.75');
    expect(priceRequest({ model: 'deepseek-flash', usage, at, tariff: after }).total.toString()).toBe('1.5');
    const changes = diffTariffs(bundled, after);
    expect(changes.filter((c) => c.kind === 'calendar-changed').map((c) => c.subject)).toEqual(['cn-public-holidays']);
    const flash = changes.find((c) => c.kind === 'quote-changed' && c.subject === 'deepseek-flash USD' && (c.before as { tier?: string }).tier === 'off-peak');
    expect(flash?.after).toMatchObject({ tier: 'peak', prices: '0.006/0.3/1.2' });
    expect(flash?.before).toMatchObject({ tier: 'off-peak', prices: '0.003/0.15/0.6' });
    // 2026-10-01T02:00Z lies between the first and last probe of that difference.
    expect(Date.parse(flash?.instants?.first ?? '')).toBeLessThanOrEqual(Date.parse(at));
    expect(Date.parse(flash?.instants?.last ?? '')).toBeGreaterThanOrEqual(Date.parse(at));
    expect(changes.some((c) => c.subject === 'deepseek-flash CNY')).toBe(true);
  });

  it('reports limits and period, route and rate confidence changes, and new ids named constructor or toString', () => {
    const after = mutated((doc) => {
      const period = flashPeriod(doc);
      period.limits.maxOutputTokens = 8192;
      period.confidence = 'unconfirmed';
      period.tiers[0]!.prices.USD!.confidence = 'unconfirmed';
      doc.ids['deepseek-v4-flash']!.routes[1]!.confidence = 'unconfirmed';
      for (const id of ['constructor', 'toString']) doc.ids[id] = { routes: [{ from: '2026-09-10T04:00Z', to: null, model: 'deepseek-flash' }] };
    });
    const changes = diffTariffs(bundled, after);
    const text = summaries(changes);
    expect(text).toContain(`models.deepseek-flash.periods[${FLASH}].limits.maxOutputTokens: 393216 -> 8192`);
    expect(text).toContain(`models.deepseek-flash.periods[${FLASH}].confidence: "official" -> "unconfirmed"`);
    expect(text).toContain(`models.deepseek-flash.periods[${FLASH}].tiers[0].prices.USD.confidence: (absent) -> "unconfirmed"`);
    expect(text).toContain('ids.deepseek-v4-flash.routes[1].confidence: "official" -> "unconfirmed"');
    expect(text).toContain('id constructor: added');
    expect(text).toContain('id toString: added');
    const quote = (subject: string) => changes.filter((c) => c.kind === 'quote-changed' && c.subject === subject);
    expect(quote('deepseek-flash USD').some((c) => /limits context 1048576, max output 393216, .* -> context 1048576, max output 8192/.test(c.summary))).toBe(
      true,
    );
    expect(quote('deepseek-flash USD').some((c) => /rateConfidence official -> unconfirmed/.test(c.summary))).toBe(true);
    expect(quote('constructor USD')[0]?.before).toEqual({ error: 'UNKNOWN_MODEL' });
    // Unknown before; after, no price before the history or the route, then deepseek-flash's quotes (one per tier, warning...).
    const answers = quote('toString CNY').map((c) => [
      c.before,
      (c.after as { model?: string; error?: string }).model ?? (c.after as { error?: string }).error,
    ]);
    expect(answers.slice(0, 2)).toEqual([
      [{ error: 'UNKNOWN_MODEL' }, 'BEFORE_HISTORY'],
      [{ error: 'UNKNOWN_MODEL' }, 'MODEL_NOT_AVAILABLE'],
    ]);
    expect(answers.length).toBeGreaterThan(2);
    expect(answers.slice(2).every(([before, after]) => JSON.stringify(before) === '{"error":"UNKNOWN_MODEL"}' && after === 'deepseek-flash')).toBe(true);
  });

  it('handles an id named __proto__: reported when the price data keeps it, or the data is rejected', () => {
    const doc = structuredClone(bundled.document) as TariffDocument;
    Object.defineProperty(doc.ids, '__proto__', {
      value: { routes: [{ from: '2026-09-10T04:00Z', to: null, model: 'deepseek-flash' }] },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    let after: Tariff;
    try {
      after = compileTariff(JSON.parse(JSON.stringify(doc)));
    } catch (error) {
      expect(error).toBeInstanceOf(PriceDataError);
      return;
    }
    const changes = diffTariffs(bundled, after);
    expect(changes.some((c) => c.subject === '__proto__')).toBe(after.ids.has('__proto__'));
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
