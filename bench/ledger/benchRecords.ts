// The records both ledger benchmarks (ledger.bench.ts, oneWorkload.bench.ts) feed the ledger:
// parsed API responses (OpenAI-format chat completions), each made by JSON.parse of its JSONL line,
// as a log reader would hand them over; ids are random UUIDs (DeepSeek's id shape). Two workloads:
//  - "log order": a month of traffic in time order (what a usage log looks like: many calls per minute);
//  - "scattered": instants drawn at random over two years (worst case for the ledger's per-day price plans).
import { mulberry32 as random } from '../../test/support/mulberry32.ts';

export interface Response {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    prompt_cache_hit_tokens: number;
    prompt_cache_miss_tokens: number;
    completion_tokens_details?: { reasoning_tokens: number };
  };
}

function uuid(next: () => number): string {
  const hex = (digits: number) =>
    Math.floor(next() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

export function responses(count: number, scattered: boolean): Response[] {
  const next = random(scattered ? 2 : 1);
  // A stream of its own, so the priced fields are the same as in earlier runs of this bench.
  const nextId = random(scattered ? 4 : 3);
  const models = scattered
    ? ['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-pro', 'deepseek-v4-flash']
    : ['deepseek-v4-pro', 'deepseek-v4-flash', 'deepseek-flash'];
  const start = scattered ? Date.parse('2025-01-21T00:00:00Z') / 1000 : Date.parse('2026-09-10T05:00:00Z') / 1000;
  const span = scattered ? 2 * 365 * 86_400 : 30 * 86_400;
  const out: Response[] = [];
  for (let i = 0; i < count; i++) {
    const hit = Math.floor(next() * 20_000);
    const miss = Math.floor(next() * 5_000);
    const completion = Math.floor(next() * 2_000);
    const created = scattered ? start + Math.floor(next() * span) : start + Math.floor((i / count) * span);
    let model = models[Math.floor(next() * models.length)] as string;
    if (scattered && created * 1000 >= Date.parse('2026-07-24T15:59:00Z') && (model === 'deepseek-chat' || model === 'deepseek-reasoner'))
      model = 'deepseek-v4-flash';
    if (scattered && created * 1000 < Date.parse('2026-04-24T00:00:00Z') && model.startsWith('deepseek-v4')) model = 'deepseek-chat';
    const line = JSON.stringify({
      id: uuid(nextId),
      object: 'chat.completion',
      created,
      model,
      usage: {
        prompt_tokens: hit + miss,
        completion_tokens: completion,
        total_tokens: hit + miss + completion,
        prompt_cache_hit_tokens: hit,
        prompt_cache_miss_tokens: miss,
        completion_tokens_details: { reasoning_tokens: Math.floor(completion / 3) },
      },
    });
    out.push(JSON.parse(line) as Response);
  }
  return out;
}
