// The token worker: exact DeepSeek counting off the main thread. The vocabulary (the
// @seekcost/tokenizer-estimate/exact chunk) is imported on the first job, never at page load; the
// chat-template predictor (the library's main entry, which no longer carries the fast estimate's
// o200k ranks: those sit in the /fast chunk, which this worker never loads) only when a request
// body is pasted.
import type { TokenAnswer, TokenJob } from './workerProtocol.ts';

// The project typechecks with the DOM lib only (the WebWorker lib clashes with it), so the worker
// scope is typed here by the two members this file uses.
const scope = self as unknown as {
  postMessage(message: TokenAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TokenJob>) => void): void;
};

let exactModule: Promise<typeof import('@seekcost/tokenizer-estimate/exact')> | undefined;
let promptModule: Promise<typeof import('@seekcost/tokenizer-estimate')> | undefined;

async function run(job: TokenJob): Promise<TokenAnswer> {
  if (job.kind === 'count') {
    exactModule ??= import('@seekcost/tokenizer-estimate/exact');
    const { getExactTokenizer } = await exactModule;
    return { id: job.id, ok: true, kind: 'count', tokens: getExactTokenizer().count(job.text), method: 'exact' };
  }
  promptModule ??= import('@seekcost/tokenizer-estimate');
  const lib = await promptModule;
  await lib.loadExactTokenizer();
  const estimate = lib.estimatePromptTokensDetailed(job.body, { at: new Date(job.at), method: 'exact' });
  const prediction = { tokens: estimate.tokens, templateKnown: estimate.templateKnown, parts: estimate.parts, imageTokensMax: lib.IMAGE_TOKENS_MAX };
  return { id: job.id, ok: true, kind: 'prompt', method: estimate.method, prediction };
}

// Jobs run one at a time in arrival order; the page drops answers it no longer wants.
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event: MessageEvent<TokenJob>) => {
  const job = event.data;
  queue = queue.then(async () => {
    let answer: TokenAnswer;
    try {
      answer = await run(job);
    } catch (error) {
      answer = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), ...typedFields(error) };
    }
    scope.postMessage(answer);
  });
});

/** The `code` and `path` of the library's typed errors, which postMessage would otherwise drop. */
function typedFields(error: unknown): { code?: string; path?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const { code, path } = error as { code?: unknown; path?: unknown };
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof path === 'string' ? { path } : {}) };
}
