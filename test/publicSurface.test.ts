import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The public surface of every package entry, checked in. Adding, removing or renaming an export
// changes one of the lists below, so the change shows in review next to the entry file that made it
// (issue 9: "a deliberate public surface"). Runtime names come from importing the entry; type names
// from reading its text, since types leave nothing at runtime. Each entry file says in its header
// comment why the names it leaves out are internal.

const root = resolve(import.meta.dirname, '..');

interface Surface {
  /** `Object.keys(await import(specifier))`, sorted. */
  readonly runtime: readonly string[];
  /** Names exported only as types (`export type {…}`, `type X` in a list, `export interface`), sorted. */
  readonly types: readonly string[];
}

const SURFACES: Readonly<Record<string, { readonly file: string; readonly surface: Surface }>> = {
  '@seekcost/pricing': {
    file: 'packages/pricing/src/index.ts',
    surface: {
      runtime: [
        'BeforeHistoryError',
        'CurrencyNotPublishedError',
        'Decimal',
        'InvalidArgumentError',
        'InvalidInstantError',
        'InvalidUsageError',
        'MeteredItemNotAvailableError',
        'MeteredPriceNotPublishedError',
        'ModelNotAvailableError',
        'PriceDataError',
        'RetiredModelError',
        'SeekcostError',
        'UnknownMeteredItemError',
        'UnknownModelError',
        'checkLimits',
        'compileTariff',
        'deepseekTariffDocument',
        'diffTariffs',
        'drawDownBalances',
        'epochDayOf',
        'estimateCost',
        'formatAmount',
        'getBundledTariff',
        'isoDateOfEpochDay',
        'listModels',
        'normalizeUsage',
        'parseTariffJson',
        'priceMetered',
        'priceRecord',
        'priceRequest',
        'resolveMeteredPrice',
        'resolvePrice',
        'tariffSegments',
        'toEpochMs',
        'zoneOffsetMinutes',
        'zonedTime',
      ],
      types: [
        'BalanceDrawdown',
        'BalanceSpend',
        'BalanceState',
        'CheckLimitsOptions',
        'CompiledLimits',
        'CompiledMeteredItem',
        'CompiledMeteredPeriod',
        'CompiledMeteredPrice',
        'CompiledModel',
        'CompiledPeriod',
        'CompiledRates',
        'CompiledTier',
        'Confidence',
        'CostEstimate',
        'Currency',
        'EstimateCostOptions',
        'EstimateLine',
        'FormatAmountOptions',
        'InstantBasis',
        'LimitCheck',
        'LimitExceeded',
        'MeteredCounts',
        'MeteredItem',
        'MeteredLine',
        'MeteredProvenance',
        'MeteredQuote',
        'MeteredVia',
        'Mode',
        'ModelListing',
        'NormalizedUsage',
        'PlainUsage',
        'PriceDataIssue',
        'PriceMeteredOptions',
        'PriceRecordOptions',
        'PriceRequestOptions',
        'PriceWarning',
        'PricedRecord',
        'Provenance',
        'Quote',
        'QuoteComponent',
        'QuoteLine',
        'ResolveMeteredPriceOptions',
        'ResolvePriceOptions',
        'ResolvedMeteredPrice',
        'ResolvedPrice',
        'RoundingMode',
        'SourceRef',
        'Tariff',
        'TariffChange',
        'TariffDocument',
        'TariffSegment',
        'TariffSegmentsOptions',
        'TierName',
        'TokenCounts',
        'UnappliedAnnouncement',
        'UnitPrices',
        'UsageFormat',
        'UsageInput',
        'ZonedTime',
      ],
    },
  },
  '@seekcost/pricing/ledger': {
    file: 'packages/pricing/src/entries/ledger.ts',
    surface: {
      runtime: ['DuplicateShardError', 'InvalidLedgerStateError', 'createLedger', 'parseLedgerSnapshot', 'tariffFingerprint', 'usageRecordsOf'],
      types: [
        'ForeignReadResult',
        'ForeignRecord',
        'Ledger',
        'LedgerBucket',
        'LedgerDimension',
        'LedgerGroup',
        'LedgerGroupKey',
        'LedgerIssue',
        'LedgerIssueCode',
        'LedgerMeteredBucket',
        'LedgerMeteredLine',
        'LedgerOptions',
        'LedgerRecord',
        'LedgerSnapshot',
        'LedgerSnapshotMeteredBucket',
        'LedgerSnapshotTokens',
        'LedgerSnapshotUnits',
        'LedgerTokens',
        'LedgerTotals',
        'LedgerWarning',
        'NearEdgeRecord',
        'ValidLedgerSnapshot',
      ],
    },
  },
  '@seekcost/pricing/pricingPage': {
    file: 'packages/pricing/src/entries/pricingPage.ts',
    surface: {
      runtime: ['checkPricingPage', 'comparePricingPage', 'parsePricingPage'],
      types: [
        'KnownPageConflict',
        'PageAlias',
        'PageCheck',
        'PageCheckOptions',
        'PageDifference',
        'PageMeteredPrice',
        'PageModel',
        'PagePeakHours',
        'PageScheduledChange',
        'PageTokenPrice',
        'PageToolCallBilling',
        'PageWords',
        'ParsedPricingPage',
        'UnreadableTable',
      ],
    },
  },
  '@seekcost/pricing/warehouse': {
    file: 'packages/pricing/src/entries/warehouse.ts',
    surface: {
      runtime: ['METERED_COUNT_COLUMNS', 'tariffMeteredRows', 'tariffTable', 'warehouseSql'],
      types: ['HolidayRow', 'SqlDialect', 'TariffMeteredRow', 'TariffTable', 'TariffTableOptions', 'TariffTableRow', 'WarehouseSqlOptions'],
    },
  },
  '@seekcost/pricing/errors': {
    file: 'packages/pricing/src/entries/errors.ts',
    surface: {
      runtime: ['SeekcostError'],
      types: [],
    },
  },
  '@seekcost/tokenizer-estimate': {
    file: 'packages/tokenizer-estimate/src/index.ts',
    surface: {
      runtime: [
        'ExactTokenizerNotLoadedError',
        'FastTokenizerNotLoadedError',
        'IMAGE_TOKENS_MAX',
        'InvalidOptionError',
        'InvalidTypeError',
        'MAX_UNCUT_UNITS',
        'MalformedBodyError',
        'TokenizerEstimateError',
        'UncuttableTextError',
        'UnknownRoleError',
        'countFastTokens',
        'countHeuristicTokens',
        'countTokens',
        'createTokenTally',
        'estimateCompletionTokens',
        'estimatePromptTokens',
        'estimatePromptTokensDetailed',
        'isExactTokenizerLoaded',
        'isFastTokenizerLoaded',
        'loadExactTokenizer',
        'loadFastTokenizer',
        'loadTokenizers',
      ],
      types: [
        'ChatContent',
        'ChatMessage',
        'ChatRequestBody',
        'ChatTool',
        'ChatToolCall',
        'CompletionText',
        'CountMethod',
        'CountTokensOptions',
        'EstimateCompletionOptions',
        'EstimatePromptOptions',
        'ExactEncodeOptions',
        'ExactTokenizer',
        'LoadTokenizersOptions',
        'PartCount',
        'PromptPart',
        'PromptTokenEstimate',
        'TemplateEra',
        'TemplateOptions',
        'TokenTally',
        'TokenizerEstimateErrorCode',
        'ToolChoice',
      ],
    },
  },
  '@seekcost/tokenizer-estimate/exact': {
    file: 'packages/tokenizer-estimate/src/entries/exact.ts',
    surface: {
      runtime: ['ExactTokenizer', 'countExactTokens', 'createExactTokenizer', 'getExactTokenizer'],
      types: ['ExactEncodeOptions'],
    },
  },
  '@seekcost/tokenizer-estimate/fast': {
    file: 'packages/tokenizer-estimate/src/entries/fast.ts',
    surface: {
      runtime: ['countFastTokens', 'createFastPieceCounter'],
      types: [],
    },
  },
  '@seekcost/cli': {
    file: 'packages/cli/src/index.ts',
    surface: {
      runtime: ['EXIT', 'UsageError', 'processIo', 'runCli'],
      types: ['CliIo', 'ExitCode', 'TextSink'],
    },
  },
};

