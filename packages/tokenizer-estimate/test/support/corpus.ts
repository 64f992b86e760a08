/**
 * A corpus of real text nobody on this project wrote, gathered from this machine: licences, READMEs
 * and source code from the repository's node_modules, man pages from /usr/share/man, and Chinese /
 * Japanese text shipped in npm packages (TypeScript's localized diagnostics, zod's locales).
 * Shared by the exactness test and the benchmark scripts (Node only).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** A text category of the corpus. */
export type CorpusCategory = 'licence' | 'readme' | 'man-page' | 'source-code' | 'json' | 'chinese' | 'mixed-zh-en' | 'japanese' | 'cyrillic';

/** One document: a file, or a slice of a long file cut at a line break. */
export interface CorpusDocument {
  readonly category: CorpusCategory;
  readonly source: string;
  readonly text: string;
}

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
export const MAN_ROOT = '/usr/share/man';

/** Documents longer than this are cut into slices at line breaks, so long files do not dominate. */
const SLICE_CHARS = 12_000;

function walk(root: string, accept: (path: string) => boolean, limit: number, out: string[] = []): string[] {
  if (!existsSync(root) || out.length >= limit) return out;
  const entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (out.length >= limit) break;
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.bin' || entry.name === '.cache') continue;
      walk(path, accept, limit, out);
    } else if (entry.isFile() && accept(path)) {
      out.push(path);
    }
  }
  return out;
}

function slices(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SLICE_CHARS);
    if (end < text.length) {
      const lineBreak = text.lastIndexOf('\n', end);
      if (lineBreak > start) end = lineBreak + 1;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

function readText(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

function addFiles(
  out: CorpusDocument[],
  category: CorpusCategory,
  paths: readonly string[],
  budgetChars: number,
  transform: (text: string) => string = (t) => t,
): void {
  let used = 0;
  for (const path of paths) {
    if (used >= budgetChars) break;
    if (statSync(path).size > 4_000_000) continue;
    const text = transform(readText(path));
    if (text.trim().length === 0) continue;
    const source = path.startsWith(REPO_ROOT) ? relative(REPO_ROOT, path) : path;
    for (const slice of slices(text)) {
      if (used >= budgetChars) break;
      out.push({ category, source, text: slice });
      used += slice.length;
    }
  }
}

/** The message values of a TypeScript diagnosticMessages.generated.json, one per line. */
function diagnosticValues(json: string): string {
  return Object.values(JSON.parse(json) as Record<string, string>).join('\n');
}

/** Whether the machine's man pages (outside the repository) are present. */
export function hasManPages(): boolean {
  return existsSync(join(MAN_ROOT, 'man1'));
}

/**
 * Gathers the corpus, at most `budgetChars` characters per category, in a fixed order.
 *
 * @example
 * ```ts
 * const docs = collectCorpus(200_000);
 * new Set(docs.map((d) => d.category)).size; // 9 when man pages are installed
 * ```
 */
export function collectCorpus(budgetChars: number): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  const byName = (pattern: RegExp) => (path: string) => pattern.test(path.slice(path.lastIndexOf('/') + 1));
  addFiles(
    out,
    'licence',
    [...walk(NODE_MODULES, byName(/^(LICEN[CS]E|COPYING)(\.(md|txt))?$/i), 400), ...walk('/usr/share/common-licenses', () => true, 50)],
    budgetChars,
  );
  addFiles(out, 'readme', walk(NODE_MODULES, byName(/^readme\.md$/i), 400), budgetChars);
  if (hasManPages()) {
    addFiles(out, 'man-page', walk(join(MAN_ROOT, 'man1'), byName(/\.1\.gz$/), 400), budgetChars);
    addFiles(out, 'cyrillic', [...walk(join(MAN_ROOT, 'ru'), byName(/\.gz$/), 200), ...walk(join(MAN_ROOT, 'uk'), byName(/\.gz$/), 200)], budgetChars);
  }
  addFiles(
    out,
    'source-code',
    [
      ...walk(join(NODE_MODULES, 'zod', 'src'), byName(/\.ts$/), 300),
      ...walk(join(NODE_MODULES, 'vitest', 'dist'), byName(/\.js$/), 300),
      ...walk(join(NODE_MODULES, 'typescript', 'lib'), byName(/^lib\..*\.d\.ts$/), 300),
    ],
    budgetChars,
  );
  addFiles(
    out,
    'json',
    walk(NODE_MODULES, byName(/\.json$/), 2000).filter((p) => !p.includes('diagnosticMessages') && !p.endsWith('.package-lock.json')),
    budgetChars,
  );
  addFiles(
    out,
    'chinese',
    [
      join(NODE_MODULES, 'typescript', 'lib', 'zh-cn', 'diagnosticMessages.generated.json'),
      join(NODE_MODULES, 'typescript', 'lib', 'zh-tw', 'diagnosticMessages.generated.json'),
    ].filter(existsSync),
    budgetChars,
    diagnosticValues,
  );
  addFiles(
    out,
    'mixed-zh-en',
    [
      ...walk(join(NODE_MODULES, 'zod', 'src', 'v4', 'locales'), byName(/^zh-.*\.ts$/), 10),
      ...(hasManPages() ? walk(join(MAN_ROOT, 'zh_CN'), byName(/\.gz$/), 100) : []),
      join(NODE_MODULES, 'typescript', 'lib', 'zh-cn', 'diagnosticMessages.generated.json'),
    ].filter(existsSync),
    budgetChars,
  );
  addFiles(
    out,
    'japanese',
    [join(NODE_MODULES, 'typescript', 'lib', 'ja', 'diagnosticMessages.generated.json')].filter(existsSync),
    budgetChars,
    diagnosticValues,
  );
  return out;
}
