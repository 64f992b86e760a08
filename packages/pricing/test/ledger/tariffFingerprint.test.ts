import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTariff, getBundledTariff } from '@seekcost/pricing';
import { tariffFingerprint } from '@seekcost/pricing/ledger';
import { canonicalJson } from '../../src/ledger/canonicalJson.ts';
import { sha256Hex } from '../../src/ledger/sha256Hex.ts';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals node:crypto for any text, across block edges (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ minLength: 50, maxLength: 130 })), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
  });
});

describe('tariffFingerprint', () => {
  it('is stable for the same data and changes with any change to it', () => {
    const bundled = getBundledTariff();
    const fingerprint = tariffFingerprint(bundled);
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(tariffFingerprint(compileTariff(structuredClone(bundled.document)))).toBe(fingerprint);
    const document = structuredClone(bundled.document);
    const period = document.models['deepseek-v4-pro']?.periods.at(-1);
    if (period === undefined) throw new Error('fixture period missing');
    (period as { note?: string }).note = 'edited';
    expect(tariffFingerprint(compileTariff(document))).not.toBe(fingerprint);
  });
});
