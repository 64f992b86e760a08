/**
 * Characters that must not reach a terminal raw: C0 controls (ESC starts ANSI sequences that can
 * move the cursor, rewrite the screen or set the window title; CR and LF forge lines; TAB breaks
 * columns), DEL, C1 controls (U+009B is a one-character CSI), the bidirectional overrides,
 * embeddings, isolates and marks (U+202E shows `exe.txt` as `txt.exe`), and the Unicode line and
 * paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).padStart(width, '0');

/**
 * One line of text made safe to print on a terminal: every control character (C0, DEL, C1, line
 * breaks), bidi control and line separator becomes a visible escape, `\x1b` for codes up to 0xFF and
 * `\u202e` above. Everything the CLI prints that can hold a user's or a data file's string (table
 * cells, keys, model ids, file names, error messages, warning codes from a merged state) goes
 * through it. Backslashes are left alone: a file name like `C:\logs` stays readable.
 *
 * @example
 * ```ts
 * terminalText('team\u001b[2Ja'); // 'team\\x1b[2Ja'
 * terminalText('invoice\u202etxt.exe'); // 'invoice\\u202etxt.exe'
 * ```
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * Multi-line output made safe line by line: the line breaks between lines stay, every other
 * control character in them is escaped as by {@link terminalText}.
 *
 * @example
 * ```ts
 * terminalLines('a\u001b\nb\n'); // 'a\\x1b\nb\n'
 * ```
 */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}
