// The release kit as a host installs it (scripts/release.sh, which the test
// command runs before this suite): the tarball's SHA384SUMS checks its
// versioned folder, and a page made of SNIPPET.html alone, served with the
// snippet's own Content-Security-Policy line and the folder where the snippet
// says, shows a working widget; the loader altered by one byte never runs,
// refused by the integrity the snippet gives its script tag.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build, where scripts/release.sh left the tarball).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { CONTENT_TYPES, fileUnder, startApi } from '../server.mjs';
import { BROWSERS, CRATE_VERSION, catalogueTexts, connect, watchedPage } from '../suite.mjs';

const KIT = `isao-deals-${CRATE_VERSION}`;
const TARBALL = join(process.env.WIDGET_DIST, `${KIT}.tar.gz`);
// The API the snippet names, for the host to replace with its own.
const SNIPPET_API = 'https://deals.example.com';

/** The tarball unpacked into a fresh folder: `{ dir, snippet }`. */
function unpackedKit() {
  assert.ok(existsSync(TARBALL), `${TARBALL}: run scripts/release.sh --no-build after the build`);
  const dir = mkdtempSync(join(tmpdir(), 'isao-kit-'));
  execFileSync('tar', ['-xzf', TARBALL, '-C', dir]);
  return { dir, snippet: readFileSync(join(dir, 'SNIPPET.html'), 'utf8') };
}

/**
 * The intranet page a host writes from the snippet: its links and script tag
 * in the head, its element in the body, its api-base and its policy's API
 * origin made the reference server's; nothing else.
 */
function hostPage(snippet, apiOrigin) {
  const filled = snippet.replaceAll(SNIPPET_API, apiOrigin);
  const lines = filled.split('\n');
  const head = lines.filter((line) => /^<(link|script) /.test(line));
  const body = lines.filter((line) => line.startsWith('<isao-deals '));
  assert.equal(head.length, 4, 'three preload links and the script tag');
  assert.equal(body.length, 1, 'the element');
  const [, policy] = /^Content-Security-Policy: (.+)$/m.exec(filled) ?? [];
  assert.ok(policy, 'the snippet\'s Content-Security-Policy line');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Intranet page</title>
${head.join('\n')}
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
  return { html, policy };
}

/**
 * Serves `page` at / and the kit's folder under /<kit>/, as the snippet says,
 * every answer with `policy`; `missing` lists the paths answered 404.
 */
async function startKitHost(kitDir, page) {
  const missing = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const headers = { 'content-security-policy': page.policy, 'cache-control': 'no-store' };
    if (path === '/') {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page.html);
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204, headers).end();
      return;
    }
    const folder = `/${KIT}/`;
    const file = path.startsWith(folder) ? fileUnder(kitDir, path.slice(folder.length)) : undefined;
    try {
      if (!file) throw new Error('outside the kit');
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      missing.push(path);
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, missing, close: () => server.close() };
}

/** The kit unpacked (`alter` may change its folder) and served with the reference API, around the calling describe. */
function servedKit(alter = () => {}) {
  const served = { errors: [] };
  before(async () => {
    served.kit = unpackedKit();
    alter(join(served.kit.dir, KIT));
    // The host's origin is the API's CORS origin, and the API's origin is in
    // the page's policy: each port is known only once its server listens.
    const page = { html: '', policy: '' };
    served.host = await startKitHost(join(served.kit.dir, KIT), page);
    served.api = await startApi(process.env.REFERENCE_API_BIN, served.host.origin);
    Object.assign(page, hostPage(served.kit.snippet, new URL(served.api.base).origin));
  });
  after(() => {
    served.api?.child.kill();
    served.host?.close();
    if (served.kit) rmSync(served.kit.dir, { recursive: true, force: true });
  });
  return served;
}

describe('the release kit\'s tarball', () => {
  let kit;
  before(() => {
    kit = unpackedKit();
  });
  after(() => {
    if (kit) rmSync(kit.dir, { recursive: true, force: true });
  });

  // Guards: SHA384SUMS is the folder's, whole: `sha384sum -c` passes and
  // it names every file the folder holds, no more, no fewer.
  test('SHA384SUMS checks every file of the versioned folder', () => {
    const { dir } = kit;
    const checked = execFileSync('sha384sum', ['-c', '--strict', 'SHA384SUMS'], { cwd: dir, encoding: 'utf8' });
    const listed = checked.trim().split('\n').map((line) => line.replace(/: OK$/, '')).sort();
    const files = readdirSync(join(dir, KIT), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
    assert.deepEqual(listed, files);
    assert.ok(files.includes(`${KIT}/isao-deals.js`) && files.includes(`${KIT}/lang/fr.txt`), `the kit's files: ${files}`);
  });
});

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`the release kit in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    describe('as the snippet says', () => {
      const served = servedKit();
      after(() => assert.deepEqual(served.errors, [], 'no console error'));

      // Guards: the snippet is enough, under its own policy: the element
      // connects and lists deals, a deal opens (a chunk, fetched with its
      // hash), the page turns French (a catalogue), every file the widget
      // asks for is in the kit, and the version it reports is the folder's.
      test('a page made of the snippet alone works', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await watchedPage(context, served.errors);
        await page.goto(`${served.host.origin}/`);
        await connect(page);
        assert.equal(await page.evaluate(() => document.querySelector('isao-deals').version), CRATE_VERSION);

        await page.locator('table.deals tbody tr').first().locator('a').click();
        await page.getByRole('button', { name: 'Mark won' }).waitFor();
        await page.evaluate(() => document.querySelector('isao-deals').setAttribute('lang', 'fr'));
        await page.getByRole('button', { name: catalogueTexts('fr').get('MarkWon') }).waitFor();

        assert.deepEqual(served.host.missing, [], 'every file the widget asked for is in the kit');
        await context.close();
      });
    });

    describe('with its loader altered by one byte', () => {
      // The byte is in the loader's version string: the script stays valid
      // and would still run the widget, but no longer matches its integrity.
      const served = servedKit((folder) => {
        const loader = join(folder, 'isao-deals.js');
        const source = readFileSync(loader, 'latin1');
        const at = source.indexOf(`"${CRATE_VERSION}"`);
        assert.ok(at >= 0, 'the version in the loader');
        writeFileSync(loader, `${source.slice(0, at + 1)}9${source.slice(at + 2)}`, 'latin1');
      });

      // Guards: the integrity on the snippet's script tag is what stops an
      // altered loader: the element is never defined and nothing mounts.
      test('never runs', async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const uncaught = [];
        page.on('pageerror', (error) => uncaught.push(error.message));
        // The load event waits for the async script, run or refused.
        await page.goto(`${served.host.origin}/`, { waitUntil: 'load' });
        const state = await page.evaluate(() => ({
          defined: customElements.get('isao-deals') !== undefined,
          shadowRoot: document.querySelector('isao-deals').shadowRoot !== null,
        }));
        assert.deepEqual(state, { defined: false, shadowRoot: false });
        assert.deepEqual(uncaught.filter((message) => !/integrity/i.test(message)), []);
        await context.close();
      });
    });
  });
}
