import { describe, expect, it } from 'vitest';
import { countHeuristicTokens } from '../src/heuristic/countHeuristicTokens.ts';
import { heuristicTenths } from '../src/heuristic/heuristicTenths.ts';

describe('heuristicTenths', () => {
  it('gives 3 tenths per English unit and 6 per Chinese one; countHeuristicTokens rounds it up', () => {
    expect(heuristicTenths('')).toBe(0);
    expect(heuristicTenths('Hello')).toBe(15);
    expect(heuristicTenths('你好')).toBe(12);
    expect(heuristicTenths('Hello, world!')).toBe(39);
    expect(countHeuristicTokens('Hello, world!')).toBe(4);
    expect(heuristicTenths('ｱ한\u3000')).toBe(18);
  });
});
