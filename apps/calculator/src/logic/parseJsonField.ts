/**
 * Parsed JSON, or the parser's reason in words for the field's error message.
 *
 * @example
 * ```ts
 * parseJsonField('[1,'); // { ok: false, reason: 'Unexpected end of JSON input' }
 * ```
 */
export type ParsedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * JSON.parse that returns the failure as a value (with line and column when the engine gives a
 * position), so a bad paste becomes a message at the field and never an exception.
 *
 * @example
 * ```ts
 * parseJsonField('{"usage": {}}'); // { ok: true, value: { usage: {} } }
 * parseJsonField('{"usage": }').ok; // false
 * ```
 */
export function parseJsonField(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    if (position === undefined || /line \d+/.test(message)) return { ok: false, reason: message };
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    return { ok: false, reason: `${message} (line ${line}, column ${column})` };
  }
}
