/**
 * Serialises a JSON value like Python's `json.dumps` with default separators (`", "`, `": "`) and
 * `ensure_ascii=False`, the form chat templates render tool schemas in (via Jinja's `tojson`).
 *
 * @example
 * ```ts
 * pythonJson({ type: 'object', required: ['city'] }); // '{"type": "object", "required": ["city"]}'
 * ```
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return 'null';
}
