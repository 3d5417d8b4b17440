// The release build on a phone-sized screen (390 × 844): nothing scrolls
// sideways, the list's rows are cards, forms are one column, and every screen
// stays accessible. At desktop width the list is still a table.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build), ARTIFACTS (where screenshots go).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, BROWSERS, connect, CONNECTED_SCREENS, servedWidget, watchedPage, widgetStylesApplied } from '../suite.mjs';

const ARTIFACTS = process.env.ARTIFACTS ?? new URL('../artifacts', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const served = servedWidget();

const rows = (page) => page.locator('table.deals tbody tr');

/** The screens a sales person uses on a phone, each reached from a fresh page. */
const SCREENS = {
  ...CONNECTED_SCREENS,
  'new-deal': async (page) => {
    await connect(page);
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByRole('button', { name: 'Create deal' }).waitFor();
  },
};

/**
 * A fresh page of the plain host at `viewport`, the widget's stylesheet
 * applied, showing `screen`. `bypassCSP` lets axe and the screenshot tooling
 * inject their styles.
 */
async function open(browser, screen, viewport, { colorScheme = 'light', bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', bypassCSP });
  const page = await watchedPage(context, served.consoleErrors);
  await page.goto(`${served.host.origin}/plain.html`);
  await page.getByLabel('API key').waitFor();
  await widgetStylesApplied(page);
  await SCREENS[screen](page);
  return { context, page };
}

/**
 * What scrolls sideways: the page, the widget's root, and any box inside the
 * widget that would scroll its own overflow, each as "name: scrollWidth >
 * clientWidth".
 */
function sidewaysScrollers(page) {
  return page.evaluate(() => {
    const found = [];
    const check = (name, element) => {
      if (element.scrollWidth > element.clientWidth) found.push(`${name}: ${element.scrollWidth} > ${element.clientWidth}`);
    };
    check('page', document.documentElement);
    const root = document.querySelector('#deals').shadowRoot.querySelector('.isao-deals-root');
    check('widget root', root);
    for (const element of root.querySelectorAll('*')) {
      if (['auto', 'scroll'].includes(getComputedStyle(element).overflowX)) check(`.${element.className}`, element);
    }
    return found;
  });
}

/**
 * Per row of the list: its box, the number of lines its title takes, the
 * distinct tops of its cells, and the labels shown before its cells of
 * values (as CSS strings, "none" for no label; attr() resolved to the
 * attribute's value) beside the column headers they should repeat; the
 * checkbox's cell and the title's are left out.
 */
function rowLayout(page) {
  return rows(page).evaluateAll((trs) =>
    trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      const cells = [...tr.children];
      return {
        id: tr.dataset.dealId,
        left: box.left,
        right: box.right,
        titleLines: tr.querySelector('th a').getClientRects().length,
        cellTops: new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().top))).size,
        // Firefox leaves attr() unresolved in the computed content: resolved here.
        labels: cells.filter((cell) => cell.matches('td:not(.select)')).map((cell) => getComputedStyle(cell, '::before').content.replace(/\s*\/\s*""$/, '')
          .replace(/^attr\(([\w-]+)\)$/, (_, name) => JSON.stringify(cell.getAttribute(name)))),
        headers: [...tr.closest('table').querySelectorAll('thead th:not(.select)')].slice(1).map((th) => JSON.stringify(th.textContent)),
      };
    }));
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`narrow screens, in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: at 390 px neither the page nor anything in the widget scrolls
    // sideways, on any screen, but for the board's columns.
    for (const screen of Object.keys(SCREENS)) {
      test(`nothing scrolls sideways at 390 px: ${screen}`, async () => {
        const { context, page } = await open(browser, screen, PHONE);
        const scrollers = await sidewaysScrollers(page);
        assert.deepEqual(scrollers.filter((scroller) => !scroller.startsWith('.board:')), []);
        await context.close();
      });
    }

    // Guards: at 390 px the board's columns scroll sideways, one column
    // snapping into place at a time, each narrower than the screen.
    test('the board columns scroll with snap at 390 px', async () => {
      const { context, page } = await open(browser, 'board', PHONE);
      const board = await page.locator('.board').evaluate((element) => ({
        scrolls: element.scrollWidth > element.clientWidth,
        snap: getComputedStyle(element).scrollSnapType,
        columns: [...element.querySelectorAll('.board-column')].map((column) => ({
          width: column.getBoundingClientRect().width,
          align: getComputedStyle(column).scrollSnapAlign,
        })),
      }));
      assert.ok(board.scrolls, 'the columns overflow the screen and scroll');
      assert.match(board.snap, /^x mandatory$/);
      assert.ok(board.columns.length >= 7, `${board.columns.length} columns`);
      for (const column of board.columns) {
        assert.ok(column.width < PHONE.width, `a column is ${column.width} px wide`);
        assert.equal(column.align, 'start');
      }
      await context.close();
    });

    // Guards: at 390 px each row is a card: inside the screen, its cells
    // stacked rather than side by side, each labelled with its column's
    // header, its title on two lines at most.
    test('the list rows are cards at 390 px', async () => {
      const { context, page } = await open(browser, 'list', PHONE);
      const layout = await rowLayout(page);
      assert.ok(layout.length >= 10, `${layout.length} rows`);
      for (const row of layout) {
        assert.ok(row.left >= 0 && row.right <= PHONE.width, `row ${row.id} within the screen: ${row.left}–${row.right}`);
        assert.ok(row.titleLines >= 1 && row.titleLines <= 2, `row ${row.id} title on ${row.titleLines} lines`);
        assert.ok(row.cellTops >= 3, `row ${row.id} cells on ${row.cellTops} lines`);
        assert.deepEqual(row.labels, row.headers, `row ${row.id} labels its cells with their column headers`);
      }
      await context.close();
    });

    // Guards: at 1280 px the list is still a table: a visible header row, and
    // each row's cells side by side on one line, unlabelled.
    test('the list is a table at 1280 px', async () => {
      const { context, page } = await open(browser, 'list', DESKTOP);
      const header = await page.locator('table.deals thead').boundingBox();
      assert.ok(header.height > 10 && header.width > 600, `header row ${header.width}×${header.height}`);
      for (const row of await rowLayout(page)) {
        assert.equal(row.cellTops, 1, `row ${row.id} cells on one line`);
        assert.ok(row.labels.every((label) => label === 'none'), `row ${row.id} has no labels: ${row.labels}`);
      }
      await context.close();
    });

    // Guards: at 390 px the headers that sort stay, as a row of buttons
    // within the screen, and one of them sorts the list.
    test('the sorting headers are buttons in reach at 390 px', async () => {
      const { context, page } = await open(browser, 'list', PHONE);
      const buttons = page.locator('table.deals thead button.sort');
      const boxes = await buttons.evaluateAll((all) => all.map((button) => {
        const box = button.getBoundingClientRect();
        return { text: button.textContent, width: box.width, height: box.height, left: box.left, right: box.right };
      }));
      assert.equal(boxes.length, 7, 'title, value, stage, priority, probability, expected close, updated');
      for (const box of boxes) {
        assert.ok(box.width > 10 && box.height > 10 && box.left >= 0 && box.right <= PHONE.width, JSON.stringify(box));
      }
      await buttons.filter({ hasText: 'Value' }).click();
      await page.locator('table.deals th[aria-sort="ascending"]').filter({ hasText: 'Value' }).waitFor();
      await context.close();
    });

    // Guards: at 390 px the new deal form's fields stand in one column.
    test('the new deal form is one column at 390 px', async () => {
      const { context, page } = await open(browser, 'new-deal', PHONE);
      const lefts = await page.locator('.form-grid .field').evaluateAll((fields) =>
        fields.map((field) => Math.round(field.getBoundingClientRect().left)));
      assert.ok(lefts.length >= 10, `${lefts.length} fields`);
      assert.deepEqual(new Set(lefts).size, 1, `fields start at ${lefts.join(', ')}`);
      await context.close();
    });
  });
}

describe('narrow screens: accessibility, in chromium', () => {
  let browser;
  before(async () => {
    browser = await BROWSERS.chromium();
  });
  after(async () => {
    await browser?.close();
  });

  // Guards: axe-core finds no violation on any screen at 390 px, light or dark.
  for (const screen of Object.keys(SCREENS)) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe at 390 px: ${screen} (${colorScheme})`, async () => {
        const { context, page } = await open(browser, screen, PHONE, { colorScheme, bypassCSP: true });
        assert.deepEqual(await axeViolations(page), []);
        await page.screenshot({ path: join(ARTIFACTS, `narrow-${screen}-${colorScheme}-390.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
        await context.close();
      });
    }
  }

  // Guards: the cards are still a table to assistive technology: the browser's
  // accessibility tree has the table, its column headers, a row per deal with
  // its title as row header, and cells whose names are the values alone (the
  // visible labels are left to the column headers).
  test('the cards keep table semantics at 390 px', async () => {
    const { context, page } = await open(browser, 'list', PHONE);
    const deals = await rows(page).count();
    const session = await context.newCDPSession(page);
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    const named = (role) => nodes.filter((node) => !node.ignored && node.role?.value === role).map((node) => node.name?.value ?? '');
    assert.equal(named('table').length, 1, 'one table');
    assert.deepEqual(named('columnheader'),
      ['Select this page', 'Title', 'Value', 'Stage', 'Priority', 'Probability', 'Status', 'Expected close', 'Contact', 'Assigned to', 'Updated']);
    assert.equal(named('row').length, deals + 1, 'the header row and a row per deal');
    assert.equal(named('rowheader').length, deals, 'a title per deal');
    const firstValue = await rows(page).first().locator('td:not(.select)').first().textContent();
    assert.ok(named('cell').includes(firstValue), `a cell named ${firstValue}`);
    assert.ok(!named('cell').some((cell) => cell.startsWith('Value')), 'no cell is named with its visible label');
    await context.close();
  });
});
