// The generated JSONL of chat-completion responses the CLI benchmarks read: ~725 bytes a record,
// three models, 40 requests a second, seeded (the same bytes every time). Written once into /tmp
// (never committed) and reused.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 as random } from '../../test/support/mulberry32.ts';

const DIR = '/tmp/seekcost-bench';

/** The path of the ~sizeMB file of responses, generated first if missing. */
export async function responsesFile(sizeMB: number): Promise<string> {
  const file = `${DIR}/responses-${sizeMB}MB.jsonl`;
  if (existsSync(file)) return file;
  const started = Date.now();
  await generate(file, sizeMB);
  console.log(`generated ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

async function generate(file: string, sizeMB: number): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const out = createWriteStream(file);
  const next = random(42);
  const models = ['deepseek-v4-pro', 'deepseek-v4-flash', 'deepseek-flash'];
  const words = 'the price of a token depends on when the request completes and which tier applies at that instant'.split(' ');
  const start = Date.parse('2026-09-10T05:00:00Z') / 1000;
  const target = sizeMB * 1e6;
  let written = 0;
  for (let i = 0; written < target; i++) {
    const hit = Math.floor(next() * 20_000);
    const miss = Math.floor(next() * 5_000);
    const completion = Math.floor(next() * 2_000);
    const content = Array.from({ length: 20 + Math.floor(next() * 60) }, () => words[Math.floor(next() * words.length)]).join(' ');
    const line = `${JSON.stringify({
      id: `chatcmpl-${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`,
      object: 'chat.completion',
      created: start + Math.floor(i / 40),
      model: models[i % 3],
      choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: hit + miss,
        completion_tokens: completion,
        total_tokens: hit + miss + completion,
        prompt_tokens_details: { cached_tokens: hit },
        prompt_cache_hit_tokens: hit,
        prompt_cache_miss_tokens: miss,
      },
      system_fingerprint: 'fp_8802369eaa_prod0623_fp8_kvcache',
    })}\n`;
    written += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
