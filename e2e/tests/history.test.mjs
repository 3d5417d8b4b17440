// Back and Forward: opening a deal, the new-deal form or another view is an
// entry of the host page's history, filters are not; the host's own entries
// stay; disconnecting takes the widget's parameters out of the URL.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget();

/** The widget's own parameters in the page URL, `deals.` prefixed, as one string. */
function ownParams(page) {
  const params = new URL(page.url()).searchParams;
  return [...params].filter(([name]) => name.startsWith('deals.')).map((pair) => pair.join('=')).join('&');
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`history in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: Back from a deal shows the list, Forward the deal again, Back
    // from the form the list, and one more Back the host's own entry from
    // before the widget was used, with the host's parameter as it was.
    test('Back and Forward move between the list, a deal and the form', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html?host=1`);
      await page.evaluate(() => history.pushState(null, '', `${location.pathname}?host=2`));
      await connect(page);
      const list = page.locator('table.deals');
      const fields = page.locator('.deal-fields');

      await page.getByLabel('Status').selectOption('open');
      await page.waitForURL((url) => url.search.includes('deals.status=open'));
      const link = page.locator('table.deals tbody tr').first().locator('a');
      const id = await page.locator('table.deals tbody tr').first().getAttribute('data-deal-id');
      await link.click();
      await fields.waitFor();
      await page.waitForURL((url) => url.searchParams.get('deals.deal') === id);

      await page.goBack();
      await list.waitFor();
      assert.equal(await fields.count(), 0, 'the deal is gone');
      assert.equal(ownParams(page), 'deals.status=open', 'the filter stays, the deal goes');

      await page.goForward();
      await fields.waitFor();
      assert.equal(new URL(page.url()).searchParams.get('deals.deal'), id);

      await page.getByRole('button', { name: 'Back to list' }).click();
      await list.waitFor();
      await page.getByRole('button', { name: 'New deal' }).click();
      await page.getByRole('button', { name: 'Create deal' }).waitFor();
      await page.waitForURL((url) => url.searchParams.get('deals.screen') === 'new-deal');
      await page.goBack();
      await list.waitFor();
      assert.equal(await page.getByRole('button', { name: 'Create deal' }).count(), 0, 'the form is gone');

      // Back through the widget's entries: the deal, then the list whose
      // filter replaced the entry in force, then the host's own entry from
      // before the widget was used, as the host left it.
      await page.goBack();
      await fields.waitFor();
      await page.goBack();
      await list.waitFor();
      assert.equal(ownParams(page), 'deals.status=open');
      assert.equal(new URL(page.url()).searchParams.get('host'), '2');
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('host') === '1');
      assert.equal(ownParams(page), '');
      await page.waitForFunction(() =>
        document.querySelector('#deals').shadowRoot.querySelector('.filters select').value === '');
      await context.close();
    });

    // Guards: disconnecting removes the widget's parameters (and only its
    // own), so connecting again starts from the list, not the old deal.
    test('disconnecting clears the widget parameters', async () => {
      const context = await browser.newContext();
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html?host=1`);
      await connect(page);
      await page.locator('table.deals tbody tr').first().locator('a').click();
      await page.locator('.deal-fields').waitFor();
      await page.waitForURL((url) => url.searchParams.has('deals.deal'));

      await page.getByRole('button', { name: 'Disconnect' }).click();
      await page.getByLabel('API key').waitFor();
      await page.waitForURL((url) => !url.searchParams.has('deals.deal'));
      assert.equal(ownParams(page), '', 'no parameter of the widget is left');
      assert.equal(new URL(page.url()).searchParams.get('host'), '1', "the host's parameter stays");

      await connect(page);
      assert.equal(await page.locator('.deal-fields').count(), 0, 'the list, not the old deal');
      await context.close();
    });
  });
}
