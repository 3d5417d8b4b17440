// Subresource integrity of the release build (scripts/release-bundle.sh): the
// loader checks the first wasm module's sha256 and preloads the JS glue (which
// holds the glue's snippets) and the chunk loader with theirs; the chunk loader fetches
// each chunk with its own. Served a build with one byte flipped in the first
// module or in any of those JS files, the widget says it could not be loaded
// safely and no wasm is instantiated; with one byte flipped in a chunk, that
// screen says it could not be loaded safely and its code never runs, while
// the intact chunks still do; the same with one byte flipped in the list of
// the chunks' sha256 (chunk-integrity.json), for every chunk.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, startHost } from '../server.mjs';
import { BROWSERS } from '../suite.mjs';

const UNSAFE = 'could not be loaded safely';

/**
 * Where to flip a byte of a JS file so that it stays valid and, run, would
 * still load the widget: the middle of a string literal, a message's if
 * there is one, never an import's specifier. A file broken by the flip
 * would fail to load anyway and prove nothing about integrity.
 */
function harmlessByte(source) {
  const literals = [...source.toString('latin1').matchAll(/(?<!from|import)"[\w .,;:/-]+"/g)];
  const [literal] = literals.sort((a, b) => /\s/.test(b[0]) - /\s/.test(a[0]) || b[0].length - a[0].length);
  assert.ok(literal, 'a string literal to alter');
  return literal.index + (literal[0].length >> 1);
}

/** A copy of the release build with one byte of `file` flipped. */
function tamperedBuild(file) {
  const dir = mkdtempSync(join(tmpdir(), 'isao-tampered-'));
  cpSync(process.env.WIDGET_DIST, dir, { recursive: true });
  const bytes = readFileSync(join(dir, file));
  const script = file.endsWith('.js');
  bytes[script ? harmlessByte(bytes) : bytes.length >> 1] ^= 0x01;
  writeFileSync(join(dir, file), bytes);
  if (script) {
    writeFileSync(join(dir, 'tampered.mjs'), bytes);
    execFileSync(process.execPath, ['--check', join(dir, 'tampered.mjs')]);
  }
  return dir;
}

/**
 * The JS modules the loader imports, directly or through the glue: every JS
 * file of the build but the loader itself (the host page's script tag checks
 * it) and the demo pages' scripts.
 */
const SCRIPTS = readdirSync(process.env.WIDGET_DIST, { recursive: true })
  .filter((path) => path.endsWith('.js') && !['isao-deals.js', 'host-demo.js', 'demo-start.js'].includes(path));
assert.ok(SCRIPTS.includes('isao-deals-widget.js') && SCRIPTS.includes('__wasm_split.js'), `the build's modules: ${SCRIPTS}`);

