import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBundledTariffModule, renderJsonSchema } from '../packages/pricing/scripts/renderGenerated.ts';

// The generated files must match their inputs: edit pricing-data/deepseek.json or the zod schema,
// then run `npm run generate -w @seekcost/pricing`.

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

describe('generated files are up to date', () => {
  it('packages/pricing/src/generated/deepseekTariff.ts matches pricing-data/deepseek.json', () => {
    expect(read('packages/pricing/src/generated/deepseekTariff.ts') === renderBundledTariffModule(read('pricing-data/deepseek.json'))).toBe(true);
  });
  it('pricing-data/schema/tariff.v2.schema.json matches the zod schema', () => {
    expect(read('pricing-data/schema/tariff.v2.schema.json') === renderJsonSchema()).toBe(true);
  });
});
