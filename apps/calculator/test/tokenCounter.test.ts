import { describe, expect, it } from 'vitest';
import { createTokenCounter } from '../src/tokens/tokenCounter.ts';
import type { TokenAnswer, TokenJob } from '../src/tokens/workerProtocol.ts';
import { WorkerJobError } from '../src/tokens/workerJobError.ts';

/** A stand-in Worker that records jobs and answers when the test says so. */
class ScriptedWorker extends EventTarget {
  readonly jobs: TokenJob[] = [];
  postMessage(job: TokenJob) {
    this.jobs.push(job);
  }
  answer(answer: TokenAnswer) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: answer }));
  }
}

describe('createTokenCounter', () => {
  it('answers only the newest job of a kind; older ones are superseded', async () => {
    const worker = new ScriptedWorker();
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: () => worker as unknown as Worker });
    const first = counter.exact('a');
    const second = counter.exact('ab');
    const [job1, job2] = worker.jobs;
    worker.answer({ id: job1?.id ?? -1, ok: true, kind: 'count', tokens: 1, method: 'exact' });
    worker.answer({ id: job2?.id ?? -1, ok: true, kind: 'count', tokens: 2, method: 'exact' });
    await expect(first).rejects.toThrow('superseded');
    await expect(second).resolves.toBe(2);
  });

  it('resolves a prompt job with the prediction and its parts, as the worker sent them', async () => {
    const worker = new ScriptedWorker();
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: () => worker as unknown as Worker });
    const pending = counter.promptTokens({ messages: [] }, 0);
    const prediction = {
      tokens: 405,
      templateKnown: false,
      parts: {
        content: { tokens: 9, exact: true },
        template: { tokens: 12, exact: true },
        tools: { tokens: 0, exact: true },
        responseFormat: { tokens: 0, exact: true },
        images: { tokens: 384, exact: false },
      },
      imageTokensMax: 384,
    };
    worker.answer({ id: worker.jobs[0]?.id ?? -1, ok: true, kind: 'prompt', method: 'exact', prediction });
    await expect(pending).resolves.toEqual(prediction);
  });

  it('rejects an answer of the wrong kind rather than misreading it', async () => {
    const worker = new ScriptedWorker();
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: () => worker as unknown as Worker });
    const pending = counter.promptTokens({ messages: [] }, 0);
    worker.answer({ id: worker.jobs[0]?.id ?? -1, ok: true, kind: 'count', tokens: 3, method: 'exact' });
    await expect(pending).rejects.toThrow('the token worker answered a prediction with a count');
  });

  it('passes a worker failure through as the rejection reason', async () => {
    const worker = new ScriptedWorker();
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: () => worker as unknown as Worker });
    const pending = counter.promptTokens({ messages: 'x' }, 0);
    worker.answer({ id: worker.jobs[0]?.id ?? -1, ok: false, message: 'messages: must be an array' });
    await expect(pending).rejects.toThrow('messages: must be an array');
  });

  it("keeps the typed error's code and path across the worker boundary", async () => {
    const worker = new ScriptedWorker();
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: () => worker as unknown as Worker });
    const pending = counter.promptTokens({ messages: 'x' }, 0);
    worker.answer({
      id: worker.jobs[0]?.id ?? -1,
      ok: false,
      message: 'messages: expected an array of messages, got string x',
      code: 'INVALID_TYPE',
      path: 'messages',
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerJobError);
    expect(error).toMatchObject({ code: 'INVALID_TYPE', path: 'messages', message: 'messages: expected an array of messages, got string x' });
  });

  it('says plainly when there is no Worker, while the quick count still works', async () => {
    const counter = createTokenCounter({ quick: (t) => t.length, createWorker: null });
    expect(counter.quick('abc')).toBe(3);
    await expect(counter.exact('abc')).rejects.toThrow('Web Workers are not available');
  });
});
