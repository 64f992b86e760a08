// When each saved copy of the pricing page (test/fixtures/pricingPages/) was on the page. A dated
// copy is compared over its whole UTC day; an undated one over the range its content dates it to,
// with the reasoning (from the shared pricing facts) next to it.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const PAGE_DIR = resolve(import.meta.dirname, 'fixtures/pricingPages');

/** [from, to) in UTC for each undated copy, and why. */
export const UNDATED_RANGES: Readonly<Record<string, { from: string; to: string; why: string }>> = {
  'pricing.en.2026-08-undated-before-08-16.partial.md': {
    from: '2026-08-13T00:00:00.000Z',
    to: '2026-08-16T16:00:00.000Z',
    why: 'lists DeepSeek-V4-Pro-0813 (first seen 2026-08-13) and announces the 2026-08-16 16:00 UTC prices as future',
  },
  'pricing.en.2026-08-undated-vision-exp-era.partial.md': {
    from: '2026-08-20T16:00:00.000Z',
    to: '2026-09-10T04:00:00.000Z',
    why: 'lists deepseek-v4-flash-vision-exp (launched 2026-08-21 Beijing) at peak/off-peak prices, before the V4.1 switch',
  },
  'pricing.en.2026-09-undated-v41.partial.md': {
    from: '2026-09-10T04:00:00.000Z',
    to: '2026-10-17T00:00:00.000Z',
    why: 'deepseek-flash as DeepSeek-V4.1-Flash: after the V4.1 switch, before the -1017 version',
  },
  'pricing.zh-cn.2026-09-undated-v41.partial.md': {
    from: '2026-09-17T00:00:00.000Z',
    to: '2026-10-17T00:00:00.000Z',
    why: 'DeepSeek-V4.1-Flash with the holiday clause, first seen on the page between 2026-09-17 and 09-21; before the -1017 version',
  },
  'pricing.zh-cn.2026-10-undated-before-11-01.partial.md': {
    from: '2026-10-17T00:00:00.000Z',
    to: '2026-10-31T16:00:00.000Z',
    why: 'DeepSeek-V4.1-Flash-1017; server-side Search/Fetch still free, billed from 2026-11-01 00:00 Beijing',
  },
  'pricing.zh-cn.2026-11-undated-after-11-13.partial.md': {
    from: '2026-11-12T16:00:00.000Z',
    to: '2026-12-03T00:00:00.000Z',
    why: 'OCR and TTS prices (launched 2026-11-13 Beijing); stored on 2026-12-03',
  },
};

/** Every copy with the range it is checked over. */
export function pageCopies(): { file: string; from: string; to: string }[] {
  return readdirSync(PAGE_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const undated = UNDATED_RANGES[file];
      if (undated !== undefined) return { file, from: undated.from, to: undated.to };
      const day = /^pricing\.[a-z-]+\.(\d{4}-\d{2}-\d{2})\./.exec(file)?.[1];
      if (day === undefined) throw new Error(`${file}: no date in the name and no entry in UNDATED_RANGES`);
      const from = new Date(`${day}T00:00:00.000Z`);
      return { file, from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
    });
}
