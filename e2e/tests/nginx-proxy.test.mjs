// The widget with auth="host" behind deploy/nginx.conf, in both browsers:
// nginx (Debian's) serves the host page and the release build, and forwards
// /isao/api/ to the reference server with the key, so that the browser never
// holds one. Every request the browser makes is intercepted and checked for
// an Authorization header.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startNginx } from '../nginx.mjs';
import { BROWSERS, servedWidget, untilApi, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();
const SITE_ROOT = fileURLToPath(new URL('../host', import.meta.url));

const rows = (page) => page.locator('table.deals tbody tr');

/** One deal as the API has it now, read with the key as the proxy does. */
async function apiDeal(id) {
  const response = await fetch(`${served.api.base}/api/external/deals/${id}`, {
    headers: { authorization: 'Bearer isao_demo_rw' },
  });
  assert.ok(response.ok, `GET /deals/${id}: ${response.status}`);
  return (await response.json()).data;
}

/**
 * Records every request `page` makes, with all its headers as sent;
 * `carryingAuthorization()` lists those that had an Authorization header.
 */
function interceptRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const sent = request.allHeaders().then((headers) => ({ url: request.url(), method: request.method(), headers }));
    // Seen by the checks below; a request the page makes after the last
    // check, as its context closes, must not end the run unhandled.
    sent.catch(() => {});
    seen.push(sent);
  });
  return {
    all: () => Promise.all(seen),
    carryingAuthorization: async () => (await Promise.all(seen))
      .filter((request) => 'authorization' in request.headers)
      .map((request) => `${request.method} ${request.url}`),
  };
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`auth="host" behind nginx in ${name}`, () => {
    let browser;
    let proxy;
    let expiredProxy;
    // In a suite's hook, not the file's: node runs a file's hooks side by
    // side, and the reference server must be up first.
    before(async () => {
      const site = { siteRoot: SITE_ROOT, kit: process.env.WIDGET_DIST, api: served.api.base };
      proxy = await startNginx({ ...site, key: 'isao_demo_rw' });
      expiredProxy = await startNginx({ ...site, key: 'isao_not_a_key' });
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await proxy?.stop();
      await expiredProxy?.stop();
    });

    // Guards: through the proxy, the journey works without a key ever
    // reaching the browser: the list shows at once (no key panel, no
    // Disconnect), a deal opens, a new deal is created and its stage changed,
    // the API holds the change, and no request from the browser carried an
    // Authorization header.
    test('the journey through nginx, no Authorization header from the browser', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      const requests = interceptRequests(page);
      await page.goto(`${proxy.origin}/proxied.html`);
      await widgetStylesApplied(page);
      await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();
      assert.equal(await page.getByLabel('API key').count(), 0, 'no key field');
      assert.equal(await page.getByRole('button', { name: 'Disconnect' }).count(), 0, 'no key to forget');

      await rows(page).first().locator('a').click();
      await page.getByRole('button', { name: 'Mark won' }).waitFor();
      await page.getByRole('button', { name: 'Back to list' }).click();

      const title = `Proxied deal ${Date.now()} ${name}`;
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Value').fill('4200');
      await page.getByRole('button', { name: 'Create deal' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.waitForURL(/deals\.deal=/);
      const id = await page.evaluate(() => new URLSearchParams(location.search).get('deals.deal'));
      assert.ok(id, 'the page URL names the new deal');
      await page.getByLabel('New stage').fill('negotiation');
      await page.getByRole('button', { name: 'Change stage' }).click();
      await page.locator('.deal-fields dd').filter({ hasText: /^Negotiation$/ }).waitFor();
      // Sent once its undo window (6 s) is over.
      const deal = await untilApi(() => apiDeal(id), (deal) => deal.stage === 'negotiation');
      assert.equal(deal.title, title);
      assert.equal(deal.stage, 'negotiation');

      const sent = await requests.all();
      const apiCalls = sent.filter((request) => new URL(request.url).pathname.startsWith('/isao/api/'));
      assert.deepEqual(
        [...new Set(apiCalls.map((request) => request.method))].sort(), ['GET', 'POST', 'PUT'],
        'the list, the deal, the new deal and its stage went through the proxy');
      assert.ok(sent.every((request) => new URL(request.url).origin === proxy.origin), 'one origin only');
      assert.deepEqual(await requests.carryingAuthorization(), [], 'no request carried an Authorization header');
      await context.close();
    });

    // Guards: when the proxy's credentials are refused (here a wrong key in
    // nginx; in production, the sign-in in front of it), the widget says the
    // session expired and offers a reload, never a key field; the reload
    // asks again, and still no Authorization header left the browser.
    test('a 401 through nginx says the session expired and offers a reload', async () => {
      const errors = [];
      const context = await browser.newContext();
      const page = await watchedPage(context, errors);
      const requests = interceptRequests(page);
      await page.goto(`${expiredProxy.origin}/proxied-element.html`);
      const notice = page.getByRole('alert').filter({ hasText: 'Your session has expired. Reload the page to sign in again.' });
      await notice.waitFor();
      assert.equal(await page.getByLabel('API key').count(), 0, 'no key field');
      assert.equal(await page.locator('#deals').evaluate((element) => element.shadowRoot.querySelectorAll('input').length), 0);

      await Promise.all([
        page.waitForEvent('framenavigated'),
        page.getByRole('button', { name: 'Reload the page' }).click(),
      ]);
      await notice.waitFor();
      assert.deepEqual(await requests.carryingAuthorization(), []);
      // The browser logs the 401 answers themselves; nothing else may be logged.
      assert.deepEqual(errors.filter((error) => !/status of 401/.test(error)), []);
      await context.close();
    });
  });
}
