/**
 * The tool `parameters` schemas of the recorded rig and pydantic-ai calls, with their keys in the
 * order each client put them on the wire, read from the clients' published source (not fitted to
 * usage). Both recorders re-serialised the request bodies with sorted keys; DeepSeek renders a tool
 * schema with its keys in the order received, and the order moves the token count (by one on most
 * schemas). restoreClientKeyOrder.ts puts these orders back; it checks that each schema here has
 * exactly the content of the recorded one, so only key order can change.
 *
 * rig (0xPlaygrounds/rig, all cassettes deepseek-v4-flash). Why the order of the source is what was
 * sent: Cargo unifies features across a build, and every cassette's test build depends on `mongodb`
 * (dev-dependency of the package holding the DeepSeek tests: `Cargo.toml:194` at e80a4868…,
 * `:251` at 57b4ad2b…, `:278` at 841d2759…, `crates/rig/Cargo.toml:114` at c4eb6ff8…), whose
 * `bson` 2.15.0 enables `serde_json/preserve_order` (mongodb/bson-rust `Cargo.toml:66` at tag v2.15.0,
 * f6f163095b5159ce175424b0e02f9bd7acfaddf2); every one of those Cargo.lock files lists `indexmap` as
 * a dependency of `serde_json`, which only `preserve_order` pulls in. So `serde_json::Map` is an
 * insertion-ordered IndexMap in the client that sent the requests, and a `json!` literal keeps its
 * written order. The cassettes are sorted because rig's recorder sorts them on purpose:
 * `canonical_json` → `sort_json_objects` (a BTreeMap round trip) in `tests/common/cassettes.rs:978-995`
 * at e80a4868a90098e9f55e983593a8f77a9285dee7 (`crates/rig/tests/common/cassettes.rs` at c4eb6ff8…).
 * The extractor's `submit` tool is `json!(schema_for!(T))` (`crates/rig-core/src/extractor.rs:427`
 * at c4eb6ff8…): schemars 1.x serialises a schema with `$id`, `$schema`, `title`, `description`,
 * `type`, `format`, `properties` first, then the other keys in insertion order (`required` after
 * `properties`; `minimum` before `maximum`), and properties in field order (GREsau/schemars
 * `schemars/src/schema.rs:486-600`, `_private/mod.rs:298` at v1.2.0, 5bfec04593f71bfc942fc22a8a53e1804561d541;
 * rig locks 1.2.1).
 *
 * pydantic-ai (pydantic/pydantic-ai; its recorder dumps request bodies with PyYAML's default
 * `sort_keys=True`, `tests/json_body_serializer.py:236` at b94d1aaee4b53064aeff7d888636a8ab39bdd0a4).
 * pydantic 2.13.4 (the version uv.lock pins) sorts a JSON schema's keys itself, except property
 * names, which keep field order (`GenerateJsonSchema.sort`, pydantic `pydantic/json_schema.py:590`
 * at v2.13.4). pydantic-ai's `OpenAIJsonSchemaTransformer` (the DeepSeek provider's profile) then
 * edits the schema dict in place (`_json_schema.py:60`, `profiles/openai.py:587` and `:597` at
 * b94d1aa…): it drops `title` and sets `additionalProperties: false`, which keeps its sorted place when
 * pydantic emitted it (function tools: their arguments are a `typed_dict_schema` with
 * `extra_behavior='forbid'`, `_function_schema.py:360`) and goes LAST when pydantic did not (the
 * `final_result` output tool of a BaseModel; `load_capability`, a TypedDict through a plain
 * TypeAdapter, `toolsets/_deferred_capability_loader.py:28-30`). pydantic-ai's own test captured the
 * bytes it sent and shows exactly that: `final_result` with `additionalProperties` last, and the
 * function tool `get_temperature` with it first (`tests/models/test_deepseek_responses.py:408-428`
 * and `:706-726` at 7b4ba7347811497c8aa185507ffddd0709e3a02b).
 */

/** One tool schema as its client sent it. */
export interface ClientToolSchema {
  /** Names of the tools that carry this schema. */
  readonly names: readonly string[];
  /** The `parameters` schema, keys in the client's order. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Where the client's source writes or generates it. */
  readonly evidence: string;
}

