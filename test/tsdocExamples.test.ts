import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// House rule: every export of a published package (what its entry points re-export) carries TSDoc
// with a worked @example.

const root = resolve(import.meta.dirname, '..');
const PACKAGES = ['packages/pricing/src', 'packages/tokenizer-estimate/src', 'packages/cli/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Names the package's entry points (src/index.ts, src/entries/*.ts) export; '*' for `export *`. */
function publicNames(dir: string): Set<string> {
  const entries = [join(dir, 'index.ts')];
  try {
    entries.push(...readdirSync(join(dir, 'entries')).map((n) => join(dir, 'entries', n)));
  } catch {
    // no subpath entries
  }
  const names = new Set<string>();
  for (const entry of entries) {
    let text = '';
    try {
      text = readFileSync(entry, 'utf8');
    } catch {
      continue;
    }
    for (const block of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of (block[1] ?? '').split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
        if (name) names.add(name);
      }
    }
    if (/export\s+\*\s+from/.test(text)) names.add('*');
    for (const m of text.matchAll(/^export (?:async )?(?:function|const|class|interface|type) ([A-Za-z0-9_$]+)/gm)) names.add(m[1] as string);
  }
  return names;
}

/** Names of exported declarations whose TSDoc block lacks an @example. */
function missingExamples(text: string, names: Set<string>): string[] {
  const missing: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const match = /^export (?:declare )?(?:async )?(?:function\*?|const|let|class|interface|type|enum|abstract class) ([A-Za-z0-9_$]+)/.exec(line);
    if (match === null || (!names.has('*') && !names.has(match[1] as string))) return;
    let j = i - 1;
    while (j >= 0 && (lines[j]?.trim().startsWith('@') || lines[j]?.trim() === '')) j--;
    const before = lines.slice(0, j + 1).join('\n');
    const end = before.trimEnd().endsWith('*/') ? before.lastIndexOf('/**') : -1;
    const doc = end === -1 ? '' : before.slice(end);
    if (!doc.includes('@example')) missing.push(match[1] as string);
  });
  return missing;
}

describe('TSDoc @example on every export', () => {
  for (const pkg of PACKAGES) {
    const dir = resolve(root, pkg);
    let files: string[] = [];
    try {
      files = sourceFiles(dir);
    } catch {
      files = [];
    }
    const names = files.length > 0 ? publicNames(dir) : new Set<string>();
    for (const file of files) {
      it(relative(root, file), () => {
        expect(missingExamples(readFileSync(file, 'utf8'), names)).toEqual([]);
      });
    }
  }
});
