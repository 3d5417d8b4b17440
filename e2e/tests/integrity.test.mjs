// Subresource integrity of the release build (scripts/release-bundle.sh): the
// loader fetches the first wasm module, and the chunk loader each chunk, with
// the sha256 computed at build time. Served a build with one byte flipped in
// the first module, the widget says it could not be loaded safely and no wasm
// is instantiated; with one byte flipped in a chunk, that screen fails to
// load and its code never runs, while the intact chunks still do.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, startHost } from '../server.mjs';
import { BROWSERS } from '../suite.mjs';

const UNSAFE = 'could not be loaded safely';

/** A copy of the release build with one byte of `file` flipped. */
function tamperedBuild(file) {
  const dir = mkdtempSync(join(tmpdir(), 'isao-tampered-'));
  cpSync(process.env.WIDGET_DIST, dir, { recursive: true });
  const bytes = readFileSync(join(dir, file));
  bytes[bytes.length >> 1] ^= 0x01;
  writeFileSync(join(dir, file), bytes);
  return dir;
}

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

    describe('a first module altered by one byte', () => {
      const servers = served(tamperedBuild('isao-deals-widget_bg.wasm'));

      // Guards: the altered module is refused before it is instantiated, and
      // both ways of embedding show why, instead of an empty space.
      for (const path of ['/plain.html', '/element.html']) {
        test(`never runs, and ${path} says so`, async () => {
          const context = await browser.newContext();
          const uncaught = [];
          const page = await watchingPage(context, uncaught);
          await page.goto(`${servers.host.origin}${path}`);
          await page.locator('#deals').getByRole('alert').filter({ hasText: UNSAFE }).waitFor();
          assert.deepEqual(await instantiated(page), [], 'no wasm instantiated');
          assert.equal(await page.getByLabel('API key').count(), 0);
          assert.deepEqual(uncaught, []);
          await context.close();
        });
      }
    });

    describe('a chunk altered by one byte', () => {
      const servers = served(tamperedBuild('split_deal.wasm'));

      // Guards: the altered chunk is refused, Retry refuses it again, and the
      // screens whose chunks are intact still load (so the count can grow).
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
        const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
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
