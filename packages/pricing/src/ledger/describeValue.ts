/**
 * A value from an untrusted state, shown in an error message: as JSON (so quotes, newlines and
 * terminal escape sequences are escaped, never printed raw), cut to 60 characters.
 *
 * @example
 * ```ts
 * describeValue('\u001b[31mred'); // '"\\u001b[31mred"'
 * describeValue(undefined); // 'nothing (the field is missing)'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  let shown: string;
  try {
    shown = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
