import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * One built file with its raw and gzip-compressed size in bytes.
 *
 * @example
 * ```ts
 * { file: 'assets/index-abc.js', bytes: 127_000, gzipBytes: 42_000 }
 * ```
 */
export interface BuiltFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/**
 * What a first visit downloads, and what loads only later.
 *
 * @example
 * ```ts
 * measureBundle('dist').firstLoadJsGzipBytes; // 41_990
 * ```
 */
export interface BundleReport {
  /** JavaScript fetched before the page is interactive: the entry script and everything it imports statically. */
  readonly firstLoadJs: readonly BuiltFile[];
  readonly firstLoadJsGzipBytes: number;
  readonly css: readonly BuiltFile[];
  /** Chunks loaded only on demand (dynamic imports, the worker and the vocabulary). */
  readonly lazy: readonly BuiltFile[];
  /** First-load files that contain zod (it must not be in the page bundle). */
  readonly zodIn: readonly string[];
}

// Static imports in minified ES chunks: `import{a as b}from"./x.js"` or `import"./x.js"`, not `import("./x.js")`.
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const ZOD_MARKERS = /\$ZodType|ZodError|_zod\b/;

/**
 * Measures a `vite build` output directory: the first-load JavaScript (the entry script from
 * index.html, modulepreloads, and their static imports, followed transitively), CSS, and the lazy
 * chunks, each raw and gzipped (zlib level 9, as static hosts typically serve). Flags zod in any
 * first-load file.
 *
 * @example
 * ```ts
 * const report = measureBundle('apps/calculator/dist');
 * report.firstLoadJsGzipBytes <= 60 * 1024; // the budget of issue 4
 * ```
 */
export function measureBundle(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => posix.normalize((m[1] ?? '').replace(/^\.\//, '')));
  const entries = refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g);
  const preloads = refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g);
  const styles = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);

  const firstLoad = new Set<string>();
  const queue = [...entries, ...preloads];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (firstLoad.has(file)) continue;
    firstLoad.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(file), match[1] ?? ''));
  }

  const sized = (file: string): BuiltFile => {
    const content = readFileSync(join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  };
  const allJs = listFiles(distDir).filter((f) => f.endsWith('.js'));
  const firstLoadJs = [...firstLoad].sort().map(sized);
  return {
    firstLoadJs,
    firstLoadJsGzipBytes: firstLoadJs.reduce((sum, f) => sum + f.gzipBytes, 0),
    css: styles.map(sized),
    lazy: allJs
      .filter((f) => !firstLoad.has(f))
      .sort()
      .map(sized),
    zodIn: [...firstLoad].filter((f) => ZOD_MARKERS.test(readFileSync(join(distDir, f), 'utf8'))),
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, posix.join(prefix, entry.name)) : [posix.join(prefix, entry.name)],
  );
}
