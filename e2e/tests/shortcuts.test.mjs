// Keyboard shortcuts in the release build, typed as a user types them, in
// both browsers: none while the focus is on the host page, j and Enter open
// the second deal, "/" goes to the search, "?" shows the list (axe clean)
// and Escape hides it.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget();

/** What has the focus inside the widget: a row's deal id, the element's tag, or null. */
const focusedInWidget = (page) => page.evaluate(() => {
  const focused = document.querySelector('#deals').shadowRoot.activeElement;
  return focused?.closest('tr')?.getAttribute('data-deal-id') ?? focused?.localName ?? null;
});

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`keyboard shortcuts in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: the shortcuts act only with the focus in the widget, j moves
    // down the rows and Enter opens the deal focused; "/" focuses the
    // search and its keys are then text; "?" and Escape show and hide the list.
    test('j, Enter, "/", "?" and Escape', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      const rows = await page.locator('table.deals tbody tr').evaluateAll(
        (all) => all.map((row) => ({ id: row.getAttribute('data-deal-id'), title: row.querySelector('th').textContent.trim() })));

      await page.locator('h1').click();
      await page.keyboard.press('j');
      assert.equal(await focusedInWidget(page), null, 'the host page had the focus');

      await page.getByRole('button', { name: 'Mine' }).focus();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      assert.equal(await focusedInWidget(page), rows[1].id);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Mark won' }).waitFor();
      await page.getByRole('heading', { name: rows[1].title }).waitFor();
      await page.goBack();
      await page.locator('.deal-page[aria-busy="false"] table.deals tbody tr').first().waitFor();

      await page.getByRole('tab', { name: 'List' }).focus();
      await page.keyboard.press('/');
      assert.equal(await focusedInWidget(page), 'input');
      await page.keyboard.type('jk?');
      assert.equal(await page.getByLabel('Search deals').inputValue(), 'jk?');
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: 'List' }).focus();
      await page.keyboard.press('?');
      const list = page.getByRole('region', { name: 'Keyboard shortcuts' });
      await list.waitFor();
      // axe injects styles, which only Chromium lets past the host's CSP (bypassCSP).
      if (name === 'chromium') {
        assert.deepEqual(await axeViolations(page), []);
      }
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      assert.equal(await focusedInWidget(page), 'button', 'the focus is back on the tab');
      await context.close();
    });
  });
}
