// Saved views in the release build: a view saved by name survives a reload
// of the page, opens with its filters and search (the rows are then exactly
// the API's deals for them), and its link, opened by a colleague in another
// browser profile, shows the same deals; the built-in "Closing this month"
// and "Idle" narrow to exactly the API's deals they name; axe clean with the
// panel open; in both browsers.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, axeViolations, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget(['--demo-deals', '300']);

const rowIds = (page) => page.locator('table.deals tbody tr').evaluateAll(
  (rows) => rows.map((row) => row.getAttribute('data-deal-id')));

/** Waits for the pager's count of `ids`, then checks the rows are those deals. */
async function showsExactly(page, ids) {
  await page.locator('.pager .total').filter({ hasText: new RegExp(`^${ids.length} deals?`) }).waitFor();
  assert.deepEqual((await rowIds(page)).sort(), [...ids].sort());
}

/** A word in the titles of fewer than a page of the won deals, and those deals' ids. */
async function wonDealsWithAWord() {
  const won = await apiDeals(served, { status: 'won' });
  const byWord = new Map();
  for (const deal of won) {
    for (const word of new Set(deal.title.toLowerCase().split(/\W+/).filter((word) => word.length > 3))) {
      byWord.set(word, [...(byWord.get(word) ?? []), deal]);
    }
  }
  const [word, deals] = [...byWord].find(([, deals]) => deals.length > 1 && deals.length < 50) ?? [];
  assert.ok(word, 'a word some won deals share');
  // Every won deal whose searched fields hold the word, as the search reads them.
  const holds = (deal) => [
    deal.title, deal.description, deal.contact?.name, deal.contact?.email, deal.contact?.currentCompany,
    deal.assignedTo?.name, deal.assignedTo?.email, deal.source, deal.id,
  ].some((text) => text?.toLowerCase().includes(word));
  return { word, ids: won.filter(holds).map((deal) => deal.id) };
}

/** The year and month of `date` in Paris, where the tests' browsers are. */
const parisMonth = (date) => new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit',
}).format(new Date(date));

/**
 * Waits for the pager's count of `ids`, then checks each row is one of them
 * (all of them when they fit on a page), and returns the rows' ids.
 */
async function showsAmong(page, ids) {
  await page.locator('.pager .total').filter({ hasText: new RegExp(`^${ids.length} deals?`) }).waitFor();
  const rows = await rowIds(page);
  assert.ok(rows.length > 0 && rows.every((id) => ids.includes(id)), `${rows} among ${ids.length}`);
  if (ids.length <= rows.length) assert.deepEqual([...rows].sort(), [...ids].sort());
  return rows;
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`saved views in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: the view on show is saved under a name, is still listed after
    // a reload of the page from its bare URL, and opens with its status and
    // search: the rows are exactly the API's won deals holding the word.
    // Its link, opened in another profile (no saved views, no key), shows
    // the same deals once connected.
    test('a saved view survives a reload and its link shows the same deals', async () => {
      const { word, ids } = await wonDealsWithAWord();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      await page.getByLabel('Status').selectOption('won');
      await page.getByLabel('Search deals').fill(word);
      await showsExactly(page, ids);
      await page.getByRole('button', { name: 'Saved views' }).click();
      await page.getByLabel('Name of the view').fill('Won, with a word');
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.locator('.view-links a').filter({ hasText: 'Won, with a word' }).waitFor();
      // axe injects styles, which only Chromium lets past the host's CSP.
      if (name === 'chromium') {
        assert.deepEqual(await axeViolations(page), []);
      }

      await page.goto(`${served.host.origin}/plain.html`);
      await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();
      assert.equal(await page.getByLabel('Search deals').inputValue(), '');
      await page.getByRole('button', { name: 'Saved views' }).click();
      const link = page.locator('.view-links a').filter({ hasText: 'Won, with a word' });
      await link.click();
      await showsExactly(page, ids);
      assert.equal(await page.getByLabel('Status').inputValue(), 'won');
      assert.equal(await page.getByLabel('Search deals').inputValue(), word);
      assert.equal(await link.getAttribute('aria-current'), 'true');
      await page.waitForURL((url) => url.searchParams.get('deals.q') === word);

      const href = new URL(await link.getAttribute('href'), page.url()).href;
      const colleague = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const theirs = await watchedPage(colleague, served.consoleErrors);
      await theirs.goto(href);
      await theirs.getByLabel('API key').fill('isao_demo_rw');
      await theirs.getByRole('button', { name: 'Connect' }).click();
      await showsExactly(theirs, ids);
      assert.equal(await theirs.getByLabel('Status').inputValue(), 'won');
      await colleague.close();
      await context.close();
    });

    // Guards: the built-in "Closing this month" shows exactly the API's open
    // deals expected to close in the user's calendar month, soonest first,
    // says so with "Show all", and is in the page URL; "Show all" lifts it.
    // The built-in "Idle" shows exactly the open deals unchanged for 14 days.
    test('the built-in views narrow to the deals they name', async () => {
      const open = await apiDeals(served, { status: 'open' });
      const thisMonth = parisMonth(Date.now());
      const closing = open.filter((deal) => deal.expectedCloseDate && parisMonth(deal.expectedCloseDate) === thisMonth);
      const idle = open.filter((deal) => Date.now() - Date.parse(deal.updatedAt) >= 14 * 86_400_000);
      assert.ok(closing.length > 0 && idle.length > 0, 'the demo has deals of both views');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      await page.getByRole('button', { name: 'Saved views' }).click();
      await page.locator('.view-links a').filter({ hasText: 'Closing this month' }).click();
      const rows = await showsAmong(page, closing.map((deal) => deal.id));
      const closes = rows.map((id) => Date.parse(closing.find((deal) => deal.id === id).expectedCloseDate));
      assert.deepEqual(closes, [...closes].sort((a, b) => a - b), 'soonest first');
      await page.waitForURL((url) => url.searchParams.get('deals.closingThisMonth') === '1');
      await page.locator('.narrowed-note').getByRole('button', { name: 'Show all' }).click();
      await showsAmong(page, open.map((deal) => deal.id));
      await page.locator('.view-links a').filter({ hasText: /^Idle$/ }).click();
      await showsAmong(page, idle.map((deal) => deal.id));
      await page.waitForURL((url) => url.searchParams.get('deals.idle') === '1');
      await context.close();
    });
  });
}
