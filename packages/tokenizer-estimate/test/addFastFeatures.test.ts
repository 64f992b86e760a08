import { describe, expect, it } from 'vitest';
import { addFastFeatures } from '../src/fast/addFastFeatures.ts';
import { fastFeatures } from '../src/fast/fastFeatures.ts';
import { o200kTokenTable } from '../src/fast/o200kTokenTable.ts';

describe('addFastFeatures', () => {
  it('adds every feature of pieces cut after a line break into those of the whole', () => {
    const table = o200kTokenTable();
    const sum = addFastFeatures(fastFeatures('Hello 你好\n', table), fastFeatures('world Привет', table));
    expect(sum).toEqual(fastFeatures('Hello 你好\nworld Привет', table));
  });
});
