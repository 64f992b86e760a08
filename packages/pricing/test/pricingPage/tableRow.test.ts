import { describe, expect, it } from 'vitest';
import { MODEL_ID, tierOf, tokenKindOf } from '../../src/pricingPage/tableRow.ts';

describe('tableRow helpers', () => {
  it('names token kinds in English and Chinese, telling hit from miss', () => {
    expect(
      [
        '1M INPUT TOKENS (CACHE HIT)',
        '1M INPUT TOKENS (CACHE MISS)',
        '1M OUTPUT TOKENS',
        '百万tokens输入 (缓存命中)',
        '百万tokens输入(缓存未命中)',
        '百万tokens输出',
        'OUTPUT',
      ].map(tokenKindOf),
    ).toEqual(['cacheHit', 'cacheMiss', 'output', 'cacheHit', 'cacheMiss', 'output', undefined]);
  });
  it('names tiers exactly', () => {
    expect(['PEAK', 'OFF-PEAK', 'off-peak', '高峰时段', '空闲时段', 'PEAKY', 'Peak hours'].map(tierOf)).toEqual([
      'peak',
      'off-peak',
      'off-peak',
      'peak',
      'off-peak',
      undefined,
      undefined,
    ]);
  });
  it('matches DeepSeek model ids only', () => {
    expect(['deepseek-v4-pro', 'deepseek-flash', 'deepseek-v4-flash-vision-exp', 'DeepSeek-V4-Pro', 'deepseek-', 'gpt-4'].map((s) => MODEL_ID.test(s))).toEqual(
      [true, true, true, false, false, false],
    );
  });
});
