import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genAiSpan as span, run, tempDir } from './support.ts';

// `seekcost ledger` on the record fixtures of @seekcost/pricing (OpenTelemetry GenAI spans, AI SDK
// usage, LiteLLM logs): auto-detected per record, OTLP exports split into spans, the rest skipped.

const fixtures = fileURLToPath(new URL('../../pricing/test/fixtures/records/', import.meta.url));

describe('seekcost ledger: records as dashboards keep them', () => {
  it('reads an OTLP export line by line, span by span, and says how many spans it skipped', async () => {
    const { code, stdout } = await run(['ledger', 'otel-genai-spans.jsonl', '--group-by', 'model'], { cwd: fixtures });
    expect(code).toBe(3);
    expect(stdout).toContain('total                    3         8,320          2,000   2,605    0.00188706');
    expect(stdout).toContain('records: 4 read, 3 priced, 1 excluded (not in the totals)');
    expect(stdout).toContain('skipped: 3 OpenTelemetry span(s) that are not GenAI model calls (HTTP, agent, tool...)');
    expect(stdout).toContain('otel-genai-spans.jsonl:3: endTimeUnixNano: 1768493099000000000 is before startTimeUnixNano 1768493100000000000');
  });

  it('refers to a span of an export as file:line#n, and --strict stops at the first bad record', async () => {
    const line = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span('a', '1'), span('b', '-1')] }] }] });
    const { stdout, stderr } = await run(['ledger', '-', '--out', 'json'], { stdin: `${line}\n` });
    expect(JSON.parse(stdout).records).toMatchObject({ seen: 2, priced: 1, excluded: 1 });
    expect(stderr).toContain(':1#2: gen_ai.usage.output_tokens: must be a non-negative integer, got -1');
    const strict = await run(['ledger', 'ai-sdk-usage.jsonl', '--strict'], { cwd: fixtures });
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('ai-sdk-usage.jsonl:3: usage.totalTokens: is 600 but inputTokens + outputTokens = 540');
  });

  it('groups LiteLLM rows by a metadata field with --key-field', async () => {
    const { stdout } = await run(['ledger', 'litellm-spend-logs.jsonl', '--group-by', 'key', '--key-field', 'metadata.user_api_key_team_id'], {
      cwd: fixtures,
    });
    expect(stdout).toContain('team-support        1         5,120            880     800    0.00072576');
    expect(stdout).toContain('total               3         5,120          2,880   1,400    0.00153776');
  });

  it('reads a LiteLLM spend-log CSV export: metadata as JSON text, total_tokens checked', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'spend.csv'),
      'request_id,model,spend,startTime,endTime,prompt_tokens,completion_tokens,total_tokens,cache_hit,metadata\nchatcmpl-77aa01bc,deepseek-reasoner,0.0021,2026-01-15T16:20:00.100000+00:00,2026-01-15T16:20:09.877000+00:00,2000,600,2600,False,"{""usage_object"": {""prompt_tokens"": 2000, ""completion_tokens"": 600, ""prompt_tokens_details"": {""cached_tokens"": 0}, ""completion_tokens_details"": {""reasoning_tokens"": 450}}}"\nx2,deepseek-reasoner,0.0021,2026-01-15T16:20:00.100000+00:00,2026-01-15T16:20:09.877000+00:00,2000,600,1,False,"{""usage_object"": {""prompt_tokens"": 2000, ""completion_tokens"": 600, ""prompt_tokens_details"": {""cached_tokens"": 0}, ""completion_tokens_details"": {""reasoning_tokens"": 450}}}"\n',
    );
    const { code, stdout } = await run(['ledger', 'spend.csv'], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toContain('      1             0          2,000     600      0.000812');
    expect(stdout).toContain('spend.csv:3: total_tokens: is 1 but prompt_tokens + completion_tokens = 2600; they must agree');
  });
});
