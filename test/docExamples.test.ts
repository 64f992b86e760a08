import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleBlocks, exampleModule, hasAssertion, publicDeclarations } from './support/docExamples.ts';

// House rule: every public function and class of a published package carries TSDoc with a worked
// @example that asserts something (an example without `// =>`, `// throws` or `expect(` proves only
// that the code does not throw), and every example of a public function, class or constant runs
// here as a test (conventions: test/support/docExamples.ts). Types and props need no example.

const root = resolve(import.meta.dirname, '..');
const OUT = join(root, 'test', '.docExamples');
const PACKAGES = ['packages/pricing', 'packages/tokenizer-estimate', 'packages/cli'];

rmSync(OUT, { recursive: true, force: true });

for (const pkg of PACKAGES) {
  const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  const specifiers = Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
  const declarations = publicDeclarations(join(root, pkg, 'src'), root);

  describe(`${manifest.name}: TSDoc examples`, () => {
    it('has public functions and classes, each with an example that asserts', () => {
      const checked = declarations.filter((d) => d.kind === 'function' || d.kind === 'class');
      expect(checked.length).toBeGreaterThan(0);
      expect(checked.filter((d) => !exampleBlocks(d.doc).some(hasAssertion)).map((d) => `${d.file}:${d.line} ${d.name}`)).toEqual([]);
    });

    const runnable = declarations.filter((d) => d.kind !== 'type').flatMap((d) => exampleBlocks(d.doc).map((code, i) => ({ d, code, i })));
    for (const { d, code, i } of runnable) {
      it(`${d.name} (${d.file}:${d.line}) example ${i + 1} runs`, async () => {
        // Which specifier exports each runtime name: the main entry wins over subpaths.
        const runtimeNames = new Map<string, string>();
        for (const specifier of [...specifiers].reverse()) {
          for (const name of Object.keys(await import(specifier))) runtimeNames.set(name, specifier);
        }
        const dir = join(OUT, manifest.name.replace('@seekcost/', ''));
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${d.name}.${i + 1}.ts`);
        writeFileSync(path, exampleModule(code, manifest.name, runtimeNames));
        const module = (await import(pathToFileURL(path).href)) as { default: (e: typeof expect) => Promise<void> };
        await module.default(expect);
        // The first example of a package transforms and imports its entries: seconds on a busy machine.
      }, 60_000);
    }
  });
}
