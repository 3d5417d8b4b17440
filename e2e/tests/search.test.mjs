// "Search deals" in the release build: what it finds is exactly the deals of
// the API's full list whose fields hold every word typed, whatever the case
// and the accents, in both browsers; the words live in the page URL.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget(['--demo-deals', '700']);

/** `text` as the test compares it: lower case, accents off (the widget's own folding is Rust's, src/deal_search.rs). */
const folded = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');

/** The fields the search looks in, as the issue lists them. */
const searchedFields = (deal) => [
  deal.title, deal.description, deal.contact?.name, deal.contact?.email, deal.contact?.currentCompany,
  deal.assignedTo?.name, deal.assignedTo?.email, deal.source, deal.id,
].filter((field) => field != null).map(folded);

const found = (deals, typed) => {
  const words = folded(typed).split(/\s+/).filter(Boolean);
  return deals.filter((deal) => {
    const fields = searchedFields(deal);
    return words.every((word) => fields.some((field) => field.includes(word)));
  });
};

const rowIds = (page) => page.locator('table.deals tbody tr').evaluateAll(
  (rows) => rows.map((row) => row.getAttribute('data-deal-id')));

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`search in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: typed without accents and in capitals, two words find the
    // deals whose fields hold both, as the API's full list has them, and no
    // other; the count follows; the words are in the URL and a reload
    // searches again; Escape clears.
    test('the deals found are exactly the API\'s deals holding every word', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      await page.getByLabel('Page size').selectOption('200');
      await page.locator('.deal-page[aria-busy="false"] table.deals[data-page="1"]').waitFor();
      const unsearched = await rowIds(page);

      // A contact whose name has an accent ("Chloé Dubois"), typed without
      // it and in capitals ("CHLOE dubois"), found on a few deals.
      const every = await apiDeals(served, {});
      const typings = [...new Set(every.map((deal) => deal.contact?.name).filter((name) => name && folded(name) !== name.toLowerCase()))]
        .map((name) => { const [first, last] = folded(name).split(' '); return `${first.toUpperCase()} ${last}`; });
      const typed = typings.find((words) => { const count = found(every, words).length; return count > 1 && count < 200; });
      assert.ok(typed, `a contact with an accented name on 2 to 199 deals, among ${typings}`);
      const expected = found(every, typed).map((deal) => deal.id).sort();
      await page.getByLabel('Search deals').fill(typed);
      await page.locator('.pager .total').filter({ hasText: `${expected.length} deals` }).waitFor();
      assert.deepEqual((await rowIds(page)).sort(), expected);
      await page.waitForURL((url) => url.searchParams.get('deals.q') === typed);

      // The key is kept in the tab: the widget connects by itself.
      await page.reload();
      assert.equal(await page.getByLabel('Search deals').inputValue(), typed);
      await page.locator('.pager .total').filter({ hasText: `${expected.length} deals` }).waitFor();
      assert.deepEqual((await rowIds(page)).sort(), expected);

      await page.getByLabel('Search deals').press('Escape');
      await page.waitForURL((url) => !url.searchParams.has('deals.q'));
      await page.locator('.deal-page[aria-busy="false"] table.deals[data-page="1"]').waitFor();
      assert.deepEqual(await rowIds(page), unsearched, 'the API\'s first page again');
      await context.close();
    });
  });
}
