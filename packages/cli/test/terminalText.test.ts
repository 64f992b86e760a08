import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalLines, terminalText } from '../src/terminalText.ts';

describe('terminalText', { timeout: 60_000 }, () => {
  it('writes C0, DEL, C1, line breaks, bidi controls and line separators as visible escapes', () => {
    expect(terminalText('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalText('x\r\n\t\u0000\u007f\u009b')).toBe('x\\x0d\\x0a\\x09\\x00\\x7f\\x9b');
    expect(terminalText('invoice\u202etxt.exe \u2066 \u200f \u2028')).toBe('invoice\\u202etxt.exe \\u2066 \\u200f \\u2028');
    expect(terminalText('plain C:\\logs 中文 é')).toBe('plain C:\\logs 中文 é');
  });

  it('terminalLines keeps the line breaks between lines and escapes the rest', () => {
    expect(terminalLines('one\u001b\ntwo\r\n')).toBe('one\\x1b\ntwo\\x0d\n');
  });

  it('never leaves a control character, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const safe = terminalText(s);
        expect(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(safe)).toBe(false);
        expect(terminalText(safe)).toBe(safe);
      }),
      { numRuns: 500 },
    );
  });
});
