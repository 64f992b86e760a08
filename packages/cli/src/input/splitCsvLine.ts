/**
 * Splits one CSV line (RFC 4180 quoting: fields in double quotes, `""` for a quote inside) into its
 * fields. Returns undefined when a quote is left open: records spanning several lines are not
 * supported, and the caller reports the line as malformed rather than guessing.
 *
 * @example
 * ```ts
 * splitCsvLine('a,"b, c","say ""hi"""'); // ['a', 'b, c', 'say "hi"']
 * ```
 */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) return undefined;
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i >= line.length) return fields;
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