/** The value and type names an entry file exports, read from its text. */
function entryNames(text: string): { values: string[]; types: string[] } {
  if (/export\s+\*/.test(text)) throw new Error("'export *' hides the public surface; name each export");
  const values = new Set<string>();
  const types = new Set<string>();
  for (const block of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    const typeOnly = block[1] !== undefined;
    for (const part of (block[2] ?? '').split(',')) {
      const trimmed = part.replace(/\/\/.*$/gm, '').trim();
      if (trimmed === '') continue;
      const isType = typeOnly || /^type\s/.test(trimmed);
      const name =
        trimmed
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()
          ?.trim() ?? '';
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`cannot read export '${trimmed}'`);
      (isType ? types : values).add(name);
    }
  }
  for (const m of text.matchAll(
    /^export\s+(?:declare\s+)?(?:async\s+)?(function\*?|const|let|class|abstract\s+class|enum|interface|type)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    (m[1] === 'interface' || m[1] === 'type' ? types : values).add(m[2] as string);
  }
  return { values: [...values].sort(), types: [...types].sort() };
}

describe('entryNames', () => {
  it('tells value exports from type exports', () => {
    const text = [
      "export { a, type B, c as d } from './x.ts';",
      "export type { E, F } from './y.ts';",
      'export function g(): void {}',
      'export interface H {}',
      'export type I = number;',
      'export class J {}',
    ].join('\n');
    expect(entryNames(text)).toEqual({ values: ['a', 'd', 'g', 'J'].sort(), types: ['B', 'E', 'F', 'H', 'I'] });
  });

  it("refuses 'export *', which would hide names", () => {
    expect(() => entryNames("export * from './x.ts';")).toThrow("'export *'");
  });
});

