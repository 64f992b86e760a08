import { describe, expect, it } from 'vitest';
import { buildO200kTable } from '../scripts/buildO200kTable.ts';
import { o200kTokenTable } from '../src/fast/o200kTokenTable.ts';
import { COUNT_BITS, COUNT_MASK, TokenClass } from '../src/fast/tokenClass.ts';

// The checked-in per-token table must be what the generator builds from today's o200k ranks and
// DeepSeek merges: regenerate with `npx tsx packages/tokenizer-estimate/scripts/calibrateFast.ts`.
describe('generated o200k → DeepSeek table', () => {
  it('matches a fresh build byte for byte', { timeout: 60_000 }, () => {
    const fresh = buildO200kTable();
    const checkedIn = o200kTokenTable();
    expect(fresh.clamped).toBe(0);
    expect(checkedIn.length).toBe(fresh.table.length);
    let firstDifference = -1;
    for (let id = 0; id < checkedIn.length && firstDifference < 0; id++) if (checkedIn[id] !== fresh.table[id]) firstDifference = id;
    expect(firstDifference).toBe(-1);
  });
  it('holds known entries', () => {
    const table = o200kTokenTable();
    const entry = (id: number) => ({ kind: table[id]! >>> COUNT_BITS, deepseekTokens: table[id]! & COUNT_MASK });
    expect(entry(13225)).toEqual({ kind: TokenClass.BareWord, deepseekTokens: 1 }); // 'Hello'
    expect(entry(5574)).toEqual({ kind: TokenClass.OtherNonAscii, deepseekTokens: 1 }); // U+FEFF, kept by the decoder
  });
});
