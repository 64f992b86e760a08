import { describe, expect, it } from 'vitest';
import { describeFieldProblem, describeFieldProblems } from '../../src/i18n/describeFieldProblems.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';

describe('describeFieldProblems', () => {
  it('names each bad field by its label in the page language', () => {
    expect(describeFieldProblems(MESSAGES.en, { cacheHit: 'percent', outputTokens: 'wholeNumber' })).toBe(
      'Cache hit: Enter a percentage from 0 to 100. Output tokens: Enter a whole number of 0 or more.',
    );
    expect(describeFieldProblems(MESSAGES.zh, { inputTokens: 'wholeNumber' })).toBe('输入 tokens: 请输入 0 或更大的整数。');
    expect(describeFieldProblems(MESSAGES.en, {})).toBe('');
    expect(describeFieldProblem(MESSAGES.zh, 'percent')).toBe('请输入 0 到 100 之间的百分比。');
  });
});
