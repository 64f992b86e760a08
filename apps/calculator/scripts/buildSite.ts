import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Builds the calculator with `vite build` (a child process, exactly as `npm run build` would) into
 * `outDir`, relative to the app directory.
 *
 * @example
 * ```ts
 * await buildSite(appDir, 'test-output/site');
 * ```
 */
export async function buildSite(appDir: string, outDir: string): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: appDir });
}
