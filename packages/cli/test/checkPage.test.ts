import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './support.ts';

const PAGES = resolve(import.meta.dirname, '../../../test/fixtures/pricingPages');
const page = (name: string) => join(PAGES, name);

describe('seekcost check-page', () => {
  it('prints agreement and exits 0', async () => {
    const r = await run(['check-page', page('pricing.en.2026-08-17.695b915.md'), '--at', '2026-08-17T12:00:00Z']);
    expect(r).toEqual({
      code: 0,
      stdout: `${page('pricing.en.2026-08-17.695b915.md')}: agrees with the price data (checked 2026-12-03) at 2026-08-17T12:00:00.000Z\n`,
      stderr: '',
    });
  });

  it('checks an undated copy over --from/--to, listing what the partial copy cut off and the documented conflict', async () => {
    const r = await run(
      ['check-page', 'pricing.en.2026-08-undated-vision-exp-era.partial.md', '--from', '2026-08-20T16:00:00Z', '--to', '2026-09-10T04:00:00Z'],
      { cwd: PAGES },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'known conflict (documented in the data) at 2026-08-20T16:00:00.000Z, page line 11',
      '  data: ids.deepseek-v4-flash-vision-exp = no version kept for this id; billed as deepseek-v4-flash (DeepSeek-V4-Flash-0731)',
      '  page: | MODEL VERSION | DeepSeek-V4-Flash-0731 | DeepSeek-V4-Pro-0813 | DeepSeek-V4-Flash-Vision-Exp | ||',
      expect.stringMatching(/^ {2}note: The page gives deepseek-v4-flash-vision-exp its own model version/),
      'not compared (line 28): peak-hours sentence cut off by the partial copy: (1) Off-peak rates are half of the peak rates. Peak hours are 01:00',
      'pricing.en.2026-08-undated-vision-exp-era.partial.md: agrees with the price data (checked 2026-12-03) at 9 instants from 2026-08-20T16:00:00.000Z to 2026-09-10T03:59:59.999Z',
      '',
    ]);
  });

  it('prints each difference with the page words and the data path, and exits 5', async () => {
    const r = await run(['check-page', 'pricing.en.2026-08-02.e6be0b6.md', '--at', '2026-08-20T00:00:00Z'], { cwd: PAGES });
    expect(r.code).toBe(5);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'DIFFERENCE at 2026-08-20T00:00:00.000Z, page line 31',
      '  data: models.deepseek-v4-flash.periods[deepseek-v4-flash/2026-08-16].tiers.standard.prices.USD.cacheHit = no standard tier (tiers: peak, off-peak)',
      '  page: | PRICING(2) | 1M INPUT TOKENS (CACHE HIT) | $0.0028 | $0.003625 | → $0.0028',
    ]);
    expect(r.stdout).toMatch(/: 7 difference\(s\) from the price data \(checked 2026-12-03\) at 2026-08-20T00:00:00.000Z\n$/);
  });

  it('uses the clock when --at is left out (here 2026-09-01, before V4.1), and prints JSON', async () => {
    const r = await run(['check-page', page('pricing.en.2026-09-undated-v41.partial.md'), '--json']);
    const body = JSON.parse(r.stdout) as { ok: boolean; comparedAt: string[]; differences: { path: string }[] };
    expect(r.code).toBe(5);
    expect(body.ok).toBe(false);
    expect(body.comparedAt).toEqual(['2026-09-01T02:00:00.000Z']);
    expect(body.differences[0]?.path).toBe('ids.deepseek-flash');
  });

  it('exits 4 on a page whose table cannot be read, naming the table, with hostile text escaped', async () => {
    const dir = tempDir();
    const file = join(dir, 'changed.md');
    const text = readFileSync(page('pricing.en.2026-08-17.695b915.md'), 'utf8').replace('| PEAK | $1.32 | $3.96 |', '| PEAK | US$1.32 \u001b[2J | $3.96 |');
    writeFileSync(file, text);
    const r = await run(['check-page', file, '--at', '2026-08-17T12:00:00Z']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('UNREADABLE model details (line 36): a price cell in an unknown format: | PEAK | US$1.32 \\x1b[2J | $3.96 |');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('exits 4 for a missing file and 2 for bad flags', async () => {
    expect((await run(['check-page', join(tempDir(), 'nope.md')])).code).toBe(4);
    const p = page('pricing.en.2026-08-17.695b915.md');
    for (const args of [
      ['--at', 'yesterday'],
      ['--at', '2026-08-17T00:00:00Z', '--from', '2026-08-01T00:00:00Z', '--to', '2026-08-02T00:00:00Z'],
      ['--from', '2026-08-01T00:00:00Z'],
      ['--from', '2026-08-02T00:00:00Z', '--to', '2026-08-01T00:00:00Z'],
      ['--bogus'],
    ]) {
      const r = await run(['check-page', p, ...args]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
    }
  });
});