// Importing an entry can take seconds on a loaded machine (the /exact entry builds its vocabulary
// tables); this is a limit for a hung import, not a timing assertion.
const IMPORT_LIMIT_MS = 120_000;

describe('every published entry is listed here', () => {
  it.each(['packages/pricing', 'packages/tokenizer-estimate', 'packages/cli'])('%s', (pkg) => {
    const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, Record<string, string>>;
    };
    const published = Object.entries(manifest.exports)
      .filter(([key]) => key !== './package.json')
      .map(([key, conditions]) => [
        key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`,
        `${pkg}/${(conditions['@seekcost/source'] ?? '').replace(/^\.\//, '')}`,
      ]);
    const listed = Object.entries(SURFACES)
      .filter(([specifier]) => specifier === manifest.name || specifier.startsWith(`${manifest.name}/`))
      .map(([specifier, { file }]) => [specifier, file]);
    expect(published.sort()).toEqual(listed.sort());
  });
});

for (const [specifier, { file, surface }] of Object.entries(SURFACES)) {
  describe(`${specifier} (${file})`, () => {
    it(
      'exports exactly the checked-in runtime names',
      async () => {
        const actual = Object.keys(await import(specifier)).sort();
        expect(actual).toEqual(surface.runtime);
      },
      IMPORT_LIMIT_MS,
    );

    it('exports exactly the checked-in type names, and its text agrees with its runtime names', () => {
      const names = entryNames(readFileSync(join(root, file), 'utf8'));
      expect(names.types).toEqual(surface.types);
      expect(names.values).toEqual(surface.runtime);
    });
  });
}
