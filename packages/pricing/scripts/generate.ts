// Regenerates the files derived from pricing-data/ and the zod schema:
//   packages/pricing/src/generated/deepseekTariff.ts  (the bundled price data as a TS constant)
//   pricing-data/schema/tariff.v2.schema.json          (JSON Schema for editors, from tariffDocumentSchema)
// Run: npm run generate -w @seekcost/pricing   (test/generatedFiles.test.ts fails when they are stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBundledTariffModule, renderJsonSchema } from './renderGenerated.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataPath = resolve(root, 'pricing-data/deepseek.json');
const modulePath = resolve(root, 'packages/pricing/src/generated/deepseekTariff.ts');
const schemaPath = resolve(root, 'pricing-data/schema/tariff.v2.schema.json');

mkdirSync(dirname(modulePath), { recursive: true });
mkdirSync(dirname(schemaPath), { recursive: true });
writeFileSync(modulePath, renderBundledTariffModule(readFileSync(dataPath, 'utf8')));
writeFileSync(schemaPath, renderJsonSchema());
console.log(`wrote ${modulePath}\nwrote ${schemaPath}`);