const RIG = '0xPlaygrounds/rig';
const ZERO_ARGS = { type: 'object', properties: {}, required: [] };
const stringArray = { type: 'array', items: { type: 'string' } };
const nullableString = { type: ['string', 'null'] };
const double = { type: 'number', format: 'double' };
const SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** rig: `json!` literals (written order) and schemars schemas of the extractor's `submit` tool. */
const RIG_SCHEMAS: readonly ClientToolSchema[] = [
  {
    names: ['lookup_harbor_label', 'lookup_orchard_label', 'ping'],
    parameters: ZERO_ARGS,
    evidence: `${RIG} tests/common/support.rs:186,212 and zero_arg_tool_definition (2b6f763e…, e80a4868…, 57b4ad2b…; crates/rig/tests/common/support.rs:184,210,225 at c4eb6ff8…)`,
  },
  { names: ['ping_empty'], parameters: ZERO_ARGS, evidence: `${RIG} tests/providers/deepseek/agent_tool_sessions.rs:142 at e80a4868…` },
  {
    names: ['read_file_head', 'read_file_tail'],
    parameters: { type: 'object', properties: {} },
    evidence: `${RIG} crates/rig/tests/providers/deepseek/permission_control.rs:67,101 at c4eb6ff8…`,
  },
  {
    names: ['add'],
    parameters: {
      type: 'object',
      properties: { x: { type: 'number', description: 'The first number to add' }, y: { type: 'number', description: 'The second number to add' } },
      required: ['x', 'y'],
    },
    evidence: `${RIG} crates/rig/tests/common/support.rs:134 at c4eb6ff8… (serde_json::from_str of a raw string; tests/common/support.rs:136 at e8cc0ca2…)`,
  },
  {
    names: ['subtract'],
    parameters: {
      type: 'object',
      properties: { x: { type: 'number', description: 'The number to subtract from' }, y: { type: 'number', description: 'The number to subtract' } },
      required: ['x', 'y'],
    },
    evidence: `${RIG} crates/rig/tests/common/support.rs:159 at c4eb6ff8… (tests/common/support.rs:161 at e8cc0ca2…)`,
  },
  {
    names: ['get_weather'],
    parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name to get weather for' } }, required: ['city'] },
    evidence: `${RIG} tests/providers/deepseek/reasoning_block_order.rs:53 at 57b4ad2b…; tests/common/reasoning.rs:282 at e8cc0ca2… (crates/rig/tests/common/reasoning.rs:290 at c4eb6ff8…)`,
  },
  {
    names: ['get_air_quality'],
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    evidence: `${RIG} tests/providers/deepseek/reasoning_block_order.rs:68 at 57b4ad2b…`,
  },
  {
    names: ['file_report'],
    parameters: { type: 'object', properties: { summary: { type: 'string', description: 'A long verbatim summary of the incident.' } }, required: ['summary'] },
    evidence: `${RIG} tests/providers/deepseek/truncation_matrix.rs:72,1005 at 57b4ad2b…`,
  },
  {
    names: ['file_report'],
    parameters: { type: 'object', properties: {}, additionalProperties: false },
    evidence: `${RIG} tests/providers/deepseek/truncation_matrix.rs:1049 at 57b4ad2b… (ZeroArgumentFileReport)`,
  },
  {
    names: ['page_oncall'],
    parameters: { type: 'object', properties: { team: { type: 'string' } }, required: ['team'] },
    evidence: `${RIG} tests/providers/deepseek/truncation_matrix.rs:89 at 57b4ad2b…`,
  },
  {
    names: ['lookup_cache_policy'],
    parameters: { type: 'object', properties: { topic: { type: 'string', description: 'Policy topic to look up.' } }, required: ['topic'] },
    evidence: `${RIG} tests/common/cache_conformance.rs:292 at 841d2759…`,
  },
  {
    names: ['lookup_cache_fixture'],
    parameters: { type: 'object', properties: { fixture: { type: 'string', description: 'Fixture identifier to look up.' } }, required: ['fixture'] },
    evidence: `${RIG} tests/common/cache_conformance.rs:306 at 841d2759…`,
  },
  {
    names: ['inspect_manifest'],
    parameters: {
      type: 'object',
      properties: {
        project: { type: 'string' },
        flags: { type: 'object', properties: { critical: { type: 'boolean' }, retries: { type: 'integer' } }, required: ['critical', 'retries'] },
        steps: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, weight: { type: 'integer' } }, required: ['name', 'weight'] },
        },
        note: { type: 'string' },
      },
      required: ['project', 'flags', 'steps', 'note'],
    },
    evidence: `${RIG} tests/providers/deepseek/agent_tool_sessions.rs:166 at e80a4868…`,
  },
  {
    names: ['join_labels'],
    parameters: { type: 'object', properties: { labels: stringArray, separator: { type: 'string' } }, required: ['labels', 'separator'] },
    evidence: `${RIG} tests/providers/deepseek/agent_tool_sessions.rs:217 at e80a4868…`,
  },
  {
    names: ['escape_echo'],
    parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    evidence: `${RIG} tests/providers/deepseek/agent_tool_sessions.rs:247 at e80a4868…`,
  },
  {
    names: ['submit'],
    parameters: { $schema: SCHEMA_2020_12, title: 'Names', type: 'object', properties: { names: stringArray }, required: ['names'] },
    evidence: `${RIG} struct Names, tests/providers/deepseek/multi_extract.rs:15 at b17a0a00… (crates/rig/…:16 at c4eb6ff8…), through schemars`,
  },
  {
    names: ['submit'],
    parameters: { $schema: SCHEMA_2020_12, title: 'Topics', type: 'object', properties: { topics: stringArray }, required: ['topics'] },
    evidence: `${RIG} struct Topics, tests/providers/deepseek/multi_extract.rs:20 at b17a0a00…, through schemars`,
  },
  {
    names: ['submit'],
    parameters: {
      $schema: SCHEMA_2020_12,
      title: 'Sentiment',
      type: 'object',
      properties: { sentiment: double, confidence: double },
      required: ['sentiment', 'confidence'],
    },
    evidence: `${RIG} struct Sentiment { sentiment: f64, confidence: f64 }, tests/providers/deepseek/multi_extract.rs:25 at b17a0a00…, through schemars`,
  },
  {
    names: ['submit'],
    parameters: {
      $schema: SCHEMA_2020_12,
      title: 'SmokePerson',
      type: 'object',
      properties: { first_name: { type: 'string' }, last_name: { type: 'string' }, job: { type: 'string' } },
      required: ['first_name', 'last_name', 'job'],
    },
    evidence: `${RIG} struct SmokePerson, crates/rig/tests/common/support.rs:101 at c4eb6ff8…, through schemars`,
  },
  {
    names: ['submit'],
    parameters: {
      $schema: SCHEMA_2020_12,
      title: 'Person',
      type: 'object',
      properties: { name: nullableString, age: { type: ['integer', 'null'], format: 'uint8', minimum: 0, maximum: 255 }, profession: nullableString },
    },
    evidence: `${RIG} struct Person { name, age: Option<u8>, profession }, crates/rig/tests/providers/deepseek/extractor_usage.rs:14 at c4eb6ff8…, through schemars`,
  },
  {
    names: ['submit'],
    parameters: {
      $schema: SCHEMA_2020_12,
      title: 'Address',
      type: 'object',
      properties: { street: nullableString, city: nullableString, state: nullableString, zip_code: nullableString },
    },
    evidence: `${RIG} struct Address, crates/rig/tests/providers/deepseek/extractor_usage.rs:21 at c4eb6ff8…, through schemars`,
  },
];

