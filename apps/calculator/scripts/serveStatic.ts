import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A running static server: its base URL (ending in the sub-path) and a way to stop it.
 *
 * @example
 * ```ts
 * const site = await serveStatic('dist', '/sub/'); site.baseUrl; // 'http://127.0.0.1:40123/sub/'
 * ```
 */
export interface StaticSite {
  readonly baseUrl: string;
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `root` under `subPath` on 127.0.0.1 (a free port), as a plain static host
 * would: no SPA fallback, no rewriting, so the build must work from a sub-path with relative URLs.
 *
 * @example
 * ```ts
 * const site = await serveStatic('apps/calculator/test-output/site', '/tools/seekcost/');
 * await page.goto(site.baseUrl);
 * await site.close();
 * ```
 */
export async function serveStatic(root: string, subPath: string): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(subPath)) {
        response.writeHead(404).end('not found');
        return;
      }
      let file = normalize(join(root, path.slice(subPath.length)));
      if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
      } catch {
        response.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}${subPath}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
