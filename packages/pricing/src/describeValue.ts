// Internal: not exported from any entry. Error messages describe what the caller passed; the
// value may be anything (an object without a prototype, a Symbol, a 10 MB string with escape
// codes), and describing it must never throw or carry raw control characters to a terminal.

const MAX_SHOWN = 40;

/**
 * A short, safe description of any value for an error message: strings quoted and escaped (JSON
 * style) and cut at 40 characters, numbers as written, everything else by its kind. Never throws:
 * `String(Object.create(null))` throws a TypeError, this does not.
 *
 * @example
 * ```ts
 * describeValue('toString'); // '"toString"'
 * describeValue(Object.create(null)); // 'an object'
 * describeValue(-1e16); // '-10000000000000000'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value;
      // JSON.stringify escapes quotes, backslashes and C0 controls; also escape C1 controls, the
      // line/paragraph separators and the bidi controls, which terminals and log viewers also act on
      // (U+202E can make a message read backwards).
      return JSON.stringify(shown).replace(
        /[\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': {
      const digits = value.toString();
      return digits.length > MAX_SHOWN ? `${digits.slice(0, MAX_SHOWN)}...n` : `${digits}n`;
    }
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        if (Array.isArray(value)) return 'an array';
        return value instanceof Date ? 'a Date' : 'an object';
      } catch {
        // A revoked Proxy throws even on Array.isArray.
        return 'an object';
      }
  }
}
