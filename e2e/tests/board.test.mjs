// The board and the forecast in the release build, in both browsers: a card
// dragged with the pointer or moved with the keyboard ends where the API then
// has the deal; a move the API refuses puts the card back with the API's
// reason; the forecast's totals are the API's open deals, to the cent. A move
// reaches the API once its undo window (6 s by default) is over: the tests
// wait up to 15 s for it.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, BROWSERS, connect, servedWidget, untilApi, watchedPage, widgetStylesApplied } from '../suite.mjs';

const served = servedWidget();

/** One deal as the API has it now, read as another client would. */
async function apiDeal(id) {
  const response = await fetch(`${served.api.base}/api/external/deals/${id}`, {
    headers: { authorization: 'Bearer isao_demo_rw' },
  });
  assert.ok(response.ok, `GET /deals/${id}: ${response.status}`);
  return (await response.json()).data;
}

/**
 * A fresh page of the plain host, connected with `key`, showing `view`; the
 * page's console errors go to `errors`.
 */
async function openView(browser, view, { key = 'isao_demo_rw', errors = served.consoleErrors } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context, errors);
  await page.goto(`${served.host.origin}/plain.html`);
  await widgetStylesApplied(page);
  await connect(page, key);
  await page.getByRole('tab', { name: view }).click();
  return { context, page };
}

const column = (page, label) => page.locator('.board-column').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
const card = (page, id) => page.locator(`.card[data-deal-id="${id}"]`);

/** Waits until the column has drawn its first 25 cards (or all it has), which it does a few per frame. */
async function firstCardsDrawn(page, label) {
  const count = Number((await column(page, label).locator('.column-count').innerText()).replace(/\D/g, ''));
  await column(page, label).locator('.card').nth(Math.min(25, count) - 1).waitFor();
}

/** The ids of the cards in the column headed `label`, top to bottom. */
const cardIds = (page, label) => column(page, label).locator('.card').evaluateAll((cards) => cards.map((each) => each.dataset.dealId));

