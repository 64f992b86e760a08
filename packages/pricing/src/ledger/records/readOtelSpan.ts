import { InvalidUsageError } from '../../errors.ts';
import { describeValue } from '../../describeValue.ts';
import { validateTokenCount } from '../../normalizeUsage.ts';
import type { ForeignReadResult } from './foreignRecord.ts';

// OpenTelemetry GenAI semantic conventions (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/,
// attribute registry https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/):
//   gen_ai.request.model  "The name of the GenAI model a request is being made to."
//   gen_ai.response.model "The name of the model that generated the response."
//   gen_ai.response.id    "The unique identifier for the completion."
//   gen_ai.usage.input_tokens  "The number of tokens used in the GenAI input (prompt)." ... "This value
//                               SHOULD include all types of input tokens, including cached tokens."
//   gen_ai.usage.output_tokens "The number of tokens used in the GenAI response (completion)."
//   gen_ai.usage.cache_read.input_tokens "The number of input tokens served from a provider-managed
//                               cache." ... "The value SHOULD be included in gen_ai.usage.input_tokens."
//   gen_ai.usage.cache_creation.input_tokens "The number of input tokens written to a provider-managed
//                               cache." ... "The value SHOULD be included in gen_ai.usage.input_tokens."
//   gen_ai.provider.name (gen_ai.system before semconv 1.37), e.g. "deepseek".
//   gen_ai.operation.name: chat, text_completion, generate_content, embeddings, create_agent,
//                               invoke_agent, execute_tool.
// OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): attributes are
// [{ key, value: { stringValue | intValue | doubleValue | boolValue | ... } }]; 64-bit integers
// (intValue, startTimeUnixNano, endTimeUnixNano) are decimal strings, numbers also accepted.

const INPUT = 'gen_ai.usage.input_tokens';
const OUTPUT = 'gen_ai.usage.output_tokens';
const CACHE_READ = 'gen_ai.usage.cache_read.input_tokens';
// The name before the registry's dotted one, still written by OpenLLMetry and others; read as the
// same count (both present must agree), since ignoring it would bill every cache hit as a miss.
const CACHE_READ_OLD = 'gen_ai.usage.cache_read_input_tokens';
// Agent and tool spans wrap the model calls they make; an agent span's usage (if any) is the sum of
// its children, so pricing it too would count the same tokens twice.
const NOT_MODEL_CALLS = new Set(['create_agent', 'invoke_agent', 'execute_tool', 'embeddings']);
const NANOS_PER_MS = 1_000_000n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Whether a value looks like one OTLP span (as opposed to an export or another record).
 *
 * @example
 * ```ts
 * import { isOtelSpan } from '@seekcost/pricing/ledger';
 * isOtelSpan({ spanId: 'a1', endTimeUnixNano: '1767130891000000000', attributes: [] }); // => true
 * isOtelSpan({ model: 'deepseek-chat' }); // => false
 * ```
 */
export function isOtelSpan(value: Readonly<Record<string, unknown>>): boolean {
  return Array.isArray(value.attributes) && ('endTimeUnixNano' in value || 'spanId' in value);
}

/**
 * Whether an OTLP span is a GenAI model call that used tokens: it carries `gen_ai.usage.*` token
 * attributes and is not an agent or tool span (whose usage, if any, repeats its children's).
 *
 * @example
 * ```ts
 * import { isGenAiModelSpan } from '@seekcost/pricing/ledger';
 * isGenAiModelSpan({ attributes: [{ key: 'gen_ai.usage.input_tokens', value: { intValue: '10' } }] }); // => true
 * isGenAiModelSpan({ attributes: [{ key: 'http.route', value: { stringValue: '/' } }] }); // => false
 * ```
 */
export function isGenAiModelSpan(span: Readonly<Record<string, unknown>>): boolean {
  const attributes = span.attributes;
  if (!Array.isArray(attributes)) return false;
  let usage = false;
  for (const attribute of attributes) {
    if (typeof attribute !== 'object' || attribute === null) continue;
    const key = (attribute as Record<string, unknown>).key;
    if (key === INPUT || key === OUTPUT) usage = true;
    if (key === 'gen_ai.operation.name') {
      const value = (attribute as Record<string, unknown>).value;
      const name = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).stringValue : undefined;
      if (typeof name === 'string' && NOT_MODEL_CALLS.has(name)) return false;
    }
  }
  return usage;
}

