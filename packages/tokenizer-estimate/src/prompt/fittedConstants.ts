/**
 * Token counts of the parts of DeepSeek's hosted prompts that no published template shows, fitted
 * to recorded API usage (test/fixtures/recordedUsage; the fit and its held-out check are in
 * bench/tokenizer/promptAccuracy.ts and docs/benchmarks.md). Every other token of a prompt is
 * rendered from the published templates.
 *
 * @example
 * ```ts
 * FITTED.jsonMode.v4; // tokens JSON mode adds to a V4 prompt
 * ```
 */
export const FITTED = {
  v3: { toolPreamble: 0 },
  v4: { toolChoiceForced: 0 },
  v31: { toolPreamble: 0 },
  jsonMode: { v3: 0, v31: 0, v32: 0, v4: 0 },
} as const;
