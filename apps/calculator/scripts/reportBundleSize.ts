// Prints the gzipped size of the calculator's build output and checks the first-load budget (60 KB
// of JavaScript, gzipped, with no zod). Run from the repository root after building:
//   npm run build -w @seekcost/calculator && npx tsx apps/calculator/scripts/reportBundleSize.ts
// or in one go: npm run measure -w @seekcost/calculator
// Exits 1 when the budget is exceeded, so CI can run it too.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle, type BuiltFile } from './measureBundle.ts';

const BUDGET_BYTES = 60 * 1024;
const distDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const report = measureBundle(distDir);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (f: BuiltFile) => `  ${f.file.padEnd(40)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gzip`;

console.log(`Build output: ${distDir}`);
console.log('First-load JavaScript:');
report.firstLoadJs.forEach((f) => console.log(row(f)));
console.log(`  total first-load JS, gzipped: ${kb(report.firstLoadJsGzipBytes)} (budget ${kb(BUDGET_BYTES)})`);
console.log('CSS:');
report.css.forEach((f) => console.log(row(f)));
console.log('Lazy (worker, vocabulary, on-demand chunks):');
report.lazy.forEach((f) => console.log(row(f)));
console.log(`zod in first-load files: ${report.zodIn.length === 0 ? 'none' : report.zodIn.join(', ')}`);

if (report.firstLoadJsGzipBytes > BUDGET_BYTES || report.zodIn.length > 0) {
  console.error('Budget exceeded.');
  process.exitCode = 1;
}
