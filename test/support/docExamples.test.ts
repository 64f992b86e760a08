import { describe, expect, it } from 'vitest';
import { exampleBlocks, exampleModule, hasAssertion } from './docExamples.ts';

const NAMES = new Map([['priceRequest', '@seekcost/pricing']]);

describe('hasAssertion', () => {
  it('counts `// =>`, `// throws ErrorName` and expect(, nothing else', () => {
    expect(hasAssertion("f(); // => 'x'")).toBe(true);
    expect(hasAssertion('f();\n// => 1')).toBe(true);
    expect(hasAssertion('f(); // throws InvalidUsageError')).toBe(true);
    expect(hasAssertion('expect(f()).toBe(1);')).toBe(true);
    expect(hasAssertion('f(); // 4')).toBe(false);
    expect(hasAssertion('f(); // throws: usage.x: must be a count')).toBe(false);
    expect(hasAssertion('f(); // =>')).toBe(false);
    expect(hasAssertion('')).toBe(false);
  });
});

describe('exampleModule', () => {
  it('turns `// =>` into toEqual, on the line or alone on the next one, and imports public names used', () => {
    const code = "const q = priceRequest(x); // => 1\nq.total;\n// => { a: 'b' }\n";
    expect(exampleModule(code, '@seekcost/pricing', NAMES)).toBe(
      "import { priceRequest } from '@seekcost/pricing';\nexport default async function runExample(expect) {\n" +
        'const q = priceRequest(x); expect(q, "const q = priceRequest(x); // => 1").toEqual(1);\n' +
        "expect(q.total, \"q.total; // => { a: 'b' }\").toEqual({ a: 'b' });\n\n}\n",
    );
  });

  it('refuses a lone `// =>` that follows no statement, so it cannot silently assert nothing', () => {
    expect(() => exampleModule('// => 1\nf();', '@seekcost/pricing', NAMES)).toThrow("'// => 1' follows no statement to assert");
    expect(() => exampleModule('f(); // => 1\n// => 2', '@seekcost/pricing', NAMES)).toThrow("'// => 2' follows no statement to assert");
  });

  it('turns `// throws Name` into a rejection matched by class name or code', () => {
    expect(exampleModule('f(); // throws InvalidUsageError', '@seekcost/pricing', NAMES)).toContain(
      "await expect(async () => { f(); }, \"f(); // throws InvalidUsageError\").rejects.toSatisfy((e) => e?.name === 'InvalidUsageError' || e?.code === 'InvalidUsageError' || e?.constructor?.name === 'InvalidUsageError');",
    );
  });
});

describe('exampleBlocks', () => {
  it('reads the fenced blocks after @example, without the comment stars', () => {
    expect(exampleBlocks('/**\n * Text.\n *\n * @example\n * ```ts\n * f(); // => 1\n * ```\n */')).toEqual(['f(); // => 1\n']);
    expect(exampleBlocks('/** No example. */')).toEqual([]);
  });
});
