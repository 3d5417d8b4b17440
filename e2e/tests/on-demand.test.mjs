// The release build is cut into a first module and chunks fetched when a
// screen first needs them (scripts/release-bundle.sh): the list costs the list
// only, a deal and the new-deal form bring their code the first time they
// open, and a chunk that cannot be fetched leaves a message and a Retry, not
// a broken widget.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, loggingPage, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();

const rows = (page) => page.locator('table.deals tbody tr');

/** The names of the wasm files `page` fetches, in order, as they are asked for. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

async function connect(page) {
  await page.goto(`${served.host.origin}/plain.html`);
  await widgetStylesApplied(page);
  await page.getByLabel('API key').fill('isao_demo_rw');
  await page.getByRole('button', { name: 'Connect' }).click();
  await rows(page).first().waitFor();
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`on-demand chunks in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: showing the list fetches the first module alone; the deal's
    // and the form's code arrive when they first open, each once, and work.
    test('the list alone loads the first module; a deal and the form fetch their chunk once', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      const fetched = wasmRequests(page);
      await connect(page);
      assert.deepEqual(fetched, ['isao-deals-widget_bg.wasm']);

      await rows(page).first().locator('a').click();
      await page.getByRole('button', { name: 'Back to list' }).waitFor();
      assert.ok(fetched.includes('split_deal.wasm'), fetched.join());
      assert.ok(!fetched.includes('split_new_deal.wasm'), fetched.join());
      await page.getByRole('button', { name: 'Back to list' }).click();

      const before = fetched.length;
      await rows(page).nth(1).locator('a').click();
      await page.getByRole('button', { name: 'Back to list' }).waitFor();
      assert.equal(fetched.length, before, `a second deal fetches nothing more: ${fetched.join()}`);
      await page.getByRole('button', { name: 'Back to list' }).click();

      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').waitFor();
      assert.ok(fetched.includes('split_new_deal.wasm'), fetched.join());
      assert.equal(new Set(fetched).size, fetched.length, `each file once: ${fetched.join()}`);
      await context.close();
    });

    // Guards: the screens' stylesheet is not part of the list's download; it
    // arrives with the first screen fetched on demand, once, and that screen
    // never shows without its rules (read as its element enters the page).
    test("the screens' stylesheet arrives with the first such screen, which never shows unstyled", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      const sheets = [];
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop();
        if (name.startsWith('isao-deals') && name.endsWith('.css')) sheets.push(name);
      });
      await connect(page);
      assert.deepEqual(sheets, ['isao-deals.css']);
      // Slower than the deal's code, so that a screen not waiting would show first.
      await page.route('**/isao-deals-screens.css', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        await route.continue();
      });

      await page.evaluate(() => {
        const root = document.querySelector('#deals').shadowRoot;
        new MutationObserver((_, observer) => {
          const detail = root.querySelector('.deal-detail');
          if (detail) {
            observer.disconnect();
            window.firstDealDisplay = getComputedStyle(detail).display;
          }
        }).observe(root, { childList: true, subtree: true });
      });
      await rows(page).first().locator('a').click();
      await page.waitForFunction(() => window.firstDealDisplay);
      assert.equal(await page.evaluate(() => window.firstDealDisplay), 'flex');
      await page.getByRole('button', { name: 'Back to list' }).click();
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').waitFor();
      assert.deepEqual(sheets, ['isao-deals.css', 'isao-deals-screens.css']);
      await context.close();
    });

    // Guards: a chunk that does not arrive (offline for a moment) leaves a
    // message and a Retry in place of the screen, the rest of the widget
    // keeps working, and Retry brings the screen once the network is back.
    test('a chunk that fails to arrive offers Retry, and Retry shows the deal', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // The failed fetch is logged on purpose; what is logged is checked below.
      const { page, logged } = await loggingPage(context);
      await connect(page);
      await page.route('**/split_deal.wasm', (route) => route.abort('internetdisconnected'));

      const title = (await rows(page).first().locator('a').textContent()).trim();
      await rows(page).first().locator('a').click();
      const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
      await alert.waitFor();
      assert.equal(await page.getByRole('button', { name: 'Back to list' }).count(), 0);

      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await rows(page).first().waitFor();

      await rows(page).first().locator('a').click();
      await alert.waitFor();
      await page.unroute('**/split_deal.wasm');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('button', { name: 'Back to list' }).waitFor();

      assert.ok(logged.length > 0, 'the failed fetch is logged');
      assert.deepEqual(logged.filter((text) => text.startsWith('uncaught')), [], logged.join('\n'));
      await context.close();
    });
  });
}
