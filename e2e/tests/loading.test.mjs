// How the release build loads (embed/isao-deals.js, scripts/release-bundle.sh):
// the loader asks for the wasm module before the JS modules, and the widget's
// first screen costs the loader, the wasm, the glue (its snippets inside),
// the chunk loader and the stylesheet, nothing more. Browsers open at most
// six connections to a host over HTTP/1.1: with a module per snippet, the
// wasm queued behind them.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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

    // Guards: the wasm download starts before the glue's, not after the JS
    // modules; no other file holds up the key field (a snippet's module of
    // its own, say).
    test('the wasm first, then the glue and the chunk loader, and nothing else before the key field', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context, served.consoleErrors);
      const requested = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/widget/')) requested.push(pathname.slice('/widget/'.length));
      });
      await page.goto(`${served.host.origin}/plain.html`);
      await page.getByLabel('API key').waitFor();
      await widgetStylesApplied(page);
      assert.deepEqual([...requested].sort(),
        ['__wasm_split.js', 'isao-deals-widget.js', 'isao-deals-widget_bg.wasm', 'isao-deals.css', 'isao-deals.js']);
      // When each fetch was started, as the page saw it (not when a connection took it).
      const started = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('resource').map((entry) => [entry.name.split('/').pop(), entry.startTime])));
      assert.ok(started['isao-deals-widget_bg.wasm'] <= started['isao-deals-widget.js'], JSON.stringify(started));
      assert.ok(started['isao-deals-widget_bg.wasm'] <= started['__wasm_split.js'], JSON.stringify(started));
      await context.close();
    });
  });
}
