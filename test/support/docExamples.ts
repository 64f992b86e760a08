// Reads the TSDoc `@example` blocks of a package's public declarations and turns each into a
// runnable module, so the examples are tests (test/docExamples.test.ts) rather than prose that can rot.
//
// Conventions an example follows (the ones every public function's TSDoc uses):
// - It is self-contained: it imports what it uses from the package name
//   (`import { priceRequest } from '@seekcost/pricing';`). Public names it uses without an import
//   are imported for it from the package's entries, so short examples stay short.
// - `expression; // => value` asserts that the expression deep-equals `value` (vitest `toEqual`).
// - `const x = expression; // => value` asserts the same of `x`.
// - A line holding only `// => value` right after a statement asserts that statement, so a long
//   expected value can sit on its own line.
// - `statement; // throws ErrorName` asserts that the statement throws an error of that class name
//   (or with that `code`).
// - Any other line just runs; `await` is allowed at the top level of an example.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One example, located and ready to run. */
export interface DocExample {
  /** `path:line` of the declaration, for the test name. */
  readonly where: string;
  readonly name: string;
  /** The example's code as written. */
  readonly code: string;
}

/** A public declaration of a package: its name, kind, file and TSDoc (empty when it has none). */
export interface PublicDeclaration {
  readonly name: string;
  readonly kind: 'function' | 'class' | 'const' | 'type';
  readonly file: string;
  readonly line: number;
  readonly doc: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The names a package's entry files (src/index.ts and src/entries/*.ts) export, read from their
 * text. Throws when the package has no entry, so a wrong path fails instead of finding nothing.
 */
export function publicNames(srcDir: string): Set<string> {
  const entries = [join(srcDir, 'index.ts')];
  const entriesDir = join(srcDir, 'entries');
  if (statSync(entriesDir, { throwIfNoEntry: false })?.isDirectory()) {
    entries.push(
      ...readdirSync(entriesDir)
        .filter((n) => n.endsWith('.ts'))
        .map((n) => join(entriesDir, n)),
    );
  }
  const names = new Set<string>();
  for (const entry of entries) {
    const text = readFileSync(entry, 'utf8');
    for (const block of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of (block[1] ?? '').split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) names.add(name);
      }
    }
    if (/export\s+\*\s+from/.test(text)) throw new Error(`${entry}: 'export *' hides the public surface; name each export`);
    for (const m of text.matchAll(/^export (?:async )?(?:function|const|class|interface|type) ([A-Za-z0-9_$]+)/gm)) names.add(m[1] as string);
  }
  if (names.size === 0) throw new Error(`${srcDir}: no public names found in its entries`);
  return names;
}

const DECLARATION = /^export (?:declare )?(?:async )?(function\*?|const|let|class|abstract class|interface|type|enum) ([A-Za-z0-9_$]+)/;

/**
 * Every public declaration of the package under `srcDir`, with the TSDoc block right above it.
 */
export function publicDeclarations(srcDir: string, root: string): PublicDeclaration[] {
  const names = publicNames(srcDir);
  const found: PublicDeclaration[] = [];
  for (const file of sourceFiles(srcDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const match = DECLARATION.exec(line);
      if (match === null || !names.has(match[2] as string)) return;
      let j = i - 1;
      while (j >= 0 && (lines[j]?.trim().startsWith('@') || lines[j]?.trim() === '')) j--;
      const before = lines.slice(0, j + 1).join('\n');
      const start = before.trimEnd().endsWith('*/') ? before.lastIndexOf('/**') : -1;
      const keyword = match[1] as string;
      const kind = keyword.startsWith('function')
        ? 'function'
        : keyword.includes('class')
          ? 'class'
          : keyword === 'const' || keyword === 'let'
            ? 'const'
            : 'type';
      found.push({ name: match[2] as string, kind, file: relative(root, file), line: i + 1, doc: start === -1 ? '' : before.slice(start) });
    });
  }
  return found;
}

