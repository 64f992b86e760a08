import { InvalidInstantError } from '../errors.ts';
import type { InstantBasis } from '../priceRequest.ts';
import { toEpochMs } from '../toEpochMs.ts';
import { type ForeignReadResult, isReadFailure } from './records/foreignRecord.ts';
import { isLiteLlmLog, readLiteLlmLog } from './records/readLiteLlmLog.ts';
import { isGenAiModelSpan, isOtelSpan, readOtelSpan } from './records/readOtelSpan.ts';
import { otlpSpans } from './records/usageRecordsOf.ts';
import type { LedgerIssueCode } from './types.ts';

/**
 * The fields a ledger needs from one record, whatever shape it arrived in.
 *
 * @example
 * ```ts
 * const fields = {} as RecordFields;
 * readLedgerRecord({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 1, completion_tokens: 1 } }, 'completion', undefined, fields);
 * fields.atMs; // 1740830400000
 * ```
 */
export interface RecordFields {
  model: string;
  atMs: number;
  basis: InstantBasis;
  usage: Readonly<Record<string, unknown>>;
  id: string | undefined;
  key: string | undefined;
  /** The record's `metered` counts and `meteredVia`, unread (the ledger prices and checks them). */
  metered?: unknown;
  meteredVia?: unknown;
}

/**
 * Why a record could not be read (before any pricing).
 *
 * @example
 * ```ts
 * readLedgerRecord({ model: 'deepseek-chat', usage: {} }, 'completion', undefined, {} as RecordFields)?.code; // 'missing-timestamp'
 * ```
 */
export interface RecordReadFailure {
  readonly code: LedgerIssueCode;
  readonly field: string | undefined;
  readonly message: string;
}

// Unix seconds above this are in the year 5138: the value is almost surely milliseconds. Epoch
// milliseconds below it are before March 1973, long before any DeepSeek API: almost surely seconds.
const SECONDS_CEILING = 1e11;
// Nothing can have been billed after 2100: a date past it is a unit or clock error, not a record.
const LATEST_PLAUSIBLE_MS = Date.UTC(2100, 0, 1);

type Raw = Readonly<Record<string, unknown>>;

/**
 * Reads the model, instant, usage, response id and caller key of a record in any shape the ledger
 * accepts, into `into` (reused, so the hot path allocates nothing), or returns why it cannot:
 *
 * - ledger shape `{ model, at, usage, id?, key?, basis? }` (`at`: epoch ms, Date or ISO string with a
 *   zone; completion time unless `basis: 'request'` or `defaultBasis` says otherwise);
 * - an OpenAI-format chat completion `{ id, model, created, usage }` (`created`: unix seconds, the
 *   request time); a Responses-API response `{ id, model, created_at, completed_at?, usage }`
 *   (`completed_at` is the completion time and wins when present);
 * - a wrapper `{ at?, key?, response }` around any response, e.g. an Anthropic-format message, which
 *   carries no timestamp of its own;
 * - logs that store the usage as `response_usage` and the id as `response_id`;
 * - Vercel AI SDK records `{ model, at, usage | totalUsage }` (`totalUsage`, all steps, wins);
 * - an OpenTelemetry GenAI span in OTLP/JSON, priced at its end time (see readOtelSpan), or an OTLP
 *   export holding exactly one GenAI model-call span (split larger ones with usageRecordsOf);
 * - a LiteLLM spend-log row or StandardLoggingPayload, priced at `endTime` (see readLiteLlmLog).
 *
 * Timestamps in the wrong unit (milliseconds in `created`, seconds in `at`) and dates past 2100 are
 * refused with their own codes rather than guessed at. Every instant is read by {@link toEpochMs}:
 * an impossible date (`2025-02-30T12:00:00Z`), a value out of its range (`-1e16`) or a string it does
 * not accept is an `invalid-timestamp` failure with the parser's reason, never a rolled-over date.
 *
 * @example
 * ```ts
 * const fields = {} as RecordFields;
 * readLedgerRecord({ id: 'r1', model: 'deepseek-chat', created: 1767130891, usage: { prompt_tokens: 21, completion_tokens: 1 } }, 'completion', undefined, fields);
 * // undefined (it was read); fields.atMs === 1767130891000, fields.basis === 'request'
 * ```
 */
export function readLedgerRecord(
  raw: unknown,
  defaultBasis: InstantBasis,
  keyOf: ((record: Raw) => unknown) | undefined,
  into: RecordFields,
): RecordReadFailure | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      code: 'malformed',
      field: undefined,
      message: `a record must be an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`,
    };
  }
  const record = raw as Raw;
  // Spans and LiteLLM JSON rows have no `usage` (a LiteLLM CSV row has one, and `endTime`): the
  // API shapes, almost every record, pass this one test and skip the format checks.
  if (record.usage === undefined || record.endTime !== undefined) {
    const foreign = readForeign(record);
    if (foreign !== undefined) return intoFields(foreign, record, keyOf, into);
  }
  const wrapped = record.response;
  const body = typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped) ? (wrapped as Raw) : record;

  const model = record.model ?? body.model;
  if (typeof model !== 'string' || model.length === 0) {
    return {
      code: 'missing-model',
      field: 'model',
      message: model === undefined ? 'model: is missing' : `model: must be a non-empty string, got ${describe(model)}`,
    };
  }
  const usage = record.totalUsage ?? record.usage ?? record.response_usage ?? body.usage;
  if (typeof usage !== 'object' || usage === null || Array.isArray(usage)) {
    return { code: 'missing-usage', field: 'usage', message: usage === undefined ? 'usage: is missing' : `usage: must be an object, got ${describe(usage)}` };
  }

  const failure = readInstant(record, body, defaultBasis, into);
  if (failure !== undefined) return failure;

  const id = record.id ?? record.response_id ?? body.id;
  const key = keyOf === undefined ? record.key : keyOf(record);
  into.model = model;
  into.usage = usage as Raw;
  into.id = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  into.key = key === undefined || key === null ? undefined : String(key);
  into.metered = record.metered;
  into.meteredVia = record.meteredVia;
  return undefined;
}

