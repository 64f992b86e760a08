import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './support.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const ORIGINAL = readFileSync(join(REPO, 'pricing-data/deepseek.json'), 'utf8');

interface MeteredPeriodJson {
  id: string;
  from: string;
  to: string | null;
  prices: Record<string, { price: string }>;
  pendingDiscount?: string;
  discounts?: unknown[];
  source: unknown;
}

/** A copy of the bundled price data with one change, written beside the unchanged original. */
function variant(name: string, change: (periods: (item: string, id: string) => MeteredPeriodJson) => void): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'old.json'), ORIGINAL);
  const doc = JSON.parse(ORIGINAL) as { meteredItems: Record<string, { periods: MeteredPeriodJson[] }> };
  change((item, id) => {
    const period = doc.meteredItems[item]?.periods.find((p) => p.id === id);
    if (period === undefined) throw new Error(`no metered period ${id}`);
    return period;
  });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(doc));
  return dir;
}

// Each diff probes every id on a dense grid in both files: seconds on a shared machine.
describe('seekcost diff: per-call prices', { timeout: 120_000 }, () => {
  it('prints a changed search price in its own section, and --fail-on-change exits 5', async () => {
    const dir = variant('new', (period) => {
      period('search', 'search/2026-10-31').prices.CNY!.price = '6';
    });
    const result = await run(['diff', 'old.json', 'new.json', '--fail-on-change'], { cwd: dir });
    expect(result.code).toBe(5);
    expect(result.stdout).toContain('per-call prices quoted (search, fetch, OCR pages, TTS characters) (2):\n');
    expect(result.stdout).toContain(
      '  search tool-call CNY: price 5/1000 -> 6/1000 at 11 probed instant(s) from 2026-10-31T16:00:00.000Z to 2026-11-13T16:00:00.001Z\n',
    );
    expect(result.stdout).toContain('  search api CNY: price 5/1000 -> 6/1000 at 11 probed instant(s)');
    expect(result.stdout).toContain('  meteredItems.search.periods[search/2026-10-31].prices.CNY.price: "5" -> "6"\n');
    expect(result.stdout).not.toContain('token prices quoted');
  });

  it('reports a moved start of billed search (exit 5), to the millisecond', async () => {
    const dir = variant('moved', (period) => {
      period('search', 'search/tool-call/2026-08-12').to = '2026-11-01T16:00Z';
      period('search', 'search/api/2026-10-01').to = '2026-11-01T16:00Z';
      period('search', 'search/2026-10-31').from = '2026-11-01T16:00Z';
    });
    const result = await run(['diff', 'old.json', 'moved.json', '--fail-on-change', '--json'], { cwd: dir });
    expect(result.code).toBe(5);
    const changes = JSON.parse(result.stdout).changes as { kind: string; subject: string; instants?: { first: string; last: string } }[];
    const toolCall = changes.filter((c) => c.kind === 'metered-changed' && c.subject === 'search tool-call CNY');
    expect(toolCall[0]?.instants).toEqual({ first: '2026-10-31T16:00:00.000Z', last: '2026-11-01T15:59:59.999Z', count: 3 });
  });

  it('reports a TTS discount entered the day it is known (exit 5)', async () => {
    const dir = variant('discount', (period) => {
      const tts = period('ttsCharacters', 'ttsCharacters/2026-11-13');
      delete tts.pendingDiscount;
      tts.discounts = [
        {
          id: 'ttsCharacters/half-price',
          from: '2026-11-12T16:00Z',
          to: '2026-12-31T16:00Z',
          prices: { CNY: { price: '1.5' } },
          source: tts.source,
          confidence: 'official',
        },
      ];
    });
    const result = await run(['diff', 'old.json', 'discount.json', '--fail-on-change'], { cwd: dir });
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(
      '  ttsCharacters tool-call CNY: discount none -> ttsCharacters/half-price; price 3/10000 -> 1.5/10000; confidence unconfirmed -> official; warnings pending-discount -> none at 3 probed instant(s) from 2026-11-13T16:00:00.000Z to 2026-12-31T15:59:59.999Z\n',
    );
  });

  it('exits 0 for unchanged files even with --fail-on-change', async () => {
    const dir = variant('same', () => {});
    const result = await run(['diff', 'old.json', 'same.json', '--fail-on-change'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no changes/);
  });
});
