import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { countTokens, estimatePromptTokensDetailed, loadExactTokenizer, loadFastTokenizer, type CountMethod } from '@seekcost/tokenizer-estimate';
import { toEpochMs } from '@seekcost/pricing';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usageError.ts';

/**
 * `seekcost tokens FILE|-`: DeepSeek token count of a text file (or stdin). `exact` loads the
 * DeepSeek-V3 tokenizer first, `fast` the o200k-based estimate (each a lazy import, so a command
 * only pays for the method it uses); `heuristic` needs nothing.
 *
 * @example
 * ```ts
 * await runTokens('notes.txt', { method: 'exact', json: false }, io); // prints e.g. "1234 tokens (exact)"
 * ```
 */
export async function runTokens(path: string, options: { readonly method: CountMethod; readonly json: boolean }, io: CliIo): Promise<ExitCode> {
  if (!['exact', 'fast', 'heuristic'].includes(options.method)) throw new UsageError(`--method: must be exact, fast or heuristic, got '${options.method}'`);
  const text = path === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, path), 'utf8');
  if (options.method === 'exact') await loadExactTokenizer();
  else if (options.method === 'fast') await loadFastTokenizer();
  const tokens = countTokens(text, { method: options.method });
  io.stdout.write(options.json ? `${JSON.stringify({ tokens, method: options.method, characters: text.length })}\n` : `${tokens} tokens (${options.method})\n`);
  return EXIT.OK;
}

/**
 * `seekcost prompt REQUEST.json`: the predicted `usage.prompt_tokens` of a Chat Completions request
 * body, with the template era, thinking mode and the breakdown.
 *
 * @example
 * ```ts
 * await runPrompt('request.json', { method: 'exact', json: true, at: undefined }, io);
 * ```
 */
export async function runPrompt(path: string, options: { readonly method: 'exact' | 'fast'; readonly json: boolean; readonly at: string | undefined }, io: CliIo): Promise<ExitCode> {
  if (options.method !== 'exact' && options.method !== 'fast') throw new UsageError(`--method: must be exact or fast, got '${String(options.method)}'`);
  const at = options.at === undefined ? io.now() : toEpochMs(options.at, '--at');
  const text = path === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, path), 'utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (options.method === 'exact') await loadExactTokenizer();
  else await loadFastTokenizer();
  const estimate = estimatePromptTokensDetailed(body, { method: options.method, at });
  if (options.json) io.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
  else {
    io.stdout.write(
      `${estimate.tokens} prompt tokens (${estimate.method}; template ${estimate.era}${estimate.thinking ? ', thinking' : ''}${estimate.templateKnown ? '' : '; tools/response format: fitted, approximate'})\n` +
        `  content ${estimate.contentTokens}, template ${estimate.templateTokens}, tools ${estimate.toolTokens}, response format ${estimate.responseFormatTokens}\n`,
    );
  }
  return EXIT.OK;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
