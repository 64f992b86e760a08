import { isGenAiModelSpan, isOtelSpan } from './readOtelSpan.ts';

/**
 * The records one input value holds, for a caller that feeds a ledger (the CLI, a log pipeline):
 * an OTLP/JSON export (`resourceSpans` / `scopeSpans` / `spans`) gives its GenAI model-call spans,
 * one record each; an OTLP span that is not a GenAI model call (HTTP, database, agent or tool
 * spans) gives none and counts as skipped; anything else is itself the one record. An export
 * whose nesting is not OTLP's is handed on whole, so `ledger.add` reports it.
 *
 * @example
 * ```ts
 * import { usageRecordsOf } from '@seekcost/pricing/ledger';
 * const span = (key: string) => ({ spanId: key, endTimeUnixNano: '1767130891000000000', attributes: [{ key, value: { intValue: '1' } }] });
 * const { records, skipped } = usageRecordsOf({ resourceSpans: [{ scopeSpans: [{ spans: [span('gen_ai.usage.input_tokens'), span('http.status_code')] }] }] });
 * records.length; // => 1
 * skipped; // => 1
 * usageRecordsOf({ model: 'deepseek-chat' }).records.length; // => 1
 * ```
 */
export function usageRecordsOf(raw: unknown): { readonly records: readonly unknown[]; readonly skipped: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { records: [raw], skipped: 0 };
  const record = raw as Readonly<Record<string, unknown>>;
  if (isOtelSpan(record)) return isGenAiModelSpan(record) ? { records: [record], skipped: 0 } : { records: [], skipped: 1 };
  if (!Object.hasOwn(record, 'resourceSpans')) return { records: [raw], skipped: 0 };
  const spans = otlpSpans(record);
  if (spans === undefined) return { records: [raw], skipped: 0 };
  const records = spans.filter((span) => isGenAiModelSpan(span));
  return { records, skipped: spans.length - records.length };
}

/**
 * Every span of an OTLP/JSON export, in order, or undefined when the nesting is not OTLP's.
 *
 * @example
 * ```ts
 * import { otlpSpans } from '@seekcost/pricing/ledger';
 * otlpSpans({ resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'a' }, { spanId: 'b' }] }] }] })?.length; // => 2
 * otlpSpans({ resourceSpans: 'x' }); // => undefined
 * ```
 */
export function otlpSpans(exported: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>[] | undefined {
  const resources = exported.resourceSpans;
  if (!Array.isArray(resources)) return undefined;
  const spans: Readonly<Record<string, unknown>>[] = [];
  for (const resource of resources) {
    const scopes = isObject(resource) ? resource.scopeSpans : undefined;
    if (!Array.isArray(scopes)) return undefined;
    for (const scope of scopes) {
      const list = isObject(scope) ? scope.spans : undefined;
      if (list === undefined && isObject(scope)) continue;
      if (!Array.isArray(list)) return undefined;
      for (const span of list) {
        if (!isObject(span)) return undefined;
        spans.push(span);
      }
    }
  }
  return spans;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
