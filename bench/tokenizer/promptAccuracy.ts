// Prompt-token accuracy against every recorded DeepSeek call of the fixture (both files of
// test/fixtures/recordedUsage), as the markdown table of docs/benchmarks.md: era x kind of request
// x (exact / within ±3% / worst), on all calls and on the held-out half, plus the training-half
// fit of the fitted constants (all zero when src/prompt/fittedConstants.ts is the fit). Twice: on the
// request bodies as stored, and with the tool schemas' key order their clients sent put back (rig and
// pydantic-ai stored sorted keys; packages/tokenizer-estimate/test/support/restoreClientKeyOrder.ts).
// The same outcomes are asserted by packages/tokenizer-estimate/test/recordedUsage.test.ts.
//
// Run from the repo root:  npx tsx bench/tokenizer/promptAccuracy.ts
import { cpus } from 'node:os';
import { loadExactTokenizer } from '../../packages/tokenizer-estimate/src/index.ts';
import {
  type KeyOrder,
  type PromptOutcome,
  promptOutcomes,
  summarize,
  trainingResiduals,
} from '../../packages/tokenizer-estimate/test/support/promptOutcomes.ts';

await loadExactTokenizer();
const ERAS = ['v3', 'r1', 'v3.1', 'v3.2', 'v4'] as const;
const KINDS = ['no tools', 'tools', 'tool results', 'json mode'] as const;

function cell(selected: readonly PromptOutcome[]): string {
  if (selected.length === 0) return '–';
  const s = summarize(selected);
  return `${s.exact}/${s.n} · ${s.within3}/${s.n} · ${s.worstPercent}%`;
}

const lines = [`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}.`];
const TITLES: Record<KeyOrder, string> = {
  client: "Tool schemas in the key order their clients sent (rig and pydantic-ai restored; the issue's targets apply here)",
  'as stored': 'Request bodies as stored in the fixture (rig and pydantic-ai with sorted keys)',
};
for (const keyOrder of ['client', 'as stored'] as const) {
  const outcomes = promptOutcomes('exact', keyOrder);
  lines.push(
    '',
    `#### ${TITLES[keyOrder]}`,
    '',
    `Cells: exact · within ±3% · worst error. All ${outcomes.length} calls with a recorded request / held-out half (${outcomes.filter((o) => o.heldOut).length}).`,
    '',
    `| Era | ${KINDS.join(' | ')} | with tools (tools + results) |`,
    `| --- | ${KINDS.map(() => '---').join(' | ')} | --- |`,
  );
  for (const era of ERAS) {
    for (const heldOut of [false, true]) {
      const pick = (keep: (o: PromptOutcome) => boolean) => outcomes.filter((o) => o.era === era && (!heldOut || o.heldOut) && keep(o));
      const cells = KINDS.map((kind) => cell(pick((o) => o.kind === kind)));
      const tools = cell(pick((o) => o.kind === 'tools' || o.kind === 'tool results'));
      lines.push(`| ${era}${heldOut ? ' (held out)' : ''} | ${cells.join(' | ')} | ${tools} |`);
    }
  }
  lines.push('', `Training-half fit residuals (median actual − predicted): ${JSON.stringify(trainingResiduals(outcomes))}`);
}
console.log(lines.join('\n'));