/** The id of the element that has keyboard focus inside the widget, if it is a card. */
const focusedCardId = (page) => page.evaluate(() =>
  document.querySelector('#deals').shadowRoot.activeElement?.closest('.card')?.dataset.dealId);

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`board and forecast in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: a card dragged with the mouse onto another column is moved
    // there on screen and in the API, and the move is announced by name.
    test('a card dragged to another column moves the deal there', async () => {
      const { context, page } = await openView(browser, 'Board');
      await column(page, 'Discovery').locator('.card').first().waitFor();
      const [id] = await cardIds(page, 'Discovery');
      const title = (await apiDeal(id)).title;
      const from = await card(page, id).locator('.card-value').boundingBox();
      const to = await column(page, 'Proposal').locator('header').boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 10, { steps: 5 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
      await page.mouse.up();

      await column(page, 'Proposal').locator(`.card[data-deal-id="${id}"]`).waitFor();
      assert.ok(!(await cardIds(page, 'Discovery')).includes(id), 'the card left its column');
      await page.getByRole('status').filter({ hasText: `Moved ${title} to Proposal, position` }).waitFor();
      assert.equal((await untilApi(() => apiDeal(id), (deal) => deal.stage === 'proposal')).stage, 'proposal');
      await context.close();
    });

    // Guards: on a touch screen a card dragged by its grip moves too (the
    // board listens to pointer events, and the grip keeps the finger from
    // scrolling the page instead). Chromium only: Firefox's BiDi has no touch input.
    if (name === 'chromium') {
      test('a card dragged by touch moves the deal', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
        const page = await watchedPage(context, served.consoleErrors);
        await page.goto(`${served.host.origin}/plain.html`);
        await widgetStylesApplied(page);
        await connect(page);
        await page.getByRole('tab', { name: 'Board' }).click();
        await column(page, 'Negotiation').locator('.card').first().waitFor();
        const [id] = await cardIds(page, 'Negotiation');
        const grip = await card(page, id).locator('.card-grip').boundingBox();
        const to = await column(page, 'Contract review').locator('header').boundingBox();
        const cdp = await context.newCDPSession(page);
        const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', {
          type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
        });
        const [x0, y0] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
        const [x1, y1] = [to.x + to.width / 2, to.y + to.height / 2];
        await touch('touchStart', x0, y0);
        for (let step = 1; step <= 10; step += 1) {
          await touch('touchMove', x0 + ((x1 - x0) * step) / 10, y0 + ((y1 - y0) * step) / 10);
        }
        await touch('touchEnd');

        await column(page, 'Contract review').locator(`.card[data-deal-id="${id}"]`).waitFor();
        const deal = await untilApi(() => apiDeal(id), (deal) => deal.stage === 'contract-review');
        assert.equal(deal.stage, 'contract-review');
        await context.close();
      });
    }

    // Guards: while a card is dragged, Won and Lost zones are offered;
    // dropping on Won marks the deal won in the API.
    test('a card dropped on the Won zone marks the deal won', async () => {
      const { context, page } = await openView(browser, 'Board');
      await column(page, 'Qualification').locator('.card').first().waitFor();
      const [id] = await cardIds(page, 'Qualification');
      const from = await card(page, id).locator('.card-value').boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 10, { steps: 5 });
      const won = page.locator('[data-drop-close="won"]');
      await won.waitFor();
      const zone = await won.boundingBox();
      await page.mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 10 });
      await page.mouse.up();

      await column(page, 'Closed won').locator(`.card[data-deal-id="${id}"]`).waitFor();
      await won.waitFor({ state: 'detached' });
      const deal = await untilApi(() => apiDeal(id), (deal) => deal.status === 'won');
      assert.equal(deal.status, 'won');
      assert.equal(deal.stage, 'closed-won');
      assert.ok(deal.actualCloseDate, 'the close date is set');
      await context.close();
    });

    // Guards: without a mouse, the card's Move control and a stage button
    // move the deal; focus stays on the moved card; the API holds the stage.
    test('a card moved with the keyboard keeps focus and reaches the API', async () => {
      const { context, page } = await openView(browser, 'Board');
      await column(page, 'Discovery').locator('.card').first().waitFor();
      const [id] = await cardIds(page, 'Discovery');
      const title = (await apiDeal(id)).title;
      await card(page, id).getByRole('button', { name: `Move ${title}` }).focus();
      await page.keyboard.press('Enter');
      const prompt = page.getByRole('group', { name: `Move ${title}` });
      await prompt.waitFor();
      // The widget puts the focus on the prompt's first choice at the next
      // frame; moving it before then would see it taken back.
      await page.waitForFunction(
        () => document.querySelector('#deals').shadowRoot.activeElement?.closest('.move-prompt') != null);
      await prompt.getByRole('button', { name: 'Negotiation', exact: true }).focus();
      // Sent once the undo window (6 s) is over.
      const answered = page.waitForResponse((answer) => answer.url().endsWith(`/deals/${id}/status`));
      await page.keyboard.press('Enter');

      await column(page, 'Negotiation').locator(`.card[data-deal-id="${id}"]`).waitFor();
      await page.getByRole('status').filter({ hasText: `Moved ${title} to Negotiation, position` }).waitFor();
      const focusOnMovedCard = (wanted) =>
        document.querySelector('#deals').shadowRoot.activeElement?.closest('.card')?.dataset.dealId === wanted;
      await page.waitForFunction(focusOnMovedCard, id);
      const deal = await untilApi(() => apiDeal(id), (deal) => deal.stage === 'negotiation');
      assert.equal(deal.stage, 'negotiation');
      // The API's answer replaces the card's element; the widget gives the
      // focus back to the new one at the next frame.
      await answered;
      await page.waitForFunction(focusOnMovedCard, id);
      assert.equal(await focusedCardId(page), id, 'focus is still on the moved card');
      await context.close();
    });

    // Guards: a read-only key's move is refused by the API: the card goes
    // back to its exact place and the API's 403 text names the permission.
    test('a refused move puts the card back with the API\'s reason', async () => {
      const errors = [];
      const { context, page } = await openView(browser, 'Board', { key: 'isao_demo_ro', errors });
      await column(page, 'Proposal').locator('.card').first().waitFor();
      await firstCardsDrawn(page, 'Proposal');
      const before = await cardIds(page, 'Proposal');
      const id = before[Math.min(1, before.length - 1)];
      const title = (await apiDeal(id)).title;
      await card(page, id).getByRole('button', { name: `Move ${title}` }).click();
      await page.getByRole('group', { name: `Move ${title}` }).getByRole('button', { name: 'Contract review', exact: true }).click();

      const refusal = page.locator('.form-error[role="alert"]');
      await refusal.filter({ hasText: `${title} was not moved:` }).waitFor();
      assert.match(await refusal.innerText(), /deals:write/);
      assert.deepEqual(await cardIds(page, 'Proposal'), before, 'the card is back in its exact place');
      assert.equal((await apiDeal(id)).stage, 'proposal', 'the API still has the old stage');
      // Chromium logs the refused request itself; nothing else may be logged.
      assert.deepEqual(errors.filter((error) => !/status of 403/.test(error)), []);
      await context.close();
    });

    // Guards: the forecast's total per currency is the sum of the API's open
    // deals (value and probability-weighted value), to the cent, as the
    // browser's own Intl writes it.
    test('the forecast totals are the API\'s open deals to the cent', async () => {
      const { context, page } = await openView(browser, 'Forecast');
      await page.locator('table.forecast-table').first().waitFor();
      const open = await apiDeals(served, { status: 'open' });
      const byCurrency = new Map();
      for (const deal of open) {
        const sums = byCurrency.get(deal.currency) ?? { deals: 0, value: 0, weighted: 0 };
        sums.deals += 1;
        // As the widget sums: each deal rounded to whole cents once.
        const cents = Math.round(deal.value * 100);
        sums.value += cents;
        sums.weighted += Math.round((cents * (deal.probability ?? 0)) / 100);
        byCurrency.set(deal.currency, sums);
      }
      const shown = await page.locator('.forecast-currency').evaluateAll((sections) => sections.map((section) => ({
        currency: section.querySelector('h3').textContent,
        total: [...section.querySelectorAll('tfoot td')].map((cell) => cell.textContent),
      })));
      assert.deepEqual(shown.map((section) => section.currency), [...byCurrency.keys()].sort());
      for (const section of shown) {
        const sums = byCurrency.get(section.currency);
        const expected = await page.evaluate(({ currency, cents }) => cents.map((each) =>
          new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(each / 100)),
        { currency: section.currency, cents: [sums.value, sums.weighted] });
        assert.deepEqual(section.total, [String(sums.deals), ...expected], `${section.currency} totals`);
      }
      await context.close();
    });
  });
}
