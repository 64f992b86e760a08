import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCompletionTokens, estimatePromptTokensDetailed, loadExactTokenizer } from '../src/index.ts';
import { readRecordedUsage, type RecordedCall } from './support/recordedUsage.ts';

const calls = readRecordedUsage();

interface Outcome {
  readonly call: RecordedCall;
  readonly predicted: number;
  readonly actual: number;
  readonly era: string;
  readonly hasTools: boolean;
}

function summarize(outcomes: readonly Outcome[]) {
  const errors = outcomes.map((o) => (o.predicted - o.actual) / o.actual);
  return {
    n: outcomes.length,
    exact: outcomes.filter((o) => o.predicted === o.actual).length,
    within3Percent: errors.filter((e) => Math.abs(e) <= 0.03).length,
    maxAbsErrorPercent: Math.round(Math.max(0, ...errors.map(Math.abs)) * 1000) / 10,
  };
}

/** Tools are involved when the request defines tools or its history holds tool calls / results. */
function involvesTools(request: Record<string, unknown>): boolean {
  const tools = request['tools'];
  if (Array.isArray(tools) && tools.length > 0) return true;
  const items = (request['messages'] ?? request['input']) as unknown;
  return (
    Array.isArray(items) &&
    items.some((item: Record<string, unknown>) => item['role'] === 'tool' || Array.isArray(item['tool_calls']) || String(item['type']).startsWith('function_call'))
  );
}

describe('estimatePromptTokens against recorded DeepSeek usage', () => {
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    await loadExactTokenizer();
    outcomes = calls
      .filter((c) => c.request_known && c.request)
      .map((call) => {
        const estimate = estimatePromptTokensDetailed(call.request, { at: call.created * 1000 });
        const actual = call.response_usage.prompt_tokens ?? call.response_usage.input_tokens!;
        return { call, predicted: estimate.tokens, actual, era: estimate.era, hasTools: involvesTools(call.request!) };
      });
    const table = (['openai-chat', 'openai-responses'] as const).flatMap((endpoint) =>
      [false, true].map((hasTools) => ({
        endpoint,
        tools: hasTools,
        ...summarize(outcomes.filter((o) => o.call.endpoint === endpoint && o.hasTools === hasTools)),
      })),
    );
    console.log('prompt-token accuracy on recorded calls:');
    console.table(table);
    console.table(outcomes.filter((o) => o.predicted !== o.actual).map((o) => ({ endpoint: o.call.endpoint, era: o.era, actual: o.actual, predicted: o.predicted, source: o.call.source.slice(0, 60) })));
  });

  it('without tools: exact on every recorded request (25 of 25)', () => {
    expect(summarize(outcomes.filter((o) => !o.hasTools))).toEqual({ n: 25, exact: 25, within3Percent: 25, maxAbsErrorPercent: 0 });
  });

  it('with tools: exact on 28 of 40, within ±3% on 37 of 40 (worst 5.5%)', () => {
    expect(summarize(outcomes.filter((o) => o.hasTools))).toEqual({ n: 40, exact: 28, within3Percent: 37, maxAbsErrorPercent: 5.5 });
  });

  it('per era', () => {
    const byEra = Object.fromEntries(['v3', 'v3.1', 'v4'].map((era) => [era, summarize(outcomes.filter((o) => o.era === era))]));
    expect(byEra).toEqual({
      v3: { n: 2, exact: 2, within3Percent: 2, maxAbsErrorPercent: 0 },
      'v3.1': { n: 24, exact: 24, within3Percent: 24, maxAbsErrorPercent: 0 },
      v4: { n: 39, exact: 27, within3Percent: 36, maxAbsErrorPercent: 5.5 },
    });
  });

  it('predicts completion tokens of text-only responses', async () => {
    await loadExactTokenizer();
    const textOnly = calls.filter((c) => c.response_text && !c.annotations.response_has_tool_calls);
    const results = textOnly.map((c) => {
      const actual = c.response_usage.completion_tokens ?? c.response_usage.output_tokens!;
      const era = c.created * 1000 < Date.UTC(2025, 7, 21) ? 'v3' : 'v3.1';
      return estimateCompletionTokens(c.response_text!, { era }) - actual;
    });
    expect({ n: results.length, exact: results.filter((d) => d === 0).length }).toEqual({ n: 70, exact: 64 });
  });
});
