import { describe, expect, it } from 'vitest';
import { countTokens, estimatePromptTokensDetailed, isExactTokenizerLoaded, isFastTokenizerLoaded, loadTokenizers } from '../src/index.ts';

const BODY = { model: 'deepseek-chat', messages: [{ role: 'user', content: 'What is 1 + 1?' }] };
const AT = Date.parse('2026-09-01T00:00:00Z');

// Order matters in this file: module state (which tokenizers are loaded) carries from test to test.
describe('loadTokenizers', () => {
  it('loads only what is asked for', async () => {
    await loadTokenizers({ exact: false, fast: true });
    expect([isExactTokenizerLoaded(), isFastTokenizerLoaded()]).toEqual([false, true]);
    expect(estimatePromptTokensDetailed(BODY, { at: AT })).toMatchObject({ method: 'fast', tokens: 12 });
  });
  it('loads the exact tokenizer by default, which then takes precedence over fast', async () => {
    await loadTokenizers();
    expect([isExactTokenizerLoaded(), isFastTokenizerLoaded()]).toEqual([true, true]);
    expect(estimatePromptTokensDetailed(BODY, { at: AT })).toMatchObject({ method: 'exact', tokens: 12 });
    expect(estimatePromptTokensDetailed(BODY, { at: AT, method: 'fast' }).method).toBe('fast');
    expect(countTokens('Hello, DeepSeek!')).toBe(6);
    expect(countTokens('Hello, DeepSeek!', { method: 'fast' })).toBe(6);
  });
});
