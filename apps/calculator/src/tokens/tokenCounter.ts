import type { PromptPrediction, TokenAnswer, TokenJob } from './workerProtocol.ts';
import { WorkerJobError } from './workerJobError.ts';

/**
 * Counts tokens for the page: a light synchronous estimate now, the exact DeepSeek count later.
 *
 * @example
 * ```ts
 * const n = await counter.exact('你好，世界'); // 3
 * ```
 */
export interface TokenCounter {
  /** Immediate estimate on the main thread (light: no vocabulary). */
  quick(text: string): number;
  /** Exact DeepSeek-V3 count; the vocabulary loads lazily in a Web Worker on first use. */
  exact(text: string): Promise<number>;
  /** Predicted `usage.prompt_tokens` of a chat request body, part by part (exact counting, in the worker). */
  promptTokens(body: unknown, at: number): Promise<PromptPrediction>;
  /** Starts loading the worker and vocabulary ahead of need (called when the page is idle). */
  warmUp(): void;
}

/**
 * How the counter gets its parts: injectable so component tests run without a Worker.
 *
 * @example
 * ```ts
 * { quick: countHeuristicTokens, createWorker: () => new Worker(url, { type: 'module' }) }
 * ```
 */
export interface TokenCounterParts {
  readonly quick: (text: string) => number;
  readonly createWorker: (() => Worker) | null;
}

/**
 * A {@link TokenCounter} over a Web Worker. Only the newest job of each kind is answered with a
 * number: older ones resolve as superseded (rejected with 'superseded'), so a burst of keystrokes
 * into a large paste never queues stale work on the page. Without Worker support, exact counting
 * rejects with a plain reason and the quick estimate still works.
 *
 * @example
 * ```ts
 * const counter = createTokenCounter({ quick: (t) => Math.ceil(t.length * 0.3), createWorker: null });
 * counter.quick('Hello, world!'); // 4
 * await counter.exact('Hello').catch((e) => e.message); // 'Web Workers are not available'
 * ```
 */
export function createTokenCounter(parts: TokenCounterParts): TokenCounter {
  let worker: Worker | undefined;
  let nextId = 1;
  type Answered = Extract<TokenAnswer, { ok: true }>;
  const pending = new Map<number, { resolve: (answer: Answered) => void; reject: (e: Error) => void; kind: TokenJob['kind'] }>();
  const latest: Record<TokenJob['kind'], number> = { count: 0, prompt: 0 };

  const ensureWorker = (): Worker => {
    if (worker !== undefined) return worker;
    if (parts.createWorker === null) throw new Error('Web Workers are not available');
    worker = parts.createWorker();
    worker.addEventListener('message', (event: MessageEvent<TokenAnswer>) => {
      const answer = event.data;
      const job = pending.get(answer.id);
      if (job === undefined) return;
      pending.delete(answer.id);
      if (latest[job.kind] !== answer.id) job.reject(new Error('superseded'));
      else if (answer.ok) job.resolve(answer);
      else job.reject(new WorkerJobError(answer.message, answer.code, answer.path));
    });
    worker.addEventListener('error', (event) => {
      for (const job of pending.values()) job.reject(new Error(event.message || 'the token worker failed'));
      pending.clear();
      worker = undefined;
    });
    return worker;
  };

  const submit = (job: { kind: 'count'; text: string } | { kind: 'prompt'; body: unknown; at: number }): Promise<Answered> =>
    new Promise<Answered>((resolve, reject) => {
      let target: Worker;
      try {
        target = ensureWorker();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const id = nextId++;
      latest[job.kind] = id;
      pending.set(id, { resolve, reject, kind: job.kind });
      target.postMessage({ ...job, id } as TokenJob);
    });

  return {
    quick: parts.quick,
    exact: async (text) => {
      const answer = await submit({ kind: 'count', text });
      if (answer.kind !== 'count') throw new Error('the token worker answered a count with a prediction');
      return answer.tokens;
    },
    promptTokens: async (body, at) => {
      const answer = await submit({ kind: 'prompt', body, at });
      if (answer.kind !== 'prompt') throw new Error('the token worker answered a prediction with a count');
      return answer.prediction;
    },
    warmUp: () => {
      try {
        ensureWorker().postMessage({ id: 0, kind: 'count', text: '' } satisfies TokenJob);
      } catch {
        // No Worker support: exact counting reports it when asked.
      }
    },
  };
}
