/**
 * A tool call's arguments as DSML parameters, one per line, as `encode_arguments_to_dsml` of
 * DeepSeek's V3.2 and V4 reference encoders render them: string values as is with
 * `string="true"`, other values as JSON with `string="false"`; arguments that are not a JSON
 * object are rendered as one `arguments` string parameter (the V4 encoder's fallback). The
 * encoders re-serialise nested values with `json.dumps` (`", "`, `": "`); DeepSeek's server
 * keeps them compact (recorded usage: each `", "` of a nested value costs one token too many).
 *
 * @example
 * ```ts
 * dsmlArguments('{"city": "Paris", "days": [1, 2]}');
 * // '<｜DSML｜parameter name="city" string="true">Paris</｜DSML｜parameter>\n<｜DSML｜parameter name="days" string="false">[1,2]</｜DSML｜parameter>'
 * ```
 */
export function dsmlArguments(raw: string, dsml = '｜DSML｜', tag = 'parameter'): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const args = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { arguments: raw };
  return Object.entries(args)
    .map(
      ([key, value]) =>
        `<${dsml}${tag} name="${key}" string="${typeof value === 'string'}">${typeof value === 'string' ? value : JSON.stringify(value)}</${dsml}${tag}>`,
    )
    .join('\n');
}
