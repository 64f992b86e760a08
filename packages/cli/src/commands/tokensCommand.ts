// The registration of `tokens` and `prompt` lives apart from tokens.ts so the counting internals
// (owned and changed separately) and the command-line surface can change without touching each other.
import { Option } from 'commander';
import type { RegisterCommand } from '../command.ts';
import { runPrompt, runTokens } from './tokens.ts';

/**
 * Registers `seekcost tokens FILE|-`.
 *
 * @example
 * ```ts
 * registerTokens(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerTokens: RegisterCommand = (program, { io, exit }) => {
  program
    .command('tokens')
    .description('DeepSeek token count of a text file (- for stdin)')
    .argument('<file>', 'text file, or - for stdin')
    .addOption(new Option('--method <method>', 'exact (DeepSeek-V3 tokenizer), fast or heuristic').choices(['exact', 'fast', 'heuristic']).default('exact'))
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { readonly method: 'exact' | 'fast' | 'heuristic'; readonly json: boolean }) => {
      exit(await runTokens(file, o, io));
    });
};

/**
 * Registers `seekcost prompt REQUEST.json|-`.
 *
 * @example
 * ```ts
 * registerPrompt(new Command('seekcost'), { io, exit: (code) => (exitCode = code) });
 * ```
 */
export const registerPrompt: RegisterCommand = (program, { io, exit }) => {
  program
    .command('prompt')
    .description('predicted prompt_tokens of a Chat Completions request body')
    .argument('<request>', 'request body JSON file, or - for stdin')
    .addOption(new Option('--method <method>', 'exact or fast').choices(['exact', 'fast']).default('exact'))
    .option('--at <iso>', 'when the request is sent (picks the chat template era; default: now)')
    .option('--json', 'print JSON', false)
    .action(async (file: string, o: { readonly method: 'exact' | 'fast'; readonly at?: string; readonly json: boolean }) => {
      exit(await runPrompt(file, { method: o.method, json: o.json, at: o.at }, io));
    });
};