/** Serves `dir` as the widget, with the reference API, around the calling describe's tests. */
function served(dir) {
  const servers = {};
  before(async () => {
    servers.host = await startHost(dir);
    servers.api = await startApi(process.env.REFERENCE_API_BIN, servers.host.origin);
    servers.host.api.base = servers.api.base;
  });
  after(() => {
    servers.api?.child.kill();
    servers.host?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return servers;
}

/**
 * A page that lists the wasm modules it instantiated (`window.instantiated`:
 * the file name of each fetched one, "bytes" for one from memory) and
 * collects its uncaught exceptions, but for the browser's own report of the
 * refused file (Firefox gives it as one).
 */
async function watchingPage(context, uncaught) {
  await context.addInitScript(() => {
    window.instantiated = [];
    const { compileStreaming, instantiate, instantiateStreaming } = WebAssembly;
    const fileNames = new WeakMap();
    const fileName = async (source) => new URL((await source).url).pathname.split('/').pop();
    WebAssembly.compileStreaming = (source) =>
      compileStreaming.call(WebAssembly, source).then(async (module) => {
        fileNames.set(module, await fileName(source));
        return module;
      });
    WebAssembly.instantiateStreaming = (source, imports) =>
      instantiateStreaming.call(WebAssembly, source, imports).then(async (result) => {
        window.instantiated.push(await fileName(source));
        return result;
      });
    WebAssembly.instantiate = (moduleOrBytes, imports) =>
      instantiate.call(WebAssembly, moduleOrBytes, imports).then((result) => {
        window.instantiated.push(fileNames.get(moduleOrBytes) ?? 'bytes');
        return result;
      });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    if (!/integrity/.test(error.message)) uncaught.push(error.message);
  });
  return page;
}

const instantiated = (page) => page.evaluate(() => window.instantiated);

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`integrity in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    /** Opens `path` and checks that the widget says it could not load safely, and that no wasm ran. */
    async function refused(servers, path) {
      const context = await browser.newContext();
      const uncaught = [];
      const page = await watchingPage(context, uncaught);
      await page.goto(`${servers.host.origin}${path}`);
      await page.locator('#deals').getByRole('alert').filter({ hasText: UNSAFE }).waitFor();
      assert.deepEqual(await instantiated(page), [], 'no wasm instantiated');
      assert.equal(await page.getByLabel('API key').count(), 0);
      assert.deepEqual(uncaught, []);
      await context.close();
    }

    describe('a first module altered by one byte', () => {
      const servers = served(tamperedBuild('isao-deals-widget_bg.wasm'));

      // Guards: the altered module is refused before it is instantiated, and
      // both ways of embedding show why, instead of an empty space.
      for (const path of ['/plain.html', '/element.html']) {
        test(`never runs, and ${path} says so`, () => refused(servers, path));
      }
    });

    for (const script of SCRIPTS) {
      describe(`${script} altered by one byte`, () => {
        const servers = served(tamperedBuild(script));

        // Guards: the loader's import of the glue, and the glue's of the chunk
        // loader, get the file only if its integrity holds.
        test('never runs, and the widget says so', () => refused(servers, '/plain.html'));
      });
    }

    describe('the chunks\' integrity list altered by one byte', () => {
      const servers = served(tamperedBuild('chunk-integrity.json'));

      // Guards: the list of the chunks' sha256 is itself checked, so that an
      // altered list cannot let an altered chunk through.
      test('no chunk runs: a screen says it could not be loaded safely', async () => {
        const context = await browser.newContext();
        const uncaught = [];
        const page = await watchingPage(context, uncaught);
        await page.goto(`${servers.host.origin}/plain.html`);
        await page.getByLabel('API key').fill('isao_demo_rw');
        await page.getByRole('button', { name: 'Connect' }).click();
        await page.getByRole('button', { name: 'New deal' }).click();
        await page.getByRole('alert').filter({ hasText: `This screen ${UNSAFE}` }).waitFor();
        assert.deepEqual(await instantiated(page), ['isao-deals-widget_bg.wasm']);
        assert.deepEqual(uncaught, []);
        await context.close();
      });
    });

    describe('a chunk altered by one byte', () => {
      const servers = served(tamperedBuild('split_deal.wasm'));

      // Guards: the altered chunk is refused and its screen says so, Retry
      // refuses it again, and the screens whose chunks are intact still load
      // (so the count can grow).
      test('never runs: its screen fails to load, the others work', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const uncaught = [];
        const page = await watchingPage(context, uncaught);
        await page.goto(`${servers.host.origin}/plain.html`);
        await page.getByLabel('API key').fill('isao_demo_rw');
        await page.getByRole('button', { name: 'Connect' }).click();
        const rows = page.locator('table.deals tbody tr');
        await rows.first().waitFor();
        assert.deepEqual(await instantiated(page), ['isao-deals-widget_bg.wasm']);

        await rows.first().locator('a').click();
        const alert = page.getByRole('alert').filter({ hasText: `This screen ${UNSAFE}` });
        await alert.waitFor();
        await alert.getByRole('button', { name: 'Retry' }).click();
        await alert.waitFor();
        assert.ok(!(await instantiated(page)).includes('split_deal.wasm'), 'the altered chunk never ran');

        await page.getByRole('button', { name: 'New deal' }).click();
        await page.getByLabel('Title').waitFor();
        assert.ok((await instantiated(page)).includes('split_new_deal.wasm'), 'an intact chunk still runs');
        assert.deepEqual(uncaught, []);
        await context.close();
      });
    });
  });
}
