// Sorting by value in the release build: the rows are the API's full list
// ordered by currency, then amount, every deal of the company and not one
// page, with aria-sort and the page URL saying so; a second click reverses
// the amounts and keeps the currencies in their order. In both browsers.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget(['--demo-deals', '500']);

/**
 * The ids of the first `count` of `deals` (in the API's order) sorted by
 * value: currencies alphabetically whichever way, amounts up or down, equal
 * ones in the API's order.
 */
function byValue(deals, descending, count) {
  const sorted = deals
    .map((deal, position) => ({ deal, position }))
    .sort((left, right) =>
      left.deal.currency.localeCompare(right.deal.currency, 'en') ||
      (descending ? right.deal.value - left.deal.value : left.deal.value - right.deal.value) ||
      left.position - right.position);
  return sorted.slice(0, count).map(({ deal }) => deal.id);
}

/** Waits until the rows on screen are `ids`, in that order. */
function rowsAre(page, ids) {
  return page.waitForFunction((expected) => {
    const root = document.querySelector('[data-isao-deals]')?.shadowRoot;
    if (!root) return false;
    const shown = [...root.querySelectorAll('table.deals tbody tr')].map((row) => row.getAttribute('data-deal-id'));
    return shown.length === expected.length && shown.every((id, at) => id === expected[at]);
  }, ids, { timeout: 20_000 });
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`sort by value in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: a click on "Value" sorts every deal of the company, not the
    // page on screen; the second click reverses the amounts only; each is
    // in aria-sort and in the page URL, and a reload sorts again.
    test('the rows follow the API\'s full list sorted by currency, then amount', async () => {
      const every = await apiDeals(served, {});
      assert.ok(new Set(every.map((deal) => deal.currency)).size > 1, 'the demo deals have several currencies');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      await page.getByLabel('Page size').selectOption('200');

      const valueButton = page.locator('table.deals thead button.sort').filter({ hasText: /^Value$/ });
      const header = page.locator('table.deals thead th').filter({ has: page.locator('button[data-sort="value"]') });
      await valueButton.click();
      await rowsAre(page, byValue(every, false, 200));
      assert.equal(await header.getAttribute('aria-sort'), 'ascending');
      await page.waitForURL((url) => url.searchParams.get('deals.sort') === 'value');

      await valueButton.click();
      await rowsAre(page, byValue(every, true, 200));
      assert.equal(await header.getAttribute('aria-sort'), 'descending');
      await page.waitForURL((url) => url.searchParams.get('deals.sort') === '-value');

      await page.reload();
      await rowsAre(page, byValue(every, true, 200));
      await context.close();
    });
  });
}
