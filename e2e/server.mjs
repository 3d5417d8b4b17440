// The intranet page that embeds the widget: the release build under /widget/,
// host pages under / (a page's {{WIDGET_PRELOADS}} becomes the build's
// preload links, {{API_BASE}} the API's base URL; the rest of a page after
// <!-- {{STALL}} --> is sent STALL_MS later, as a slow page streams in),
// every answer with a strict Content-Security-Policy (no inline script or
// style, wasm allowed, connections to 'self' for the widget's own files and
// to the API's origin only).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** The content type of a served file, by its extension. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const STALL_MS = 1500;
const STALL = '<!-- {{STALL}} -->';

export function contentSecurityPolicy(apiOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The path of `relative` under the folder `root`, or undefined when it would lead out of it. */
export function fileUnder(root, relative) {
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : undefined;
}

/** Starts the host on a free loopback port; `api.base` may be set later. */
export async function startHost(distDir) {
  const api = { base: '' };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const [root, rest] = path.startsWith('/widget/')
      ? [distDir, path.slice('/widget/'.length)]
      : [join(HERE, 'host'), path.replace(/^\/(host\/)?/, '')];
    const file = fileUnder(root, rest || 'plain.html');
    if (!file) {
      response.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = body.toString().replaceAll('{{API_BASE}}', `${api.base}/api/external`);
        // The release build's preload links (scripts/release-bundle.sh), as a host pastes them.
        if (body.includes('{{WIDGET_PRELOADS}}')) {
          const links = await readFile(join(distDir, 'preload-links.html'), 'utf8');
          body = body.replaceAll('{{WIDGET_PRELOADS}}', links.replaceAll('{{WIDGET}}', '/widget').trim());
        }
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy(new URL(api.base).origin),
        'cache-control': 'no-store',
      });
      const stall = extname(file) === '.html' ? body.indexOf(STALL) : -1;
      if (stall >= 0) {
        response.write(body.slice(0, stall));
        await new Promise((resolve) => setTimeout(resolve, STALL_MS));
        response.end(body.slice(stall + STALL.length));
      } else {
        response.end(body);
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { api, origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * Starts the reference API with demo data in a fresh database, allowing
 * `corsOrigin`; `extraArgs` go to `serve` (a rate limit, say). Gives
 * `{ base, child, db }`: `db` for `reference-api webhooks --db`.
 */
export function startApi(binary, corsOrigin, extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'isao-e2e-'));
  const child = spawn(binary,
    ['serve', '--addr', '127.0.0.1:0', '--db', join(dir, 'deals.db'), '--demo', '--cors-origin', corsOrigin, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`reference-api exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const match = /listening on (http:\S+)/.exec(line);
      if (match) resolve({ base: match[1], child, db: join(dir, 'deals.db') });
      else reject(new Error(`unexpected line: ${line}`));
    });
  });
}
