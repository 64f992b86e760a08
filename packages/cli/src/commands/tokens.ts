import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { UncuttableTextError, createTokenTally, estimatePromptTokensDetailed, loadTokenizers, type CountMethod } from '@seekcost/tokenizer-estimate';
import { toEpochMs } from '@seekcost/pricing';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { InputError } from '../input/forEachLine.ts';
import type { CliIo } from '../io.ts';
import { jsonText } from '../jsonText.ts';
import { UsageError } from '../usageError.ts';

/**
 * `seekcost tokens FILE|-`: DeepSeek token count of a text file (or stdin). `exact` loads the
 * DeepSeek-V3 tokenizer first, `fast` the o200k-based estimate (each a lazy import, so a command
 * only pays for the method it uses); `heuristic` needs nothing. The input is streamed in 1 MiB
 * chunks and counted with createTokenTally, which cuts only where the count adds up, so any size
 * is counted in bounded memory with the same result as the whole text (a 600 MB file used to fail
 * with 'Invalid string length'). A stretch of more than 64 Mi characters with no line break
 * followed by text cannot be cut: that is an input error (exit 4) naming the file.
 *
 * @example
 * ```ts
 * await runTokens('notes.txt', { method: 'exact', json: false }, io); // prints e.g. "1234 tokens (exact)"
 * ```
 */
export async function runTokens(path: string, options: { readonly method: CountMethod; readonly json: boolean }, io: CliIo): Promise<ExitCode> {
  if (!['exact', 'fast', 'heuristic'].includes(options.method)) throw new UsageError(`--method: must be exact, fast or heuristic, got '${options.method}'`);
  await loadTokenizers({ exact: options.method === 'exact', fast: options.method === 'fast' });
  const tally = createTokenTally({ method: options.method });
  // ignoreBOM keeps a leading U+FEFF in the text, as readFile(…, 'utf8') did: it is counted.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const input: Readable = path === '-' ? io.stdin : createReadStream(resolve(io.cwd, path), { highWaterMark: 1 << 20 });
  let characters = 0;
  try {
    for await (const chunk of input) {
      const text = decoder.decode(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer), { stream: true });
      characters += text.length;
      tally.add(text);
    }
    const rest = decoder.decode();
    characters += rest.length;
    tally.add(rest);
  } catch (error) {
    if (error instanceof UncuttableTextError) throw new InputError(path === '-' ? '<stdin>' : path, 0, error.message);
    throw error;
  }
  const tokens = tally.total();
  io.stdout.write(options.json ? `${JSON.stringify({ tokens, method: options.method, characters })}\n` : `${tokens} tokens (${options.method})\n`);
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
export async function runPrompt(
  path: string,
  options: { readonly method: 'exact' | 'fast'; readonly json: boolean; readonly at: string | undefined },
  io: CliIo,
): Promise<ExitCode> {
  if (options.method !== 'exact' && options.method !== 'fast') throw new UsageError(`--method: must be exact or fast, got '${String(options.method)}'`);
  const at = options.at === undefined ? io.now() : toEpochMs(options.at, '--at');
  const text = path === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, path), 'utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  await loadTokenizers({ exact: options.method === 'exact', fast: options.method === 'fast' });
  const estimate = estimatePromptTokensDetailed(body, { method: options.method, at });
  if (options.json) io.stdout.write(jsonText(estimate));
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
