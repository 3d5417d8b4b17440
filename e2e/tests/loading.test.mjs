// How the release build loads (embed/isao-deals.js, scripts/release-bundle.sh):
// the loader asks for the wasm module before the JS modules, a host page's
// preload links ask for all three with the loader, and the widget's
// first screen costs the loader, the wasm, the glue (its snippets inside),
// the chunk loader and the stylesheet, nothing more. Browsers open at most
// six connections to a host over HTTP/1.1: with a module per snippet, the
// wasm queued behind them. The snippet's script tag is async: the widget may
// be ready before the page is parsed, and it mounts once the page is.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STALL_MS } from '../server.mjs';
import { BROWSERS, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`loading in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    /**
     * Opens `path` up to the key field, styled, and gives the widget's files
     * it requested and, for each, when the page started its fetch (not when a
     * connection took it) and when the answer was in.
     */
    async function load(path) {
      const context = await browser.newContext();
      const page = await watchedPage(context, served.consoleErrors);
      const requested = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/widget/')) requested.push(pathname.slice('/widget/'.length));
      });
      await page.goto(`${served.host.origin}${path}`);
      await page.getByLabel('API key').waitFor();
      await widgetStylesApplied(page);
      const entries = await page.evaluate(() =>
        performance.getEntriesByType('resource').map(({ name, startTime, responseEnd }) => [name.split('/').pop(), startTime, responseEnd]));
      await context.close();
      const started = Object.fromEntries(entries.map(([file, start]) => [file, start]));
      const arrived = Object.fromEntries(entries.map(([file, , end]) => [file, end]));
      return { requested, started, arrived, timings: JSON.stringify(entries) };
    }
    const FIRST_SCREEN = ['__wasm_split.js', 'isao-deals-widget.js', 'isao-deals-widget_bg.wasm', 'isao-deals.css', 'isao-deals.js'];

    // Guards: the wasm download starts before the glue's, not after the JS
    // modules; no other file holds up the key field (a snippet's module of
    // its own, say).
    test('without preload links: the wasm first, then the glue and the chunk loader, nothing else before the key field', async () => {
      const { requested, started, timings } = await load('/element.html');
      assert.deepEqual([...requested].sort(), FIRST_SCREEN);
      assert.ok(started['isao-deals-widget_bg.wasm'] <= started['isao-deals-widget.js'], timings);
      assert.ok(started['isao-deals-widget_bg.wasm'] <= started['__wasm_split.js'], timings);
    });

    // Guards: with the release build's preload links in the page's head, the
    // wasm, the glue and the chunk loader are requested as the page is read,
    // together with the loader (before it has arrived, let alone run), and
    // the loader's own requests take those answers: each file is requested
    // once (a preload that does not match the loader's request, by its mode
    // or its integrity, is a second request).
    test('with preload links: every file requested once, all before the loader has arrived', async () => {
      const { requested, started, arrived, timings } = await load('/plain.html');
      assert.deepEqual([...requested].sort(), FIRST_SCREEN);
      for (const file of ['isao-deals-widget_bg.wasm', 'isao-deals-widget.js', '__wasm_split.js']) {
        assert.ok(started[file] < arrived['isao-deals.js'], timings);
      }
    });

    // Guards: with the async script tag, the widget can be ready long before
    // a slow page is parsed; it still mounts the `div` declared in the part
    // of the page that came last, and mounts no widget before the page's own
    // deferred scripts have run: the one at its end hears the connect of an
    // element that starts with the key it kept.
    test('a page streaming in slowly: every declared widget mounts, once the page and its scripts are in', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/streamed.html`);
      const element = page.locator('#deals');
      await element.getByLabel('API key').fill('isao_demo_rw');
      await element.getByRole('button', { name: 'Connect' }).click();
      await element.locator('table.deals tbody tr').first().waitFor();
      await page.reload();
      await page.locator('#declared').getByLabel('API key').waitFor();
      await element.locator('table.deals tbody tr').first().waitFor();
      const { parsedAt, heard } = await page.evaluate(() => ({
        parsedAt: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
        heard: window.hostEvents.filter((event) => event.type === 'isao-deals:connect').map((event) => event.target),
      }));
      assert.ok(parsedAt >= STALL_MS, `parsed ${parsedAt} ms into the load: the page did not stream in slowly`);
      assert.deepEqual(heard, ['deals'], 'the page heard the kept key connect');
      await context.close();
    });
  });
}