/**
 * Reads one OTLP/JSON span of a GenAI model call: the model (`gen_ai.response.model`, else
 * `gen_ai.request.model`; both present and different is an error), the token counts
 * (`gen_ai.usage.input_tokens` including `gen_ai.usage.cache_read.input_tokens`,
 * `gen_ai.usage.output_tokens`), the response id (`gen_ai.response.id`, else `span:traceId/spanId`)
 * and the END time, the completion time DeepSeek bills by, from `endTimeUnixNano` read exactly
 * (BigInt nanoseconds, floored to the millisecond they fall in). Counts or times that disagree
 * (cache reads above input, end before start, an attribute given twice) are failures naming the field.
 *
 * @example
 * ```ts
 * import { readOtelSpan } from '@seekcost/pricing/ledger';
 * const read = readOtelSpan({
 *   traceId: 't', spanId: 's', startTimeUnixNano: '1767130890000000000', endTimeUnixNano: '1767130891999999999',
 *   attributes: [
 *     { key: 'gen_ai.request.model', value: { stringValue: 'deepseek-chat' } },
 *     { key: 'gen_ai.usage.input_tokens', value: { intValue: '900' } },
 *     { key: 'gen_ai.usage.cache_read.input_tokens', value: { intValue: 800 } },
 *     { key: 'gen_ai.usage.output_tokens', value: { intValue: '50' } },
 *   ],
 * });
 * 'atMs' in read && read.atMs; // => 1767130891999
 * 'usage' in read && read.usage.cacheMissInputTokens; // => 100
 * ```
 */
export function readOtelSpan(span: Readonly<Record<string, unknown>>): ForeignReadResult {
  const attributes = readAttributes(span.attributes);
  if (typeof attributes === 'string') return { code: 'malformed', field: 'attributes', message: attributes };
  if (!attributes.has(INPUT) && !attributes.has(OUTPUT)) {
    return { code: 'missing-usage', field: 'attributes', message: `attributes: not a GenAI model-call span (no ${INPUT} or ${OUTPUT})` };
  }
  const requestModel = attributes.get('gen_ai.request.model');
  const responseModel = attributes.get('gen_ai.response.model');
  for (const [key, value] of [
    ['gen_ai.response.model', responseModel],
    ['gen_ai.request.model', requestModel],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === ''))
      return { code: 'missing-model', field: key, message: `${key}: must be a non-empty string, got ${describeValue(value)}` };
  }
  if (typeof requestModel === 'string' && typeof responseModel === 'string' && requestModel !== responseModel) {
    return {
      code: 'invalid-usage',
      field: 'gen_ai.response.model',
      message: `gen_ai.response.model: is '${responseModel}' but gen_ai.request.model is '${requestModel}'; seekcost will not guess which was billed`,
    };
  }
  const model = responseModel ?? requestModel;
  if (typeof model !== 'string')
    return { code: 'missing-model', field: 'gen_ai.request.model', message: 'gen_ai.request.model: is missing (and so is gen_ai.response.model)' };

  let usage: Readonly<Record<string, unknown>>;
  try {
    const input = count(attributes, INPUT, true) as number;
    const output = count(attributes, OUTPUT, true) as number;
    const current = count(attributes, CACHE_READ, false);
    const old = count(attributes, CACHE_READ_OLD, false);
    if (current !== undefined && old !== undefined && current !== old)
      throw new InvalidUsageError(CACHE_READ_OLD, `is ${old} but ${CACHE_READ} is ${current}; they must agree`);
    const cacheRead = current ?? old ?? 0;
    const cacheField = current !== undefined || old === undefined ? CACHE_READ : CACHE_READ_OLD;
    if (cacheRead > input) throw new InvalidUsageError(cacheField, `${cacheRead} exceeds ${INPUT} (${input}), which includes it`);
    usage = { cacheHitInputTokens: cacheRead, cacheMissInputTokens: input - cacheRead, outputTokens: output };
  } catch (error) {
    if (error instanceof InvalidUsageError) return { code: 'invalid-usage', field: error.field, message: error.message };
    throw error;
  }

  const end = nanosToMs(span.endTimeUnixNano, 'endTimeUnixNano');
  if (typeof end !== 'number') return end;
  if (span.startTimeUnixNano !== undefined && span.startTimeUnixNano !== null) {
    const start = nanosToMs(span.startTimeUnixNano, 'startTimeUnixNano');
    if (typeof start !== 'number') return start;
    // Compared in whole nanoseconds: both were floored to ms, so ms order alone could hide 1 ns of disorder.
    if (BigInt(String(span.endTimeUnixNano)) < BigInt(String(span.startTimeUnixNano))) {
      return {
        code: 'invalid-timestamp',
        field: 'endTimeUnixNano',
        message: `endTimeUnixNano: ${String(span.endTimeUnixNano)} is before startTimeUnixNano ${String(span.startTimeUnixNano)}`,
      };
    }
  }
  const responseId = attributes.get('gen_ai.response.id');
  const id =
    typeof responseId === 'string' && responseId !== ''
      ? responseId
      : typeof span.spanId === 'string' && span.spanId !== ''
        ? `span:${typeof span.traceId === 'string' ? span.traceId : ''}/${span.spanId}`
        : undefined;
  return { model, atMs: end, atField: 'endTimeUnixNano', id, usage };
}

