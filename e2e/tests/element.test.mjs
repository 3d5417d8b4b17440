// The <isao-deals> custom element the loader registers (embed/isao-deals.js),
// on a page served with the suite's strict CSP: added it mounts, removed it
// unmounts, moved it stays as it is, a changed attribute applies at once,
// two of them live apart, and hundreds of add/remove cycles leave memory flat.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, CRATE_VERSION, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();

const deals = (page, id = 'deals') => page.locator(`#${id}`);
const rows = (widget) => widget.locator('table.deals tbody tr');

async function connectIn(widget) {
  await widget.getByLabel('API key').fill('isao_demo_rw');
  await widget.getByRole('button', { name: 'Connect' }).click();
  await rows(widget).first().waitFor();
}

/** Adds an <isao-deals id="…"> with the page's API base and `attributes` to the end of <main>. */
function addElement(page, id, attributes = {}) {
  return page.evaluate(([id, attributes]) => {
    const element = document.createElement('isao-deals');
    element.id = id;
    element.setAttribute('api-base', document.querySelector('#deals').getAttribute('api-base'));
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.querySelector('main').append(element);
  }, [id, attributes]);
}

/** The JS heap (Chromium only) and the wasm memory of `page`, after a garbage collection. */
async function memory(page, cdp) {
  let heap;
  if (cdp) {
    await cdp.send('HeapProfiler.collectGarbage');
    heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  }
  const wasm = await page.evaluate(async () =>
    (await (await import('/widget/isao-deals-widget.js')).default()).memory.buffer.byteLength);
  return { heap, wasm };
}

/** Adds and removes an <isao-deals> `cycles` times, each time once its key field is there. */
function addRemoveCycles(page, cycles) {
  return page.evaluate(async (cycles) => {
    const apiBase = document.querySelector('#deals').getAttribute('api-base');
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      const element = document.createElement('isao-deals');
      element.setAttribute('api-base', apiBase);
      element.setAttribute('key-storage', 'memory');
      document.body.append(element);
      for (let wait = 0; !element.shadowRoot?.querySelector('input'); wait += 1) {
        if (wait > 500) throw new Error(`cycle ${cycle}: the widget did not mount`);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (element.shadowRoot.childElementCount !== 0) throw new Error(`cycle ${cycle}: the widget did not unmount`);
    }
  }, cycles);
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`<isao-deals> in ${name}`, () => {
    let browser;
    let context;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    async function elementPage() {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await widgetStylesApplied(page);
      return page;
    }

    // Guards: the element's life follows the document's: a move (a removal
    // and an insertion in one task) keeps the connected widget; a removal
    // empties it; adding it again mounts a fresh widget.
    test('added it mounts, moved it keeps its state, removed it unmounts', async () => {
      const page = await elementPage();
      await connectIn(deals(page));
      await page.evaluate(() => document.querySelector('#elsewhere').append(document.querySelector('#deals')));
      await page.locator('#elsewhere #deals').waitFor();
      await rows(deals(page)).first().waitFor();
      assert.equal(await deals(page).getByLabel('API key').count(), 0, 'still connected after the move');

      const childrenAfterRemoval = await page.evaluate(async () => {
        const element = document.querySelector('#deals');
        element.remove();
        await new Promise((resolve) => setTimeout(resolve, 0));
        const count = element.shadowRoot.childElementCount;
        document.querySelector('main').append(element);
        return count;
      });
      assert.equal(childrenAfterRemoval, 0, 'removed, the widget is unmounted');
      await deals(page).getByLabel('API key').waitFor();
      await context.close();
    });

    // Guards: each element is its own widget: connecting or removing one
    // leaves the other as it was.
    test('two elements on one page work independently', async () => {
      const page = await elementPage();
      await addElement(page, 'second', { 'key-storage': 'memory' });
      await deals(page, 'second').getByLabel('API key').waitFor();
      await connectIn(deals(page));
      assert.equal(await deals(page, 'second').getByLabel('API key').count(), 1, 'the second is not connected');
      await page.evaluate(() => document.querySelector('#deals').remove());
      await connectIn(deals(page, 'second'));
      await context.close();
    });

    // Guards: a changed attribute or property mounts the widget again with
    // it at once; a key kept in session storage survives that, one kept in
    // memory does not.
    test('a changed attribute applies at once; a session key survives it', async () => {
      const page = await elementPage();
      await addElement(page, 'session', { 'key-storage': 'session' });
      const session = deals(page, 'session');
      await connectIn(session);
      await page.evaluate(() => {
        document.querySelector('#session').setAttribute('stylesheet', '/widget/isao-deals.css?changed');
      });
      await page.waitForFunction(() =>
        document.querySelector('#session').shadowRoot.querySelector('link').href.endsWith('?changed'));
      await rows(session).first().waitFor();
      assert.equal(await session.getByLabel('API key').count(), 0, 'the session key survives the new mount');

      await connectIn(deals(page));
      const reflected = await page.evaluate(() => {
        const element = document.querySelector('#deals');
        element.stylesheet = '/widget/isao-deals.css?property';
        return element.getAttribute('stylesheet');
      });
      assert.equal(reflected, '/widget/isao-deals.css?property');
      await page.waitForFunction(() =>
        document.querySelector('#deals').shadowRoot.querySelector('link')?.href.endsWith('?property'));
      await deals(page).getByLabel('API key').waitFor();
      await context.close();
    });

    // Guards: the loader compiles the wasm as it streams in, which needs the
    // type application/wasm; a server that gives another still gets a widget.
    test('a wasm served with another content type still loads', async () => {
      context = await browser.newContext();
      await context.route('**/isao-deals-widget_bg.wasm', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await deals(page).getByLabel('API key').waitFor();
      await context.close();
    });

    // Guards: the host can tell which version it runs, from the module, the
    // element class or an element.
    test('the version is the crate\'s, from the module, the class and the element', async () => {
      const page = await elementPage();
      const versions = await page.evaluate(async () => {
        const loader = await import('/widget/isao-deals.js');
        return [loader.version, loader.IsaoDeals.version, customElements.get('isao-deals').version,
          document.querySelector('#deals').version];
      });
      assert.deepEqual(versions, Array(4).fill(CRATE_VERSION));
      await context.close();
    });

    // Guards: removing an element frees its widget: after a warm-up, 200
    // more add/remove cycles grow neither the wasm memory nor (Chromium) the
    // JS heap beyond noise.
    test('200 add/remove cycles leave memory flat', async () => {
      const page = await elementPage();
      const cdp = name === 'chromium' ? await context.newCDPSession(page) : undefined;
      await addRemoveCycles(page, 20);
      const before = await memory(page, cdp);
      await addRemoveCycles(page, 200);
      const after = await memory(page, cdp);
      console.log(`${name}: wasm memory ${before.wasm} -> ${after.wasm} B; JS heap ${before.heap} -> ${after.heap} B`);
      assert.ok(after.wasm - before.wasm <= 64 * 1024, `wasm memory grew from ${before.wasm} to ${after.wasm} B`);
      if (cdp) {
        assert.ok(after.heap - before.heap <= 256 * 1024, `JS heap grew from ${before.heap} to ${after.heap} B`);
      }
      await context.close();
    });
  });
}
