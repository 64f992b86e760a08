import { describe, expect, it } from 'vitest';
import { diffTariffQuotes } from '../src/diffTariffQuotes.ts';
import { compileTariff, getBundledTariff, type TariffDocument } from '../src/index.ts';

describe('diffTariffQuotes', { timeout: 120_000 }, () => {
  it('reports a limit change as the one differing field of every quote in that period, grouped per id and currency', () => {
    const before = getBundledTariff();
    const doc = structuredClone(before.document) as TariffDocument;
    doc.models['deepseek-v4-pro']!.periods[0]!.limits.contextTokens = 65_536;
    const changes = diffTariffQuotes(before, compileTariff(doc));
    expect(changes.map((c) => c.subject)).toEqual(['deepseek-v4-pro USD', 'deepseek-v4-pro CNY']);
    for (const change of changes) {
      expect(change.summary).toMatch(
        /^deepseek-v4-pro (USD|CNY): limits context 1048576, max output 393216, default output -, max reasoning - -> context 65536, max output 393216, default output -, max reasoning - at \d+ probed instant\(s\) from 2026-04-24T00:00:00.000Z to 2026-04-25T15:59:59.999Z$/,
      );
      expect(change.instants?.first).toBe('2026-04-24T00:00:00.000Z');
    }
  });
});
