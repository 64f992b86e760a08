import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCompletionTokens, loadExactTokenizer, loadFastTokenizer } from '../src/index.ts';
import { promptOutcomes, summarize, trainingResiduals, type PromptOutcome, type ReportEra, type RequestKind } from './support/promptOutcomes.ts';
import { readRecordedUsage } from './support/recordedUsage.ts';

const ERAS: readonly ReportEra[] = ['v3', 'r1', 'v3.1', 'v3.2', 'v4'];
const KINDS: readonly RequestKind[] = ['no tools', 'tools', 'tool results', 'json mode'];
const withTools = (o: PromptOutcome) => o.kind === 'tools' || o.kind === 'tool results';

describe('estimatePromptTokens against every recorded DeepSeek call (both fixture files)', () => {
  // Two runs: the bodies as stored, and with the tool schemas' key order their clients sent put back
  // (rig and pydantic-ai stored sorted keys; support/restoreClientKeyOrder.ts, evidence in
  // support/clientToolSchemas.ts). The thresholds are asserted on the restored run, the
  // bytes the server saw; the stored run's counts are asserted too, so a change to either shows.
  let stored: PromptOutcome[] = [];
  let outcomes: PromptOutcome[] = [];
  beforeAll(async () => {
    await loadExactTokenizer();
    stored = promptOutcomes('exact', 'as stored');
    outcomes = promptOutcomes('exact', 'client');
    for (const heldOut of [false, true]) {
      console.log(`prompt-token accuracy on recorded calls (client key order), ${heldOut ? 'held-out half' : 'all calls'}:`);
      console.table(
        ERAS.flatMap((era) =>
          KINDS.map((kind) => ({ era, kind, ...summarize(outcomes.filter((o) => o.era === era && o.kind === kind && (!heldOut || o.heldOut))) })),
        ).filter((row) => row.n > 0),
      );
    }
  });

  const byEraWithTools = (selected: readonly PromptOutcome[]) =>
    Object.fromEntries(ERAS.map((era) => [era, summarize(selected.filter((o) => o.era === era && withTools(o)))]));
  /** V4 misses with tools by signed error (actual − predicted). */
  const v4Misses = (selected: readonly PromptOutcome[]) => {
    const misses = selected.filter((o) => o.era === 'v4' && withTools(o) && o.predicted !== o.actual);
    const bySignedError: Record<string, number> = {};
    for (const o of misses) bySignedError[o.actual - o.predicted] = (bySignedError[o.actual - o.predicted] ?? 0) + 1;
    return { bySignedError, sources: new Set(misses.map((o) => o.source.split('@')[0])) };
  };

  it('covers the fixture: 474 calls with a recorded request, 230 of them in the held-out half', () => {
    expect({ n: outcomes.length, heldOut: outcomes.filter((o) => o.heldOut).length }).toEqual({ n: 474, heldOut: 230 });
    expect(stored.map((o) => o.source)).toEqual(outcomes.map((o) => o.source));
  });

  it('restoring the client key order changes only rig and pydantic-ai calls, and only calls with tools', () => {
    const changed = outcomes.filter((o, i) => o.predicted !== stored[i]!.predicted);
    expect(new Set(changed.map((o) => o.source.split('@')[0]))).toEqual(new Set(['0xPlaygrounds/rig', 'pydantic/pydantic-ai']));
    expect(changed.every((o) => o.toolsRendered)).toBe(true);
    expect(changed.length).toBe(44);
  });

  it('with tools, per era, client key order: at least 90% within ±3% and at least 70% exact', () => {
    const byEra = byEraWithTools(outcomes);
    expect(byEra).toEqual({
      v3: { n: 46, exact: 44, within3: 46, worstPercent: 0.8 },
      r1: { n: 0, exact: 0, within3: 0, worstPercent: 0 },
      'v3.1': { n: 34, exact: 34, within3: 34, worstPercent: 0 },
      'v3.2': { n: 24, exact: 24, within3: 24, worstPercent: 0 },
      v4: { n: 140, exact: 133, within3: 140, worstPercent: 1.3 },
    });
    for (const [era, s] of Object.entries(byEra)) {
      if (s.n === 0) continue;
      expect(s.within3 / s.n, era).toBeGreaterThanOrEqual(0.9);
      expect(s.exact / s.n, era).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('with tools, per era, as stored: V4 is 64% exact (89 of 140), all within 1.3%', () => {
    expect(byEraWithTools(stored)).toEqual({
      v3: { n: 46, exact: 44, within3: 46, worstPercent: 0.8 },
      r1: { n: 0, exact: 0, within3: 0, worstPercent: 0 },
      'v3.1': { n: 34, exact: 34, within3: 34, worstPercent: 0 },
      'v3.2': { n: 24, exact: 24, within3: 24, worstPercent: 0 },
      v4: { n: 140, exact: 89, within3: 140, worstPercent: 1.3 },
    });
  });

  it('V4 with tools: the sorted keys of the stored bodies account for every miss but seven', () => {
    // As stored: ±1 on most rig / pydantic-ai schemas, +3 on a rig session whose four tool schemas
    // all lost their order, and the forced-choice calls off the fitted count.
    expect(v4Misses(stored)).toEqual({ bySignedError: { '-1': 21, 1: 19, 2: 1, 3: 10 }, sources: new Set(['0xPlaygrounds/rig', 'pydantic/pydantic-ai']) });
    // Restored: three 'required' / named calls one under the fitted forced-choice count (7; the
    // recorded calls take 6 or 7), rig's call with `tool_choice: null`, and three tool-result turns.
    expect(v4Misses(outcomes)).toEqual({ bySignedError: { '-1': 4, 1: 3 }, sources: new Set(['0xPlaygrounds/rig', 'pydantic/pydantic-ai']) });
  });

  it('without tools: exact on every recorded request of every era (at least 97% required)', () => {
    for (const era of ERAS) {
      const s = summarize(outcomes.filter((o) => o.era === era && o.kind === 'no tools'));
      expect(s.exact, era).toBe(s.n);
    }
    expect(summarize(outcomes.filter((o) => o.kind === 'no tools')).n).toBe(205);
  });

  it("JSON mode and tool_choice 'none': exact", () => {
    expect(summarize(outcomes.filter((o) => o.kind === 'json mode'))).toEqual({ n: 25, exact: 25, within3: 25, worstPercent: 0 });
    expect(summarize(outcomes.filter((o) => o.toolChoice === 'none'))).toEqual({ n: 2, exact: 2, within3: 2, worstPercent: 0 });
  });

  it('the held-out half reaches the whole within-±3% share to within 3 points, per era, with tools', () => {
    expect(byEraWithTools(outcomes.filter((o) => o.heldOut))['v4']).toEqual({ n: 68, exact: 66, within3: 68, worstPercent: 0.4 });
    for (const era of ERAS) {
      const all = summarize(outcomes.filter((o) => o.era === era && withTools(o)));
      const held = summarize(outcomes.filter((o) => o.era === era && withTools(o) && o.heldOut));
      if (all.n === 0) continue;
      expect(Math.abs(held.within3 / held.n - all.within3 / all.n), era).toBeLessThanOrEqual(0.03);
    }
  });

  it('the fitted constants are the training-half fit on the client key order (median residual 0 on the calls each applies to)', () => {
    expect(trainingResiduals(outcomes)).toEqual({ jsonMode: 0, toolChoiceForced: 0, v3ToolInstructions: 0 });
    // On the sorted bodies the forced-choice calls would fit one token less.
    expect(trainingResiduals(stored)).toEqual({ jsonMode: 0, toolChoiceForced: -1, v3ToolInstructions: 0 });
  });

  it('with only the fast estimate for the text, templates still render special tokens as one token each', async () => {
    await loadFastTokenizer();
    expect(summarize(promptOutcomes('fast', 'client'))).toEqual({ n: 474, exact: 182, within3: 455, worstPercent: 5.7 });
    expect(summarize(promptOutcomes('fast', 'as stored'))).toEqual({ n: 474, exact: 183, within3: 455, worstPercent: 5.7 });
  });

  it('predicts completion tokens of text-only responses', async () => {
    await loadExactTokenizer();
    const calls = readRecordedUsage();
    const textOnly = calls.filter((c) => c.response_text && !c.annotations.response_has_tool_calls);
    const results = textOnly.map((c) => {
      const actual = c.response_usage.completion_tokens ?? c.response_usage.output_tokens!;
      const era = c.created * 1000 < Date.UTC(2025, 7, 21) ? 'v3' : 'v3.1';
      return estimateCompletionTokens(c.response_text!, { era }) - actual;
    });
    expect({ n: results.length, exact: results.filter((d) => d === 0).length }).toEqual({ n: 70, exact: 64 });
  });
});
