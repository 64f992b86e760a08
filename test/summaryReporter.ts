import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line after every run, `tests: N passed, N failed, N skipped`, so CI logs
 * and people see the count in one place (vitest's own summary stays above it).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedFiles = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          skippedFiles.set(module.moduleId, (skippedFiles.get(module.moduleId) ?? 0) + 1);
        }
      }
    }
    // Say plainly what did not run (e.g. the browser tests on a machine without Chromium).
    for (const [file, count] of skippedFiles) process.stdout.write(`\nSKIPPED: ${count} test(s) in ${file}`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
