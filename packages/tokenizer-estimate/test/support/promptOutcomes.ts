/**
 * Prompt-token predictions against every recorded DeepSeek call of the fixture (both files), with
 * the era, the kind of request and a deterministic half split; shared by recordedUsage.test.ts and
 * bench/tokenizer/promptAccuracy.ts so the test and the benchmark table measure the same thing.
 */
import { MORE_RECORDED_USAGE_PATH, readRecordedLines } from '../../../../test/support/recordedUsage.ts';
import { estimatePromptTokensDetailed } from '../../src/index.ts';
import { RECORDED_USAGE_PATH, type RecordedCall } from './recordedUsage.ts';
import { restoreClientKeyOrder } from './restoreClientKeyOrder.ts';
import { RIG_CASSETTE_COMMITTED } from './rigCassetteDates.ts';

/** Eras as reported: R1 is V3's template with thinking (deepseek-reasoner before 2025-08-21). */
export type ReportEra = 'v3' | 'r1' | 'v3.1' | 'v3.2' | 'v4' | 'v4.1';
/**
 * Which key order the request bodies are estimated in: as stored in the fixture (rig and pydantic-ai
 * bodies with sorted keys), or with the tool schemas' key order their clients sent put back
 * (restoreClientKeyOrder.ts).
 */
export type KeyOrder = 'as stored' | 'client';
/** Kinds of request, in this order of precedence. */
export type RequestKind = 'json mode' | 'tool results' | 'tools' | 'no tools';

export interface PromptOutcome {
  readonly source: string;
  readonly era: ReportEra;
  readonly kind: RequestKind;
  readonly toolChoice: string;
  readonly heldOut: boolean;
  /** `response_format: { type: 'json_object' }`. */
  readonly jsonMode: boolean;
  /** Tools defined and rendered (tool_choice is not 'none'). */
  readonly toolsRendered: boolean;
  readonly predicted: number;
  readonly actual: number;
}

/** FNV-1a, 32 bits: a stable hash for the half split (no randomness, same split on every machine). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The held-out half: calls whose source hash is odd. Fitted constants may only look at the other half. */
export function isHeldOut(call: Pick<RecordedCall, 'source'> & { interaction_index?: number }): boolean {
  return fnv1a(`${call.source}#${call.interaction_index ?? 0}`) % 2 === 1;
}

/** When the call was made: `created`, or for rig (created scrubbed to 0) its cassette's commit date. */
export function callInstant(call: RecordedCall): number {
  if (call.created > 0) return call.created * 1000;
  const committed = RIG_CASSETTE_COMMITTED[call.source];
  if (committed === undefined) throw new Error(`no date for ${call.source}: created is 0 and it is not a known rig cassette`);
  return Date.parse(committed);
}

function kindOf(request: Record<string, unknown>): RequestKind {
  const format = request['response_format'] ?? (request['text'] as Record<string, unknown> | undefined)?.['format'];
  if (format !== undefined && format !== null) return 'json mode';
  const items = (request['messages'] ?? request['input']) as Record<string, unknown>[] | undefined;
  if (Array.isArray(items) && items.some((item) => item['role'] === 'tool' || item['type'] === 'function_call_output')) return 'tool results';
  const tools = request['tools'];
  if (Array.isArray(tools) && tools.length > 0) return 'tools';
  return 'no tools';
}

/**
 * All calls with a recorded request, predicted with the exact tokenizer (or `method`; load it
 * first), on the bodies as stored or (`keyOrder: 'client'`) in their clients' key order.
 *
 * @example
 * ```ts
 * await loadExactTokenizer();
 * promptOutcomes().length; // 474
 * promptOutcomes('exact', 'client').length; // 474, rig and pydantic-ai bodies in their clients' key order
 * ```
 */
export function promptOutcomes(method: 'exact' | 'fast' = 'exact', keyOrder: KeyOrder = 'as stored'): PromptOutcome[] {
  const calls = [...readRecordedLines<RecordedCall>(RECORDED_USAGE_PATH), ...readRecordedLines<RecordedCall>(MORE_RECORDED_USAGE_PATH)];
  return calls
    .filter((call) => call.request_known && call.request !== null)
    .map((call) => {
      const request = keyOrder === 'client' ? restoreClientKeyOrder(call.source, call.request!) : call.request!;
      const estimate = estimatePromptTokensDetailed(request, { at: callInstant(call), method });
      const era: ReportEra = estimate.era === 'v3' && estimate.thinking ? 'r1' : estimate.era;
      const choice = request['tool_choice'];
      const format = request['response_format'] as { type?: string } | undefined | null;
      const tools = request['tools'];
      return {
        source: call.source,
        era,
        kind: kindOf(request),
        toolChoice: typeof choice === 'string' ? choice : choice === undefined || choice === null ? '' : 'named',
        heldOut: isHeldOut(call as RecordedCall & { interaction_index?: number }),
        jsonMode: format?.type === 'json_object',
        toolsRendered: Array.isArray(tools) && tools.length > 0 && choice !== 'none',
        predicted: estimate.tokens,
        actual: call.response_usage.prompt_tokens ?? call.response_usage.input_tokens!,
      };
    });
}

/**
 * Exact share, within-±3% share and worst relative error of a set of outcomes.
 *
 * @example
 * ```ts
 * summarize([{ predicted: 10, actual: 10 }]); // { n: 1, exact: 1, within3: 1, worstPercent: 0 }
 * ```
 */
export function summarize(outcomes: readonly Pick<PromptOutcome, 'predicted' | 'actual'>[]) {
  const errors = outcomes.map((o) => (o.predicted - o.actual) / o.actual);
  return {
    n: outcomes.length,
    exact: outcomes.filter((o) => o.predicted === o.actual).length,
    within3: errors.filter((e) => Math.abs(e) <= 0.03).length,
    worstPercent: Math.round(Math.max(0, ...errors.map(Math.abs)) * 1000) / 10,
  };
}

/**
 * The fit of each constant of FITTED (src/prompt/fittedConstants.ts) on the training half: the
 * median of actual − predicted over the training calls the constant applies to. Zero for every
 * group means the constants in the source are exactly the training-half fit.
 *
 * @example
 * ```ts
 * trainingResiduals(promptOutcomes()); // { jsonMode: 0, toolChoiceForced: 0, v3ToolInstructions: 0 }
 * ```
 */
export function trainingResiduals(outcomes: readonly PromptOutcome[]): Record<'jsonMode' | 'toolChoiceForced' | 'v3ToolInstructions', number> {
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  const residuals = (keep: (o: PromptOutcome) => boolean) => median(outcomes.filter((o) => !o.heldOut && keep(o)).map((o) => o.actual - o.predicted));
  return {
    jsonMode: residuals((o) => o.jsonMode),
    toolChoiceForced: residuals((o) => o.toolsRendered && (o.toolChoice === 'required' || o.toolChoice === 'named')),
    v3ToolInstructions: residuals((o) => o.toolsRendered && (o.era === 'v3' || o.era === 'r1')),
  };
}
