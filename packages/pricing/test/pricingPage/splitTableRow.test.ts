import { describe, expect, it } from 'vitest';
import { splitTableRow } from '../../src/pricingPage/splitTableRow.ts';

describe('splitTableRow', () => {
  it('drops the outer pipes, links, footnote marks and full-width brackets', () => {
    expect(splitTableRow('| [FIM Completion（Beta）](../guides/fim_completion.md) | | ✓ |')).toEqual(['FIM Completion(Beta)', '', '✓']);
    expect(splitTableRow('| MODEL | deepseek-flash(1) | deepseek-v4-pro | ||')).toEqual(['MODEL', 'deepseek-flash', 'deepseek-v4-pro', '', '']);
    expect(splitTableRow('| BASE URL | <https://api.deepseek.com> |')).toEqual(['BASE URL', 'https://api.deepseek.com']);
  });
  it('keeps parentheses that are not footnote marks', () => {
    expect(splitTableRow('| API | 限时折扣价(5 折) |')).toEqual(['API', '限时折扣价(5 折)']);
  });
});
