import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAtLines } from '../../src/input/splitAtLines.ts';
import { tempDir } from '../support.ts';

function file(bytes: Buffer | string): [path: string, size: number] {
  const path = join(tempDir(), 'f.jsonl');
  writeFileSync(path, bytes);
  return [path, Buffer.byteLength(bytes)];
}

describe('splitAtLines', () => {
  it('cuts at the first line start at or after each target, each past the one before', async () => {
    const [path, size] = file('{"a":1}\n{"b":2}\n{"c":3}\n');
    expect(await splitAtLines(path, size, [10])).toEqual([16]);
    expect(await splitAtLines(path, size, [8])).toEqual([8]);
    expect(await splitAtLines(path, size, [7])).toEqual([8]);
    expect(await splitAtLines(path, size, [0, 8, 8])).toEqual([8, 16]);
    expect(await splitAtLines(path, size, [20, 1])).toEqual([8]);
    expect(await splitAtLines(path, size, [17, 23, 24])).toEqual([]);
    expect(await splitAtLines(path, size, [])).toEqual([]);
  });

  it('never starts a range with a byte-order mark or the gzip magic bytes', async () => {
    const [path, size] = file(Buffer.concat([Buffer.from('{}\n\uFEFF{}\n'), Buffer.from([0x1f, 0x8b]), Buffer.from('{}\n{}\n')]));
    // Line starts: 0, 3 (BOM), 9 (1F 8B), 14.
    expect(await splitAtLines(path, size, [1])).toEqual([14]);
    expect(await splitAtLines(path, size, [1, 2])).toEqual([14]);
  });

  it('finds line ends past its 64 KiB read window', async () => {
    const long = `${'x'.repeat(200_000)}\n`;
    const [path, size] = file(`${long}${long}${long}`);
    expect(await splitAtLines(path, size, [1, 200_002])).toEqual([200_001, 400_002]);
  });

  it('any file, any targets: cuts ascend, lie after a newline, inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\uFEFF', '{'), maxLength: 60 }), fc.array(fc.nat(70)), async (text, targets) => {
        const [path, size] = file(text);
        const bytes = Buffer.from(text);
        const cuts = await splitAtLines(path, size, targets);
        cuts.forEach((cut, i) => {
          expect(cut > 0 && cut < size && bytes[cut - 1] === 10 && cut > (cuts[i - 1] ?? 0)).toBe(true);
          expect(bytes.subarray(cut, cut + 3).equals(Buffer.from('\uFEFF'))).toBe(false);
        });
        expect(cuts.length).toBeLessThanOrEqual(targets.length);
      }),
      { numRuns: 200 },
    );
  });
});
