// Many deals of the board at once, in the release build and both browsers:
// three deals selected and moved with the keyboard alone end in the new
// stage in the API, each of them, the focus on the first card moved; with a read-only key every card goes back
// and each deal is listed with the API's 403 reason; axe clean with the
// selection's bar shown.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, axeViolations, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget();

/** Another client: the API itself, with the demo's read-write key. */
const api = (method, path, body) => apiCall(served, method, path, body);

/**
 * Three new proposals sharing a word no other deal has, and a page connected
 * with `key` whose board shows only them, through the search; the page's
 * console errors go to `errors`.
 */
async function threeOnTheBoard(browser, key, errors = served.consoleErrors) {
  const word = `bulk${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const deals = [];
  for (const name of ['alpha', 'beta', 'gamma']) {
    deals.push(await api('POST', '/deals', { title: `Bulk ${word} ${name}`, value: 1000, stage: 'proposal' }));
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await watchedPage(context, errors);
  await page.goto(`${served.host.origin}/plain.html`);
  await connect(page, key);
  await page.getByLabel('Search deals').fill(word);
  await page.getByRole('tab', { name: 'Board' }).click();
  for (const deal of deals) await page.locator(`.card[data-deal-id="${deal.id}"]`).waitFor();
  return { context, page, deals };
}

/** Ticks each deal's checkbox and moves the selection to `stage`, with the keyboard alone. */
async function moveByKeyboard(page, deals, stage) {
  for (const deal of deals) {
    const checkbox = page.getByRole('checkbox', { name: `Select ${deal.title}` });
    await checkbox.focus();
    await page.keyboard.press('Space');
  }
  await page.getByText(`${deals.length} selected`).first().waitFor();
  const target = page.getByLabel('Move the selected deals to');
  await target.focus();
  await target.selectOption({ label: stage });
  await page.locator('.bulk-bar').getByRole('button', { name: 'Move', exact: true }).focus();
  await page.keyboard.press('Enter');
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`moving many deals of the board in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: three cards selected with Space and moved with Enter go to the
    // new column at once, the move is said, and the API then holds the new
    // stage for each of the three; axe is clean with the bar shown.
    test('three selected deals move together, keyboard only', async () => {
      const { context, page, deals } = await threeOnTheBoard(browser, 'isao_demo_rw');
      if (name === 'chromium') {
        await page.getByRole('checkbox', { name: `Select ${deals[0].title}` }).check();
        await page.locator('.bulk-bar').waitFor();
        assert.deepEqual(await axeViolations(page), []);
        await page.getByRole('button', { name: 'Clear selection' }).click();
      }
      await moveByKeyboard(page, deals, 'Negotiation');
      // The bar goes with the selection; the focus goes to the first card moved.
      await page.waitForFunction((id) =>
        document.querySelector('#deals').shadowRoot.activeElement?.closest('.card')?.dataset.dealId === id, deals[0].id);
      await page.getByText('Moved 3 deals').waitFor();
      for (const deal of deals) {
        await page.locator(`.board-column[data-drop-stage="negotiation"] .card[data-deal-id="${deal.id}"]`).waitFor();
        assert.equal((await api('GET', `/deals/${deal.id}`)).stage, 'negotiation');
      }
      await context.close();
    });

    // Guards: with a read-only key every selected card goes back to its
    // column, each deal is listed with the API's reason (the permission it
    // lacks), and the API still has each one where it was.
    test('a read-only key puts every card back with the reason', async () => {
      const errors = [];
      const { context, page, deals } = await threeOnTheBoard(browser, 'isao_demo_ro', errors);
      await moveByKeyboard(page, deals, 'Negotiation');
      await page.getByText('3 of 3 were not moved').waitFor();
      assert.match(await page.locator('.bulk-said').innerText(), /deals:write/);
      assert.equal(await page.locator('.not-moved li').count(), 3);
      for (const deal of deals) {
        await page.locator(`.board-column[data-drop-stage="proposal"] .card[data-deal-id="${deal.id}"]`).waitFor();
        assert.equal((await api('GET', `/deals/${deal.id}`)).stage, 'proposal');
      }
      // The browser logs each refused request; nothing else went wrong.
      assert.deepEqual(errors.filter((error) => !/status of 403/.test(error)), []);
      await context.close();
    });
  });
}
