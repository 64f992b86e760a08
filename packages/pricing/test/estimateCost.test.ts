import { describe, expect, it } from 'vitest';
import { checkLimits, estimateCost, InvalidArgumentError } from '../src/index.ts';

describe('estimateCost', () => {
  it('prices a workload exactly, with fractional expected cache hits kept exact', () => {
    const e = estimateCost({
      model: 'deepseek-v4-flash',
      at: '2026-09-01T02:00:00Z',
      inputTokens: 10_000,
      cacheHitShare: 0.4,
      outputTokens: 1_000,
      requests: 1000,
    });
    expect(e.provenance.tier).toBe('peak');
    expect(e.lines.map((l) => [l.component, l.tokens.toString(), l.amount.toString()])).toEqual([
      ['input-cache-hit', '4000', '0.000056'],
      ['input-cache-miss', '6000', '0.00264'],
      ['output', '1000', '0.00132'],
    ]);
    expect(e.perRequest.toString()).toBe('0.004016');
    expect(e.total.toString()).toBe('4.016');
    const third = estimateCost({
      model: 'deepseek-v4-pro',
      at: '2026-09-01T12:00:00Z',
      inputTokens: 1000,
      cacheHitShare: '0.333',
      outputTokens: 0,
      currency: 'CNY',
    });
    expect(third.lines[0].tokens.toString()).toBe('333');
    expect(third.perRequest.toString()).toBe(
      // 333 x 0.15 + 667 x 4.5 = 49.95 + 3001.5 = 3051.45 per 1M
      '0.00305145',
    );
  });

  it('warns when the request exceeds the context length or maximum output', () => {
    const e = estimateCost({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', inputTokens: 65_000, outputTokens: 9_000 });
    expect(e.warnings.filter((w) => w.code === 'exceeds-limits').map((w) => w.message)).toEqual([
      'input + output (74000 tokens) exceeds the 65536-token context length',
      'output (9000 tokens) exceeds the maximum output of 8192 tokens',
    ]);
  });

  it.each([
    [{ cacheHitShare: 1.2 }, 'cacheHitShare'],
    [{ cacheHitShare: -0.1 }, 'cacheHitShare'],
    [{ cacheHitShare: Number.NaN }, 'cacheHitShare'],
    [{ cacheHitShare: 'lots' }, 'cacheHitShare'],
    [{ requests: 1.5 }, 'requests'],
    [{ requests: -1 }, 'requests'],
  ])('rejects %j naming %s', (extra, field) => {
    try {
      estimateCost({ model: 'deepseek-v4-pro', at: '2026-09-01T12:00:00Z', inputTokens: 1, outputTokens: 1, ...extra } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).field).toBe(field);
    }
  });
});

describe('checkLimits', () => {
  it('reads the limits in force at the instant', () => {
    expect(checkLimits({ model: 'deepseek-reasoner', at: '2025-03-01T00:00:00Z', inputTokens: 1, outputTokens: 40_960 }).exceeded).toEqual([]);
    expect(checkLimits({ model: 'deepseek-reasoner', at: '2025-03-01T00:00:00Z', inputTokens: 1, outputTokens: 40_961 }).exceeded.map((e) => e.limit)).toEqual([
      'max-output',
    ]);
    expect(checkLimits({ model: 'deepseek-v4-pro', at: '2026-10-01T00:00:00Z', inputTokens: 1_000_000, outputTokens: 48_576 }).exceeded).toEqual([]);
    expect(
      checkLimits({ model: 'deepseek-v4-pro', at: '2026-10-01T00:00:00Z', inputTokens: 1_000_000, outputTokens: 48_577 }).exceeded.map((e) => e.limit),
    ).toEqual(['context']);
  });

  it('says when limits are unknown instead of inventing them', () => {
    const check = checkLimits({ model: 'deepseek-chat', at: '2024-09-01T00:00:00Z', inputTokens: 10_000_000, outputTokens: 1 });
    expect(check.unknown).toBe(true);
    expect(check.exceeded).toEqual([]);
  });
});

describe('estimateCost: hostile options give typed errors, not TypeErrors (issue 8, "Smaller")', () => {
  const base = { model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', inputTokens: 1000, outputTokens: 100 };
  it.each([
    [{ currency: Object.create(null) }, "currency: must be 'USD' or 'CNY', got an object"],
    [{ requests: Object.create(null) }, 'requests: must be a whole number of requests, got an object'],
    [{ requests: '10' }, 'requests: must be a whole number of requests, got "10"'],
    [{ cacheHitShare: Object.create(null) }, 'cacheHitShare: must be a number or decimal string, got an object'],
    [{ cacheHitShare: 'toString' }, 'cacheHitShare: is not a number: "toString"'],
    [{ at: 1e16 }, 'at: 10000000000000000 is out of range'],
    [{ at: '2026-02-30T00:00:00Z' }, 'at: "2026-02-30T00:00:00Z" names a date that does not exist (2026-02-30)'],
  ])('%o', (options, message) => {
    expect(() => estimateCost({ ...base, ...options } as never)).toThrow(message);
    try {
      estimateCost({ ...base, ...options } as never);
    } catch (error) {
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as { field?: unknown }).field).toBe(message.split(':')[0]);
    }
  });

  it('refuses options that are not an object', () => {
    expect(() => estimateCost(undefined as never)).toThrow(InvalidArgumentError);
  });
});
