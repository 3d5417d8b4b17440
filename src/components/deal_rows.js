// The deals table's rows, filled in one call from wasm (deal_list.rs says why).
//
// `text` holds every row's text fields one after another, `lengths` each
// field's length in UTF-16 code units, ROW_FIELDS to a row, in this order:
// id, link, title, currency, stage, priority, probability, status, contact,
// assignee. `numbers` holds each row's value and expected close date
// (milliseconds since the epoch, NaN for none), formatted here. Text goes in
// as text (`textContent`), never as HTML.
import { calendarDate, money } from '../format.js';

const ROW_FIELDS = 10;
const VALUE = 1;
const STATUS = 5;
const EXPECTED_CLOSE = 6;
const NUMBER_COLUMNS = [VALUE, 4];
const COLUMNS = 9;

export function fillDealRows(tbody, text, lengths, numbers) {
  let at = 0;
  let field = 0;
  const next = () => text.slice(at, (at += lengths[field++]));
  const document = tbody.ownerDocument;
  // With the focus on one of its links, the rows on screen are rewritten in
  // place, so that a keyboard user keeps it through a live refresh; rows
  // are added or removed only at the end. Otherwise every row is filled
  // before it joins the document and they replace the old ones at once,
  // which costs the browser less than rewriting rows it shows.
  const inPlace = tbody.contains(tbody.getRootNode().activeElement);
  let row = inPlace ? tbody.firstElementChild : null;
  const added = document.createDocumentFragment();
  let blank;
  for (let index = 0; index < lengths.length / ROW_FIELDS; index++) {
    if (row) {
      fill(row, next, numbers, index);
      row = row.nextElementSibling;
    } else {
      blank ??= blankRow(document);
      fill(added.appendChild(blank.cloneNode(true)), next, numbers, index);
    }
  }
  if (!inPlace) {
    tbody.replaceChildren(added);
    return;
  }
  tbody.append(added);
  if (row) {
    const surplus = document.createRange();
    surplus.setStartBefore(row);
    surplus.setEndAfter(tbody.lastChild);
    surplus.deleteContents();
  }
}

function fill(row, next, numbers, index) {
  row.setAttribute('data-deal-id', next());
  const cells = row.children;
  const link = cells[0].firstElementChild;
  link.setAttribute('href', next());
  link.textContent = next();
  const currency = next();
  cells[VALUE].textContent = money(numbers[2 * index], currency);
  cells[2].textContent = next();
  cells[3].textContent = next();
  cells[4].textContent = next();
  const status = next();
  const badge = cells[STATUS].firstElementChild;
  badge.className = `badge ${status}`;
  badge.textContent = status;
  const expectedClose = numbers[2 * index + 1];
  cells[EXPECTED_CLOSE].textContent = Number.isNaN(expectedClose) ? '' : calendarDate(expectedClose);
  cells[7].textContent = next();
  cells[8].textContent = next();
}

function blankRow(document) {
  const row = document.createElement('tr');
  const title = row.appendChild(document.createElement('th'));
  title.scope = 'row';
  title.appendChild(document.createElement('a'));
  for (let column = 1; column < COLUMNS; column++) {
    const cell = row.appendChild(document.createElement('td'));
    if (NUMBER_COLUMNS.includes(column)) cell.className = 'number';
    if (column === STATUS) cell.appendChild(document.createElement('span'));
  }
  return row;
}
