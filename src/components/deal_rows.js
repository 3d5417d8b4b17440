// The deals table's rows, filled in one call from wasm (deal_list.rs says why).
//
// `text` holds every row's fields one after another, `lengths` each field's
// length in UTF-16 code units, ROW_FIELDS to a row, in this order: id, link,
// title, value, stage, priority, probability, status, expected close,
// contact, assignee. Text goes in as text (`textContent`), never as HTML.

const ROW_FIELDS = 11;
const NUMBER_COLUMNS = [1, 4];
const STATUS_COLUMN = 5;
const COLUMNS = 9;

export function fillDealRows(tbody, text, lengths) {
  let at = 0;
  let field = 0;
  const next = () => text.slice(at, (at += lengths[field++]));
  let row = tbody.firstElementChild;
  let blank;
  while (field + ROW_FIELDS <= lengths.length) {
    if (!row) {
      blank ??= blankRow(tbody.ownerDocument);
      row = tbody.appendChild(blank.cloneNode(true));
    }
    row.setAttribute('data-deal-id', next());
    const cells = row.children;
    const link = cells[0].firstElementChild;
    link.setAttribute('href', next());
    link.textContent = next();
    for (let column = 1; column < COLUMNS; column++) {
      if (column === STATUS_COLUMN) {
        const status = next();
        const badge = cells[column].firstElementChild;
        badge.className = `badge ${status}`;
        badge.textContent = status;
      } else {
        cells[column].textContent = next();
      }
    }
    row = row.nextElementSibling;
  }
  while (row) {
    const extra = row;
    row = row.nextElementSibling;
    extra.remove();
  }
}

function blankRow(document) {
  const row = document.createElement('tr');
  const title = row.appendChild(document.createElement('th'));
  title.scope = 'row';
  title.appendChild(document.createElement('a'));
  for (let column = 1; column < COLUMNS; column++) {
    const cell = row.appendChild(document.createElement('td'));
    if (NUMBER_COLUMNS.includes(column)) cell.className = 'number';
    if (column === STATUS_COLUMN) cell.appendChild(document.createElement('span'));
  }
  return row;
}
