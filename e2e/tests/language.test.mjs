// The widget's language in the release build (docs/i18n.md): chosen by the
// element's `lang`, a `data-lang`, the page's `<html lang>` or the browser's
// languages; switched in place by the element's `lang`, keeping what the
// user has on screen; and its catalogue fetched with integrity, a catalogue
// altered by one byte refused. English is built in, but for the words of the
// screens fetched on demand, which come with the first of them.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, startHost } from '../server.mjs';
import { BROWSERS, catalogueTexts, connect, servedWidget, switchLanguage, watchedPage } from '../suite.mjs';

const served = servedWidget();
const TEXTS = { en: catalogueTexts('en'), fr: catalogueTexts('fr'), de: catalogueTexts('de') };

/** The language a widget's root says it speaks, and whether it shows its connect title in it. */
function spoken(page, selector) {
  return page.evaluate(([selector, titles]) => {
    const root = document.querySelector(selector).shadowRoot?.querySelector('.isao-deals');
    const lang = root?.getAttribute('lang');
    return { lang, title: root?.textContent.includes(titles[lang]) ?? false };
  }, [selector, { en: TEXTS.en.get('ConnectTitle'), fr: TEXTS.fr.get('ConnectTitle'), de: TEXTS.de.get('ConnectTitle') }]);
}

