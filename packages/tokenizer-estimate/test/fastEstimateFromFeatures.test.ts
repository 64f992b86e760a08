import { describe, expect, it } from 'vitest';
import { fastEstimateFromFeatures } from '../src/fast/fastEstimateFromFeatures.ts';
import { fastFeatures } from '../src/fast/fastFeatures.ts';
import { o200kTokenTable } from '../src/fast/o200kTokenTable.ts';

describe('fastEstimateFromFeatures', () => {
  it('weighs and rounds the features, at least 1', () => {
    expect(fastEstimateFromFeatures(fastFeatures('The quick brown fox jumps over the lazy dog.', o200kTokenTable()))).toBe(10);
    const none = fastFeatures('', o200kTokenTable());
    expect(fastEstimateFromFeatures(none)).toBe(1);
  });
});
