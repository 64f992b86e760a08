/**
 * A recorded request body with the tool schemas' key order its client sent, for the sources whose
 * recorder re-serialised bodies with sorted keys (rig, pydantic-ai: see clientToolSchemas.ts for
 * the evidence, and test/fixtures/recordedUsage/README.md). The fixture is never edited: accuracy is
 * reported on the body as stored and on the body restored, side by side.
 *
 * Only tool `parameters` are restored: that is the only place where the estimator renders keys in
 * the order given. The function object is rendered as name, description, parameters whatever its
 * stored order, which is the order both clients send it in (rig: the fields of
 * `completion::ToolDefinition`, crates/rig-core/src/completion/request.rs:328 at e80a4868…;
 * pydantic-ai: `_map_tool_definition`, pydantic_ai/models/openai.py:1696 at b94d1aa…), and the
 * other objects of a body are read field by field.
 */
import { CLIENT_TOOL_SCHEMAS, type ClientToolSchema } from './clientToolSchemas.ts';
import { reorderKeysLike } from './reorderKeysLike.ts';

function sameContent(value: unknown, reference: unknown): boolean {
  try {
    reorderKeysLike(value, reference);
    return true;
  } catch {
    return false;
  }
}

function restoreParameters(schemas: readonly ClientToolSchema[], name: string, parameters: unknown, source: string): unknown {
  const match = schemas.find((schema) => schema.names.includes(name) && sameContent(parameters, schema.parameters));
  if (match === undefined) {
    throw new Error(`no client key order known for tool '${name}' of ${source}: add its schema, from the client's source, to clientToolSchemas.ts`);
  }
  return reorderKeysLike(parameters, match.parameters);
}

/**
 * `request` with each tool's `parameters` in the key order the client of `source` sent; the request
 * itself when the source's recorder kept the order. Throws when a tool of such a source has no
 * known client order, or differs from it in anything but key order.
 *
 * @example
 * ```ts
 * const request = { tools: [{ type: 'function', function: { name: 'get_air_quality', description: 'x',
 *   parameters: { properties: { city: { type: 'string' } }, required: ['city'], type: 'object' } } }] };
 * const restored = restoreClientKeyOrder('0xPlaygrounds/rig@57b4ad2:tests/…', request);
 * Object.keys(restored.tools[0].function.parameters); // => ['type', 'properties', 'required']
 * ```
 */
export function restoreClientKeyOrder(source: string, request: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const schemas = CLIENT_TOOL_SCHEMAS[source.split('@')[0] ?? ''];
  const tools = request['tools'];
  if (schemas === undefined || !Array.isArray(tools) || tools.length === 0) return request;
  return {
    ...request,
    tools: tools.map((tool: Record<string, unknown>) => {
      // Chat Completions nests the definition under `function`; the Responses API does not.
      const nested = typeof tool['function'] === 'object' && tool['function'] !== null;
      const definition = (nested ? tool['function'] : tool) as Record<string, unknown>;
      if (definition['parameters'] === undefined) return tool;
      const restored = { ...definition, parameters: restoreParameters(schemas, String(definition['name']), definition['parameters'], source) };
      return nested ? { ...tool, function: restored } : restored;
    }),
  };
}