// Formats other tools log in; undefined for the API and ledger shapes read below.
function readForeign(record: Raw): ForeignReadResult | undefined {
  if (isOtelSpan(record)) return readOtelSpan(record);
  if (Object.hasOwn(record, 'resourceSpans')) {
    const spans = otlpSpans(record);
    if (spans === undefined)
      return { code: 'malformed', field: 'resourceSpans', message: 'resourceSpans: not an OTLP/JSON export (expected resourceSpans[].scopeSpans[].spans[])' };
    const genAi = spans.filter((span) => isGenAiModelSpan(span));
    if (genAi.length === 1) return readOtelSpan(genAi[0] as Raw);
    return {
      code: 'malformed',
      field: 'resourceSpans',
      message: `resourceSpans: an OTLP export with ${genAi.length} GenAI model-call spans (of ${spans.length}); add each span (usageRecordsOf splits an export)`,
    };
  }
  if (isLiteLlmLog(record)) return readLiteLlmLog(record);
  return undefined;
}

function intoFields(read: ForeignReadResult, record: Raw, keyOf: ((record: Raw) => unknown) | undefined, into: RecordFields): RecordReadFailure | undefined {
  if (isReadFailure(read)) return read;
  const absurd = afterPlausible(read.atMs, read.atField);
  if (absurd !== undefined) return absurd;
  const key = keyOf === undefined ? record.key : keyOf(record);
  into.model = read.model;
  into.atMs = read.atMs;
  into.basis = 'completion';
  into.usage = read.usage;
  into.id = read.id;
  into.key = key === undefined || key === null ? undefined : String(key);
  // `into` is reused across records: a previous record's per-call counts must not carry over.
  into.metered = undefined;
  into.meteredVia = undefined;
  return undefined;
}

function readInstant(record: Raw, body: Raw, defaultBasis: InstantBasis, into: RecordFields): RecordReadFailure | undefined {
  const at = record.at;
  if (at !== undefined && at !== null) {
    const basis = record.basis ?? defaultBasis;
    if (basis !== 'completion' && basis !== 'request')
      return { code: 'malformed', field: 'basis', message: `basis: must be 'completion' or 'request', got ${describe(basis)}` };
    into.basis = basis;
    return readAt(at, into);
  }
  const completedAt = body.completed_at ?? record.completed_at;
  if (completedAt !== undefined && completedAt !== null) {
    into.basis = 'completion';
    return readUnixSeconds(completedAt, 'completed_at', into);
  }
  const createdField = body.created !== undefined || record.created !== undefined ? 'created' : 'created_at';
  const created = record[createdField] ?? body[createdField];
  if (created !== undefined && created !== null) {
    into.basis = 'request';
    return readUnixSeconds(created, createdField, into);
  }
  return { code: 'missing-timestamp', field: 'at', message: 'at: no timestamp (expected at, completed_at, created or created_at)' };
}

// Both instant forms go through the project's one strict parser (toEpochMs), so a record's 'at'
// means what the same text means to priceRequest, and a bad one is excluded with its reason.
function readAt(at: unknown, into: RecordFields): RecordReadFailure | undefined {
  if (typeof at === 'number' && Number.isFinite(at) && Math.abs(at) < SECONDS_CEILING) {
    return {
      code: 'timestamp-in-seconds',
      field: 'at',
      message: `at: ${at} as epoch milliseconds is ${isoOf(at)}; it looks like unix seconds (${isoOf(at * 1000)}). Give at in milliseconds or an ISO string`,
    };
  }
  if (typeof at !== 'number' && typeof at !== 'string' && !(at instanceof Date)) {
    return { code: 'invalid-timestamp', field: 'at', message: `at: must be epoch milliseconds, a Date or an ISO string, got ${describe(at)}` };
  }
  const ms = strictInstant(at, 'at');
  if (typeof ms !== 'number') return ms;
  const absurd = afterPlausible(ms, 'at');
  if (absurd === undefined) into.atMs = ms;
  return absurd;
}

function readUnixSeconds(value: unknown, field: string, into: RecordFields): RecordReadFailure | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { code: 'invalid-timestamp', field, message: `${field}: must be unix seconds (a number), got ${describe(value)}` };
  }
  if (Math.abs(value) >= SECONDS_CEILING) {
    return {
      code: 'timestamp-in-milliseconds',
      field,
      message: `${field}: ${value} as unix seconds is after the year 5000; it looks like milliseconds (${isoOf(value)}). ${field} must be in seconds`,
    };
  }
  const ms = strictInstant(Math.round(value * 1000), field);
  if (typeof ms !== 'number') return ms;
  const absurd = afterPlausible(ms, field);
  if (absurd === undefined) into.atMs = ms;
  return absurd;
}

function strictInstant(value: Date | number | string, field: string): number | RecordReadFailure {
  try {
    return toEpochMs(value, field);
  } catch (error) {
    if (!(error instanceof InvalidInstantError)) throw error;
    return { code: 'invalid-timestamp', field, message: error.message };
  }
}

// Nothing can have been billed after 2100 (NaN included): a unit or clock error, not a record.
function afterPlausible(ms: number, field: string): RecordReadFailure | undefined {
  if (ms < LATEST_PLAUSIBLE_MS) return undefined;
  return { code: 'absurd-timestamp', field, message: `${field}: ${isoOf(ms)} is after 2100; the clock or the unit is wrong` };
}

function isoOf(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : 'an invalid date';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}
