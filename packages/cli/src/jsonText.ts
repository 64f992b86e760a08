// JSON.stringify escapes C0 controls but writes DEL, C1, bidi controls and line separators raw;
// those would reach a terminal when JSON output is not redirected (see terminalText.ts).
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as pretty JSON that is also safe on a terminal: JSON.stringify already escapes C0
 * controls; this also writes DEL, C1, bidi controls and line separators as `\uXXXX` escapes, which
 * parse back to the same string.
 *
 * @example
 * ```ts
 * jsonText({ key: 'a\u202eb' }); // '{\n  "key": "a\\u202eb"\n}\n'
 * ```
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
