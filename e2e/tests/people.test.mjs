// The new-deal form's contact and user pickers in the release build: a
// contact picked by typing part of a name and a user picked with the
// keyboard become the ids the API holds for the new deal; a person of the
// host page's `directory` is offered too; axe is clean with the listbox
// open; at 390 px the listbox stays on screen. In both browsers.
//
// Environment: REFERENCE_API_BIN (the server binary), WIDGET_DIST (the
// release build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDeals, axeViolations, BROWSERS, connect, servedWidget, watchedPage } from '../suite.mjs';

const served = servedWidget(['--demo-deals', '300']);

/** A contact and a user that the API's deals name, different people. */
async function somePeople() {
  const every = await apiDeals(served, {});
  const staffed = every.find((deal) => deal.contact && deal.assignedTo);
  assert.ok(staffed, 'a demo deal with a contact and an assignee');
  return { contact: staffed.contact, user: staffed.assignedTo };
}

/** Four letters from the middle of the longest word of `name`, in capitals: neither its start nor its case matches. */
function partOf(name) {
  const word = name.split(/\s+/).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
  return word.slice(Math.max(0, word.length - 4)).toUpperCase();
}

async function openForm(page) {
  await page.goto(`${served.host.origin}/element.html`);
  await connect(page);
  await page.getByRole('button', { name: 'New deal' }).click();
  await page.getByRole('combobox', { name: 'Contact' }).waitFor();
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`people pickers in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    // Guards: typing part of a contact's name offers them (name, email,
    // company); a click picks them; the user is picked with the arrow keys
    // and Enter; the deal created holds both ids in the API; axe finds no
    // violation with the listbox open (Chromium, which lets axe past the
    // host's CSP).
    test('a deal is created with a contact and a user picked by name', async () => {
      const { contact, user } = await somePeople();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await watchedPage(context, served.consoleErrors);
      await openForm(page);
      const title = `Picked people ${Date.now()} ${name}`;
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Value').fill('900');

      const contactBox = page.getByRole('combobox', { name: 'Contact' });
      await contactBox.pressSequentially(partOf(contact.name));
      const option = page.getByRole('option').filter({ hasText: contact.name }).filter({ hasText: contact.id });
      await option.waitFor();
      assert.equal(await contactBox.getAttribute('aria-expanded'), 'true');
      if (contact.email) assert.match(await option.textContent(), new RegExp(contact.email.replace(/[.+]/g, '\\$&')));
      if (name === 'chromium') {
        assert.deepEqual(await axeViolations(page), []);
      }
      await option.click();
      assert.equal(await contactBox.inputValue(), contact.id);
      await page.locator('#isao-field-contactId-hint').filter({ hasText: contact.name }).waitFor();

      const userBox = page.getByRole('combobox', { name: 'Assigned to' });
      await userBox.pressSequentially(partOf(user.name));
      await page.getByRole('option').filter({ hasText: user.id }).waitFor();
      const options = await page.getByRole('listbox', { name: 'Assigned to' }).getByRole('option').allTextContents();
      const at = options.findIndex((text) => text.includes(user.id));
      for (let step = 0; step <= at; step += 1) await userBox.press('ArrowDown');
      const active = await userBox.getAttribute('aria-activedescendant');
      assert.match(await page.locator(`[id="${active}"]`).textContent(), new RegExp(user.id));
      await userBox.press('Enter');
      assert.equal(await userBox.inputValue(), user.id);
      assert.equal(await page.getByRole('heading', { name: title }).count(), 0, 'Enter picked, it did not send the form');

      await page.getByRole('button', { name: 'Create deal' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText(contact.name, { exact: true }).waitFor();
      const created = (await apiDeals(served, {})).find((deal) => deal.title === title);
      assert.equal(created?.contact?.id, contact.id);
      assert.equal(created?.assignedTo?.id, user.id);
      await context.close();
    });

    // Guards: a contact the deals do not name yet, listed by the host in
    // the element's `directory` property, is offered and named; at 390 px
    // the open listbox lies within the viewport.
    test('the host\'s directory, and the listbox at 390 px', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      const page = await watchedPage(context, served.consoleErrors);
      await page.goto(`${served.host.origin}/element.html`);
      await page.locator('isao-deals').evaluate((element) => {
        element.directory = { contacts: [{ id: 'contact_from_host', name: 'Zoë Host-Listed', email: 'zoe@intranet.example', currentCompany: 'Société Hôte' }] };
      });
      await connect(page);
      await page.getByRole('button', { name: 'New deal' }).click();
      const contactBox = page.getByRole('combobox', { name: 'Contact' });
      await contactBox.pressSequentially('zoe societe');
      const option = page.getByRole('option').filter({ hasText: 'Zoë Host-Listed' });
      await option.waitFor();
      const box = await page.getByRole('listbox', { name: 'Contact' }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `listbox within 390 px: ${JSON.stringify(box)}`);
      await contactBox.press('ArrowDown');
      await contactBox.press('Enter');
      assert.equal(await contactBox.inputValue(), 'contact_from_host');
      await page.locator('#isao-field-contactId-hint').filter({ hasText: 'Zoë Host-Listed · zoe@intranet.example · Société Hôte' }).waitFor();
      await contactBox.press('Escape');
      assert.equal(await contactBox.inputValue(), 'contact_from_host', 'Escape keeps what is in the field');
      await context.close();
    });
  });
}