// A Map, not an object: attribute keys are data ('__proto__', 'constructor') and must stay data.
function readAttributes(raw: unknown): Map<string, unknown> | string {
  if (!Array.isArray(raw)) return `attributes: must be an array of { key, value }, got ${describeValue(raw)}`;
  const map = new Map<string, unknown>();
  for (const [i, attribute] of raw.entries()) {
    if (typeof attribute !== 'object' || attribute === null || Array.isArray(attribute)) return `attributes[${i}]: must be an object { key, value }`;
    const { key, value } = attribute as Record<string, unknown>;
    if (typeof key !== 'string') return `attributes[${i}].key: must be a string, got ${describeValue(key)}`;
    const read = anyValue(value);
    if (map.has(key) && JSON.stringify(map.get(key)) !== JSON.stringify(read)) return `attributes: ${describeValue(key)} appears twice with different values`;
    map.set(key, read);
  }
  return map;
}

// Unwraps an OTLP AnyValue; intValue stays a string or number here and is checked where it is a count.
function anyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (Object.hasOwn(v, 'stringValue')) return v.stringValue;
  if (Object.hasOwn(v, 'intValue')) return { intValue: v.intValue };
  if (Object.hasOwn(v, 'doubleValue')) return { doubleValue: v.doubleValue };
  if (Object.hasOwn(v, 'boolValue')) return v.boolValue;
  return { other: true };
}

function count(attributes: Map<string, unknown>, key: string, required: boolean): number | undefined {
  if (!attributes.has(key)) {
    if (required) throw new InvalidUsageError(key, 'is missing');
    return undefined;
  }
  const value = attributes.get(key);
  if (typeof value === 'object' && value !== null && 'intValue' in value) {
    const int = (value as { intValue: unknown }).intValue;
    if (typeof int === 'string') {
      if (!/^-?\d{1,30}$/.test(int)) throw new InvalidUsageError(key, `intValue must be a decimal integer string, got ${describeValue(int)}`);
      const big = BigInt(int);
      if (big > MAX_SAFE) throw new InvalidUsageError(key, `is too large to count exactly (${int})`);
      return validateTokenCount(Number(big), key);
    }
    return validateTokenCount(int, key);
  }
  // JavaScript exporters send whole numbers as intValue but some pipelines re-encode them as doubles.
  if (typeof value === 'object' && value !== null && 'doubleValue' in value) return validateTokenCount((value as { doubleValue: unknown }).doubleValue, key);
  throw new InvalidUsageError(key, `must be an intValue, got ${typeof value === 'string' ? `the stringValue ${describeValue(value)}` : describeValue(value)}`);
}

function nanosToMs(
  value: unknown,
  field: string,
): number | { code: 'invalid-timestamp' | 'missing-timestamp' | 'absurd-timestamp'; field: string; message: string } {
  if (value === undefined || value === null) return { code: 'missing-timestamp', field, message: `${field}: is missing; a span is priced at its end time` };
  let nanos: bigint;
  if (typeof value === 'string' && /^\d{1,40}$/.test(value)) nanos = BigInt(value);
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) nanos = BigInt(value);
  else {
    const why =
      typeof value === 'number' && Number.isInteger(value) && value > 0
        ? ' (as a JSON number it has lost precision: OTLP/JSON writes it as a decimal string)'
        : '';
    return { code: 'invalid-timestamp', field, message: `${field}: must be unix nanoseconds as a decimal string, got ${describeValue(value)}${why}` };
  }
  if (nanos === 0n) return { code: 'missing-timestamp', field, message: `${field}: is 0, which OTLP uses for "not set"` };
  const ms = nanos / NANOS_PER_MS;
  // Before March 1973 in nanoseconds is a value in seconds or milliseconds: refuse it rather than price it in 1970.
  if (ms < 100_000_000_000n)
    return {
      code: 'invalid-timestamp',
      field,
      message: `${field}: ${describeValue(value)} nanoseconds is before 1973; it looks like seconds or milliseconds, not nanoseconds`,
    };
  if (ms > MAX_SAFE)
    return { code: 'absurd-timestamp', field, message: `${field}: ${describeValue(value)} nanoseconds is far past 2100; the clock or the unit is wrong` };
  return Number(ms);
}