async function waitForRoot(page, selector) {
  await page.waitForFunction((selector) =>
    document.querySelector(selector).shadowRoot?.querySelector('.isao-deals input'), selector);
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`the widget's language, in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: the English of the first download leaves out the words of the
    // screens fetched on demand; the first such screen fetches the whole
    // English catalogue (once for the page) and shows them; the list needs
    // no catalogue at all.
    test('an English widget fetches the screens\' words with the first screen', async () => {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      const page = await watchedPage(context, served.consoleErrors);
      const catalogues = [];
      page.on('request', (request) => {
        if (request.url().includes('/lang/')) catalogues.push(new URL(request.url()).pathname.replace(/^.*\/lang\//, ''));
      });
      await page.goto(`${served.host.origin}/plain.html`);
      await connect(page);
      assert.deepEqual(catalogues, [], 'the list shows with the English built in');
      await page.locator('table.deals tbody tr').first().locator('a').click();
      await page.getByRole('button', { name: TEXTS.en.get('MarkWon') }).waitFor();
      assert.deepEqual(catalogues, ['en.txt']);
      await page.getByRole('button', { name: TEXTS.en.get('BackToList') }).click();
      await page.getByRole('tab', { name: 'Board' }).click();
      await page.getByText(TEXTS.en.get('IdleOnly')).waitFor();
      assert.deepEqual(catalogues, ['en.txt'], 'fetched once for the page');
      await context.close();
    });

    // Guards: a widget that speaks French when it opens its first screen on
    // demand, then English, fetches the English words of that screen then.
    test('a switch to English on a screen on demand brings its English words', async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await switchLanguage(page, 'fr');
      await page.getByLabel(TEXTS.fr.get('ApiKeyLabel')).fill('isao_demo_rw');
      await page.getByRole('button', { name: TEXTS.fr.get('Connect') }).click();
      await page.locator('table.deals tbody tr').first().locator('a').click();
      await page.getByRole('button', { name: TEXTS.fr.get('MarkWon') }).waitFor();
      await switchLanguage(page, 'en');
      await page.getByRole('button', { name: TEXTS.en.get('MarkWon') }).waitFor();
      await context.close();
    });

    // Guards: the element's own lang, a data-lang and the page's regional
    // <html lang="fr-CA"> each choose the language of their widget.
    test('lang, data-lang and the page each choose their widget\'s language', async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/languages.html`);
      for (const selector of ['#by-attribute', '#by-data-lang', '#by-page']) await waitForRoot(page, selector);
      assert.deepEqual(await spoken(page, '#by-attribute'), { lang: 'de', title: true });
      assert.deepEqual(await spoken(page, '#by-data-lang'), { lang: 'de', title: true });
      assert.deepEqual(await spoken(page, '#by-page'), { lang: 'fr', title: true });
      await context.close();
    });

    // Guards: with no lang anywhere, the browser's languages choose (de-AT is German).
    test('a browser in de-AT gets German on a page without lang', async () => {
      const context = await browser.newContext({ locale: 'de-AT' });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/no-lang.html`);
      await waitForRoot(page, '#deals');
      assert.deepEqual(await spoken(page, '#deals'), { lang: 'de', title: true });
      await context.close();
    });

    // Guards: changing the element's lang with a deal open, a filter set and
    // a field half-typed switches at once, keeping all three, and the
    // amounts follow the language too.
    test('switching lang keeps the open deal, the filters and the typed text', async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await connect(page);
      await page.getByLabel('Status').selectOption('open');
      await page.locator('.deal-page[aria-busy="false"] table.deals[data-page]').waitFor();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('deals.status') === 'open');
      await page.locator('table.deals tbody tr').first().locator('a').click();
      await page.getByRole('button', { name: 'Mark won' }).waitFor();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('deals.deal'));
      const opened = page.url();
      await page.getByLabel(TEXTS.en.get('NewStage')).fill('half-typ');
      const englishValue = await page.locator('.deal-fields dd').first().textContent();

      await switchLanguage(page, 'fr');
      await page.getByLabel(TEXTS.fr.get('NewStage')).waitFor();
      assert.equal(await page.getByLabel(TEXTS.fr.get('NewStage')).inputValue(), 'half-typ');
      assert.equal(page.url(), opened, 'the same deal, the same filters');
      const frenchValue = await page.locator('.deal-fields dd').first().textContent();
      assert.notEqual(frenchValue, englishValue, 'the amount is written again');
      assert.match(frenchValue, /,\d\d\s€$|^[^€]*$/, `a French amount: ${frenchValue}`);

      await switchLanguage(page, 'de');
      assert.equal(await page.getByLabel(TEXTS.de.get('NewStage')).inputValue(), 'half-typ');
      assert.equal(page.url(), opened);
      await context.close();
    });
  });
}

/** A copy of the release build whose French catalogue has one byte flipped. */
function buildWithAlteredCatalogue() {
  const dir = mkdtempSync(join(tmpdir(), 'isao-catalogue-'));
  cpSync(process.env.WIDGET_DIST, dir, { recursive: true });
  const file = join(dir, 'lang', 'fr.txt');
  const bytes = readFileSync(file);
  bytes[bytes.length >> 1] ^= 0x01;
  writeFileSync(file, bytes);
  return dir;
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`an altered catalogue, in ${name}`, () => {
    const dir = buildWithAlteredCatalogue();
    const servers = {};
    let browser;
    before(async () => {
      servers.host = await startHost(dir);
      servers.api = await startApi(process.env.REFERENCE_API_BIN, servers.host.origin);
      servers.host.api.base = servers.api.base;
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      servers.api?.child.kill();
      servers.host?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    // Guards: a French catalogue altered by one byte is refused (its
    // integrity does not match): the widget stays in English and works.
    test('is refused, and the widget works in English', async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const fetched = page.waitForResponse((response) => response.url().endsWith('/lang/fr.txt'));
      await page.goto(`${servers.host.origin}/languages.html`);
      await fetched;
      await waitForRoot(page, '#by-page');
      // The German widget shows once its own catalogue has arrived, which
      // may be after the other one.
      await waitForRoot(page, '#by-attribute');
      assert.deepEqual(await spoken(page, '#by-page'), { lang: 'en', title: true });
      assert.deepEqual(await spoken(page, '#by-attribute'), { lang: 'de', title: true }, 'the intact German one is read');
      const widget = page.locator('#by-page');
      await widget.getByLabel('API key').fill('isao_demo_rw');
      await widget.getByRole('button', { name: 'Connect' }).click();
      await widget.locator('table.deals tbody tr').first().waitFor();
      await context.close();
    });
  });
}
