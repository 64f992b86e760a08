// @vitest-environment node
// The budget of issue 4, checked on a real `vite build`: first-load JavaScript at most 60 KB gzipped,
// no zod in it, and the DeepSeek vocabulary only in a lazy chunk.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureBundle, type BundleReport } from '../../scripts/measureBundle.ts';
import { buildSite } from '../../scripts/buildSite.ts';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(APP_DIR, 'test-output', 'site-budget');

describe('built bundle', () => {
  let report: BundleReport;
  beforeAll(async () => {
    await buildSite(APP_DIR, OUT);
    report = measureBundle(OUT);
  });

  it('keeps first-load JavaScript within 60 KB gzipped, without zod', () => {
    expect(report.firstLoadJs.length).toBeGreaterThan(0);
    expect(report.firstLoadJsGzipBytes).toBeLessThanOrEqual(60 * 1024);
    expect(report.zodIn).toEqual([]);
  });

  it('keeps the exact tokenizer vocabulary out of the first load', () => {
    // The merge table is a long base64 string constant in @seekcost/tokenizer-estimate's generated file.
    const firstLoad = report.firstLoadJs.map((f) => readFileSync(join(OUT, f.file), 'utf8')).join('\n');
    expect(firstLoad).not.toMatch(/MERGE_PAIRS|[A-Za-z0-9+/]{20000}/);
    const lazy = report.lazy.map((f) => readFileSync(join(OUT, f.file), 'utf8')).join('\n');
    expect(lazy).toMatch(/[A-Za-z0-9+/]{20000}/);
  });

  it('keeps the o200k ranks of the fast estimate out of the chunk the Worker loads for prompt predictions', () => {
    // Only two lazy chunks are large: the exact vocabulary and the /fast chunk (gpt-tokenizer's o200k
    // ranks), which the Worker never loads; the library's main entry it imports stays a few KB.
    const large = report.lazy.filter((f) => f.gzipBytes > 100 * 1024).map((f) => /^(?:assets\/)?([a-z]+)-/.exec(f.file)?.[1] ?? f.file);
    expect(large.sort()).toEqual(['exact', 'fast']);
  });

  it('uses relative URLs only, so the site runs from any sub-path', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    expect(html).toMatch(/src="\.\/assets\//);
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });
});
