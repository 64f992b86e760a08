import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, renderTable } from '../src/table.ts';

describe('csvField (OWASP CSV injection)', { timeout: 60_000 }, () => {
  it('puts a single quote before a cell that starts a formula, inside a quoted field', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe(`"'+cmd|' /C calc'!A0"`);
    expect(csvField('@SUM(1+1)')).toBe(`"'@SUM(1+1)"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('  =1+1')).toBe(`"'  =1+1"`);
  });

  it('escapes tab, CR and every control character, so no cell starts with one or spans lines', () => {
    expect(csvField('\t=1+1')).toBe('\\x09=1+1');
    expect(csvField('\r=1+1')).toBe('\\x0d=1+1');
    expect(csvField('a\nb')).toBe('a\\x0ab');
    expect(csvField('\u001b[31mred')).toBe('\\x1b[31mred');
  });

  it('leaves plain numbers (negative ones too), plain text and empty cells alone; quotes commas and quotes', () => {
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('0.0025')).toBe('0.0025');
    expect(csvField('team-a')).toBe('team-a');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvLine(['k', '@x', 3])).toBe(`k,"'@x",3`);
  });

  it('never writes a cell a spreadsheet could run', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', 'a', '1', '.', '"', ',', '\n') }), (s) => {
        const field = csvField(s);
        const value = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
        expect(/^ *[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value)).toBe(false);
        expect(/[\n\r\t]/.test(field)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('renderTable', () => {
  it('pads columns and escapes control characters in every cell, keeping the columns aligned', () => {
    expect(
      renderTable(
        ['key', 'n'],
        [
          ['a\u001b[2J', '1'],
          ['line\nbreak', '22'],
        ],
        new Set([1]),
      ),
    ).toBe(['key             n', '-------------  --', 'a\\x1b[2J        1', 'line\\x0abreak  22', ''].join('\n'));
  });
});