const PYDANTIC_AI = 'pydantic/pydantic-ai';
const FORBID_NO_ARGS = { additionalProperties: false, properties: {}, type: 'object' };

/** pydantic-ai: pydantic's sorted schema, `additionalProperties` appended when pydantic-ai adds it. */
const PYDANTIC_AI_SCHEMAS: readonly ClientToolSchema[] = [
  {
    names: ['final_result'],
    parameters: { properties: { text: { type: 'string' } }, required: ['text'], type: 'object', additionalProperties: false },
    evidence: `${PYDANTIC_AI} output tool of class Answer(BaseModel), tests/models/test_deepseek.py:253 at b94d1aa…`,
  },
  {
    names: ['final_result'],
    parameters: {
      properties: { city: { type: 'string' }, country: { type: 'string' } },
      required: ['city', 'country'],
      type: 'object',
      additionalProperties: false,
    },
    evidence: `${PYDANTIC_AI} output tool of class City(BaseModel), tests/models/test_deepseek_responses.py:58, as captured at :715 (7b4ba734…)`,
  },
  {
    names: ['load_capability'],
    parameters: {
      description: 'Typed arguments for a `load_capability` tool call.',
      properties: { id: { description: 'The id of the capability to load.', type: 'string' } },
      required: ['id'],
      type: 'object',
      additionalProperties: false,
    },
    evidence: `${PYDANTIC_AI} LoadCapabilityArgs (TypedDict), pydantic_ai/_deferred_capabilities.py:28 at b94d1aa…`,
  },
  {
    names: ['get_temperature'],
    parameters: { additionalProperties: false, properties: { city: { type: 'string' } }, required: ['city'], type: 'object' },
    evidence: `${PYDANTIC_AI} function tool, as captured at tests/models/test_deepseek_responses.py:418 (7b4ba734…)`,
  },
  {
    names: ['get_player_name', 'roll_dice'],
    parameters: FORBID_NO_ARGS,
    evidence: `${PYDANTIC_AI} function tools without arguments, tests/models/test_deepseek.py:67-73 at b94d1aa…`,
  },
  {
    names: ['search_tools'],
    parameters: {
      additionalProperties: false,
      properties: {
        queries: {
          description:
            'List of search queries to match against tool names and descriptions. Use specific words likely to appear in tool names or descriptions to narrow down relevant tools. Each query is independently tokenized; matches across queries are unioned.',
          items: { type: 'string' },
          type: 'array',
        },
      },
      required: ['queries'],
      type: 'object',
    },
    evidence: `${PYDANTIC_AI} function tool _search_tools_signature, pydantic_ai/toolsets/_tool_search.py:137-156 at 89c4ef76…`,
  },
];

/** The client-order schemas by the repository prefix of a fixture record's `source`. */
export const CLIENT_TOOL_SCHEMAS: Readonly<Record<string, readonly ClientToolSchema[]>> = {
  [RIG]: RIG_SCHEMAS,
  [PYDANTIC_AI]: PYDANTIC_AI_SCHEMAS,
};