/** The fenced code blocks after `@example` in a TSDoc block, with the leading ` * ` removed. */
export function exampleBlocks(doc: string): string[] {
  const text = doc
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*\/\*\*\s?/, '')
        .replace(/^\s*\*\/\s*$/, '')
        .replace(/^\s*\* ?/, ''),
    )
    .join('\n');
  const at = text.indexOf('@example');
  if (at === -1) return [];
  const blocks: string[] = [];
  for (const m of text.slice(at).matchAll(/```(?:ts|typescript|js)?\n([\s\S]*?)```/g)) blocks.push(m[1] ?? '');
  return blocks;
}

/**
 * Whether an example block asserts something: a `// => value` or `// throws ErrorName` line (the
 * forms exampleModule turns into assertions), or an explicit `expect(`. A block with none only
 * shows that the code does not throw.
 */
export function hasAssertion(block: string): boolean {
  return block.split('\n').some((line) => /\/\/\s*=>\s*\S/.test(line) || /\/\/\s*throws\s+[A-Za-z_$]/.test(line) || /\bexpect\(/.test(line));
}

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;

/**
 * The example as an ES module whose default export runs it with `expect` in scope: imports
 * hoisted (missing public names imported from `packageName`), `// =>` and `// throws` lines turned
 * into assertions.
 */
export function exampleModule(code: string, packageName: string, runtimeNames: ReadonlyMap<string, string>): string {
  const imports: string[] = [];
  const body: string[] = [];
  const imported = new Set<string>();
  const lines = joinContinuedAssertions(code.split('\n'));
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (/^\s*import\s/.test(line)) {
      // Multi-line imports: gather until the `from` clause.
      while (!/from\s+['"][^'"]+['"];?\s*$/.test(line) && i + 1 < lines.length) line += `\n${lines[++i]}`;
      imports.push(line);
      for (const m of line.replace(/from\s+['"][^'"]+['"]/, '').matchAll(IDENTIFIER)) imported.add(m[0]);
      continue;
    }
    body.push(transformLine(line));
  }
  const bodyText = body.join('\n');
  const declared = new Set([...bodyText.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][A-Za-z0-9_$]*)/g)].map((m) => m[1] as string));
  const needed = new Map<string, string[]>();
  for (const m of bodyText
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
    .matchAll(IDENTIFIER)) {
    const name = m[0];
    const from = runtimeNames.get(name);
    if (from === undefined || imported.has(name) || declared.has(name)) continue;
    imported.add(name);
    needed.set(from, [...(needed.get(from) ?? []), name]);
  }
  for (const [from, names] of needed) imports.push(`import { ${names.join(', ')} } from '${from}';`);
  void packageName;
  return `${imports.join('\n')}\nexport default async function runExample(expect) {\n${bodyText}\n}\n`;
}

// `// => value` alone on a line belongs to the statement above it; without one it would assert nothing.
function joinContinuedAssertions(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (/^\s*\/\/\s*=>/.test(line)) {
      if (previous === undefined || previous.trim() === '' || previous.includes('//')) throw new Error(`'${line.trim()}' follows no statement to assert`);
      joined[joined.length - 1] = `${previous} ${line.trim()}`;
    } else joined.push(line);
  }
  return joined;
}

function transformLine(line: string): string {
  const arrow = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.+?)\s*$/.exec(line);
  if (arrow !== null) {
    const [, indent, statement, expected] = arrow as unknown as [string, string, string, string];
    const declaration = /^(?:const|let)\s+([A-Za-z_$][A-Za-z0-9_$]*)\s*(?::[^=]+)?=/.exec(statement);
    if (declaration !== null) return `${indent}${statement}; expect(${declaration[1]}, ${JSON.stringify(line.trim())}).toEqual(${expected});`;
    return `${indent}expect(${statement}, ${JSON.stringify(line.trim())}).toEqual(${expected});`;
  }
  const throws = /^(\s*)(.*?);?\s*\/\/\s*throws\s+([A-Za-z_$][A-Za-z0-9_$]*)\b.*$/.exec(line);
  if (throws !== null) {
    const [, indent, statement, error] = throws as unknown as [string, string, string, string];
    return `${indent}await expect(async () => { ${statement}; }, ${JSON.stringify(line.trim())}).rejects.toSatisfy((e) => e?.name === '${error}' || e?.code === '${error}' || e?.constructor?.name === '${error}');`;
  }
  return line;
}
