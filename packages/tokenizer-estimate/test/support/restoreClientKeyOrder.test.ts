import { describe, expect, it } from 'vitest';
import { MORE_RECORDED_USAGE_PATH, RECORDED_USAGE_PATH, readRecordedLines } from '../../../../test/support/recordedUsage.ts';
import { CLIENT_TOOL_SCHEMAS } from './clientToolSchemas.ts';
import type { RecordedCall } from './recordedUsage.ts';
import { restoreClientKeyOrder } from './restoreClientKeyOrder.ts';

const RIG = '0xPlaygrounds/rig@57b4ad2bb354c3f665dc079dedff05d31eacf98d:tests/cassettes/deepseek/truncation_matrix/x.yaml';
const SORTED_PAGE_ONCALL = { properties: { team: { type: 'string' } }, required: ['team'], type: 'object' };
const chatTool = (name: string, parameters: unknown) => ({ function: { description: 'd', name, parameters }, type: 'function' });
const parametersOf = (request: Readonly<Record<string, unknown>>, index = 0) => {
  const tool = (request['tools'] as Record<string, unknown>[])[index]!;
  return ((tool['function'] ?? tool) as Record<string, unknown>)['parameters'];
};

describe('restoreClientKeyOrder', () => {
  it("gives a rig tool schema the written order of its json! literal, leaving the rest of the body and the fixture's object alone", () => {
    const request = { messages: [{ content: 'hi', role: 'user' }], model: 'deepseek-v4-flash', tools: [chatTool('page_oncall', SORTED_PAGE_ONCALL)] };
    const before = JSON.stringify(request);
    const restored = restoreClientKeyOrder(RIG, request);
    expect(JSON.stringify(parametersOf(restored))).toBe('{"type":"object","properties":{"team":{"type":"string"}},"required":["team"]}');
    expect(restored['messages']).toBe(request.messages);
    expect(JSON.stringify(request)).toBe(before);
  });

  it('moves additionalProperties last where pydantic-ai appends it, and keeps it first where pydantic emitted it', () => {
    const source = 'pydantic/pydantic-ai@7b4ba7347811497c8aa185507ffddd0709e3a02b:tests/models/cassettes/x.yaml';
    const sorted = (properties: Record<string, unknown>) => ({ additionalProperties: false, properties, required: Object.keys(properties), type: 'object' });
    // Responses-API tools are flat: no `function` wrapper.
    const request = {
      tools: [
        { name: 'final_result', parameters: sorted({ city: { type: 'string' }, country: { type: 'string' } }), type: 'function' },
        { name: 'get_temperature', parameters: sorted({ city: { type: 'string' } }), type: 'function' },
      ],
    };
    const restored = restoreClientKeyOrder(source, request);
    expect(Object.keys(parametersOf(restored, 0) as object)).toEqual(['properties', 'required', 'type', 'additionalProperties']);
    expect(Object.keys(parametersOf(restored, 1) as object)).toEqual(['additionalProperties', 'properties', 'required', 'type']);
  });

  it('returns the request itself for a source whose recorder kept the order, and for a body without tools', () => {
    const request = { tools: [chatTool('page_oncall', SORTED_PAGE_ONCALL)] };
    expect(restoreClientKeyOrder('llmrb/llm@0123456:spec/x.yml', request)).toBe(request);
    const noTools = { messages: [] };
    expect(restoreClientKeyOrder(RIG, noTools)).toBe(noTools);
  });

  it('throws for a tool with no known client order, or whose content differs from it', () => {
    expect(() => restoreClientKeyOrder(RIG, { tools: [chatTool('unknown_tool', {})] })).toThrow("no client key order known for tool 'unknown_tool'");
    const changed = { ...SORTED_PAGE_ONCALL, required: [] };
    expect(() => restoreClientKeyOrder(RIG, { tools: [chatTool('page_oncall', changed)] })).toThrow("tool 'page_oncall'");
  });

  it('restores every rig and pydantic-ai call of the fixture, and uses every schema it knows', () => {
    const calls = [...readRecordedLines<RecordedCall>(RECORDED_USAGE_PATH), ...readRecordedLines<RecordedCall>(MORE_RECORDED_USAGE_PATH)];
    const used = new Set<unknown>();
    let restoredTools = 0;
    for (const call of calls) {
      if (call.request === null || !/^(0xPlaygrounds\/rig|pydantic\/pydantic-ai)@/.test(call.source)) continue;
      const restored = restoreClientKeyOrder(call.source, call.request);
      const tools = (restored['tools'] ?? []) as Record<string, unknown>[];
      tools.forEach((tool, index) => {
        const name = ((tool['function'] ?? tool) as Record<string, unknown>)['name'] as string;
        const parameters = JSON.stringify(parametersOf(restored, index));
        const schema = Object.values(CLIENT_TOOL_SCHEMAS)
          .flat()
          .find((s) => s.names.includes(name) && JSON.stringify(s.parameters) === parameters);
        expect(schema, parameters).toBeDefined();
        used.add(schema);
        restoredTools++;
      });
    }
    expect(restoredTools).toBe(196);
    expect(used.size).toBe(Object.values(CLIENT_TOOL_SCHEMAS).flat().length);
  });
});
