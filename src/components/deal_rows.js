// The deals table's header and rows, each written in one call from wasm
// (deal_table.rs says why).
//
// `columns` describes the columns, a line each: the kind of its cells (the
// function of FILL that fills them), their class, the header, the name of
// the sort its header's button asks for (none: no button) and its
// `aria-sort` (none: not sorted by it), separated by tabs. A row's fields come in the columns' order after its deal's id:
// `text` holds every text field one after another and `lengths` each one's
// length in UTF-16 code units; `numbers` holds the amounts and dates
// (milliseconds since the epoch, NaN for none), formatted here in `locale`,
// the widget's language. Text goes in
// as text (`textContent`), never as HTML.
import { calendarDate, money } from '../format.js';

// How each kind of cell is filled from its row's next fields.
const FILL = {
  link(cell, fields) {
    const link = cell.firstElementChild;
    link.setAttribute('href', fields.text());
    link.textContent = fields.text();
  },
  money(cell, fields) {
    const currency = fields.text();
    cell.textContent = money(fields.locale, fields.number(), currency);
  },
  text(cell, fields) {
    cell.textContent = fields.text();
  },
  badge(cell, fields) {
    const badge = cell.firstElementChild;
    badge.className = `badge ${fields.text()}`;
    badge.textContent = fields.text();
  },
  date(cell, fields) {
    const date = fields.number();
    cell.textContent = Number.isNaN(date) ? '' : calendarDate(fields.locale, date);
  },
};

function describe(columns) {
  return columns.split('\n').map((line) => {
    const [kind, className, header, sort, sorted] = line.split('\t');
    return { kind, className, header, sort, sorted };
  });
}

export function fillDealHeader(row, columns) {
  // Each page's table reuses the last one's header row: written again, in
  // the language the widget speaks now.
  row.replaceChildren();
  const document = row.ownerDocument;
  for (const { className, header, sort, sorted } of describe(columns)) {
    const cell = row.appendChild(document.createElement('th'));
    cell.scope = 'col';
    if (className) cell.className = className;
    if (sorted) cell.setAttribute('aria-sort', sorted);
    if (sort) {
      // The header's own button: a click sorts by this column.
      const button = cell.appendChild(document.createElement('button'));
      button.type = 'button';
      button.className = 'sort';
      button.dataset.sort = sort;
      button.textContent = header;
    } else {
      cell.textContent = header;
    }
  }
}

export function fillDealRows(tbody, columns, locale, text, lengths, numbers) {
  const described = describe(columns);
  const fills = described.map(({ kind }) => FILL[kind]);
  let at = 0;
  let field = 0;
  let number = 0;
  const fields = {
    locale,
    text: () => text.slice(at, (at += lengths[field++])),
    number: () => numbers[number++],
  };
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
  while (field < lengths.length) {
    if (row) {
      fill(row, fills, fields);
      row = row.nextElementSibling;
    } else {
      blank ??= blankRow(document, described);
      fill(added.appendChild(blank.cloneNode(true)), fills, fields);
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

function fill(row, fills, fields) {
  row.setAttribute('data-deal-id', fields.text());
  const cells = row.children;
  for (let column = 0; column < fills.length; column++) fills[column](cells[column], fields);
}

// A row with a cell for each column: the link's cell is the row's header;
// each other cell carries its column's class, and its header as the label
// shown on narrow screens, where the header row is hidden.
function blankRow(document, columns) {
  const row = document.createElement('tr');
  row.setAttribute('part', 'row');
  for (const { kind, className, header } of columns) {
    if (kind === 'link') {
      const title = row.appendChild(document.createElement('th'));
      title.scope = 'row';
      title.appendChild(document.createElement('a'));
      continue;
    }
    const cell = row.appendChild(document.createElement('td'));
    if (className) cell.className = className;
    cell.dataset.label = header;
    if (kind === 'badge') cell.appendChild(document.createElement('span'));
  }
  return row;
}
