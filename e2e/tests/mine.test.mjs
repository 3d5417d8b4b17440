// "Mine" in the release build: the deals it shows are exactly those the
// API's full list assigns to the user, named by the host page
// (`current-user`) or by the user's answer to "Who are you?", which survives
// a reload; in both browsers.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, axeViolations, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget(['--demo-deals', '400']);

const rowIds = (page) => page.locator('table.deals tbody tr').evaluateAll(
  (rows) => rows.map((row) => row.getAttribute('data-deal-id')));

/** A user the API assigns some deals to (fewer than a page of 200), and the ids of those deals. */
async function someonesDeals() {
  const every = await apiDeals(served, {});
  const byUser = new Map();
  for (const deal of every) {
    if (!deal.assignedTo) continue;
    const entry = byUser.get(deal.assignedTo.id) ?? { user: deal.assignedTo, ids: [] };
    entry.ids.push(deal.id);
    byUser.set(deal.assignedTo.id, entry);
  }
  const chosen = [...byUser.values()].find(({ ids }) => ids.length > 1 && ids.length < 200);
  assert.ok(chosen, 'a user with 2 to 199 deals');
  return { user: chosen.user, ids: chosen.ids.sort() };
}

async function showsExactly(page, ids) {
  await page.locator('.pager .total').filter({ hasText: `${ids.length} deals` }).waitFor();
  assert.deepEqual((await rowIds(page)).sort(), ids);
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`"Mine" in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: with `current-user` on the element, "Mine" shows that user's
    // deals and no other, says whose, asks nobody and offers no "Not you?";
    // it is in the page URL.
    test('the host names the user', async () => {
      const { user, ids } = await someonesDeals();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await page.locator('isao-deals').evaluate((element, id) => element.setAttribute('current-user', id), user.id);
      await connect(page);
      await page.getByLabel('Page size').selectOption('200');
      await page.getByRole('button', { name: 'Mine' }).click();
      await showsExactly(page, ids);
      await page.getByText(`Deals assigned to ${user.name}`).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Not you?' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed'), 'true');
      await page.waitForURL((url) => url.searchParams.get('deals.mine') === '1');
      await context.close();
    });

    // Guards: without the host's word, "Mine" asks "Who are you?" (axe
    // clean), the answer shows that person's deals, and a reload shows them
    // again without asking: the answer is remembered for the API.
    test('the user answers "Who are you?" once', async () => {
      const { user, ids } = await someonesDeals();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html?deals.mine=1&deals.limit=200`);
      await page.getByLabel('API key').fill('isao_demo_rw');
      await page.getByRole('button', { name: 'Connect' }).click();
      const who = page.getByRole('combobox', { name: 'Who are you?' });
      await who.waitFor();
      // axe injects styles, which only Chromium lets past the host's CSP
      // (bypassCSP); Firefox would log the refusal.
      if (name === 'chromium') {
        assert.deepEqual(await axeViolations(page), []);
      }
      await who.selectOption(user.id);
      await page.getByRole('button', { name: 'Show my deals' }).click();
      await showsExactly(page, ids);

      await page.reload();
      await showsExactly(page, ids);
      assert.equal(await who.count(), 0, 'nobody asked again');
      await page.getByRole('button', { name: 'Not you?' }).waitFor();
      await context.close();
    });
  });
}
