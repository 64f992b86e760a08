/**
 * Token counts of the parts of DeepSeek's hosted prompts that no published template shows, fitted
 * to recorded API usage (test/fixtures/recordedUsage) on the training half only (calls whose
 * source hash is even; the other half is held out, see docs/benchmarks.md). recordedUsage.test.ts
 * re-runs the fit and fails when these drift from it. Every other token is rendered from the
 * published templates.
 *
 * @example
 * ```ts
 * FITTED.jsonMode; // tokens JSON mode (`response_format: { type: 'json_object' }`) adds
 * ```
 */
export const FITTED = {
  /**
   * JSON mode's instruction: the same count in every recorded V3.2 and V4 call; no V3 / V3.1 call
   * used JSON mode, so the same count is assumed there.
   */
  jsonMode: 20,
  /**
   * `tool_choice` 'required' or a named function (V4 calls; assumed the same in earlier eras).
   * The recorded calls, with the tool-schema key order their clients sent restored (rig and
   * pydantic-ai stored sorted keys), spread from 6 to 7 tokens (4 of the 6 training calls: 7;
   * two rig calls identical but for `tool_choice` null / 'required' differ by 7); it is an
   * estimate, never exact.
   */
  toolChoiceForced: 7,
  /** V3 / R1 (before 2025-08-21): the tool-use instructions after the tool sections. */
  v3: { toolInstructions: 45 },
} as const;
