import { describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '../src/prompt/chatBody.ts';
import { mergeUserRuns } from '../src/prompt/mergeUserRuns.ts';

const message = (role: NormalizedMessage['role'], text: string, images = 0): NormalizedMessage => ({
  role,
  text,
  reasoning: '',
  toolCalls: [],
  prefix: false,
  images,
});

describe('mergeUserRuns', () => {
  it('joins consecutive user messages with a blank line and keeps the rest', () => {
    const merged = mergeUserRuns([message('system', 's'), message('user', 'a', 1), message('user', 'b', 2), message('assistant', 'c'), message('user', 'd')]);
    expect(merged.map((m) => [m.role, m.text, m.images])).toEqual([
      ['system', 's', 0],
      ['user', 'a\n\nb', 3],
      ['assistant', 'c', 0],
      ['user', 'd', 0],
    ]);
  });
  it('leaves an empty list empty', () => {
    expect(mergeUserRuns([])).toEqual([]);
  });
});
