// The deals table's header and rows, each written in one call from wasm
// (deal_table.rs says why).
//
// `columns` describes the columns, a line each: the kind of its cells (the
// function of FILL that fills them), their class, the header, the name of
// the sort its header's button asks for (none: no button), its `aria-sort`
// (none: not sorted by it) and, for the checkboxes' column, the label of a
// row's checkbox, with `{title}` where the deal's title goes; separated by
// tabs. The rows' checkboxes are ticked by the selection's code, a chunk
// (list_selection.rs): told by an `isao-deals-rows` event once the rows are
// in the page, it ticks them with `showSelected`. A row's fields come in the columns' order after its deal's id:
// `text` holds every text field one after another and `lengths` each one's
// length in UTF-16 code units; `numbers` holds the amounts and dates
// (milliseconds since the epoch, NaN for none), formatted here in `locale`,
// the widget's language. Text goes in
// as text (`textContent`), never as HTML.
import { calendarDate, money } from '../format.js';

// How each kind of cell is filled from its row's next fields.
const FILL = {
  // Named by the link, which knows the title; ticked by the selection's code.
  select() {},
  link(cell, fields) {
    const link = cell.firstElementChild;
    link.setAttribute('href', fields.text());
    const title = (link.textContent = fields.text());
    cell.parentNode.querySelector('input')?.setAttribute('aria-label', fields.rowLabel.replace('{title}', title));
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
    const [kind, className, header, sort, sorted, rowLabel] = line.split('\t');
    return { kind, className, header, sort, sorted, rowLabel };
  });
}

export function fillDealHeader(row, columns) {
  // Each page's table reuses the last one's header row: written again, in
  // the language the widget speaks now.
  row.replaceChildren();
  const document = row.ownerDocument;
  for (const { kind, className, header, sort, sorted } of describe(columns)) {
    const cell = row.appendChild(document.createElement('th'));
    cell.scope = 'col';
    if (className) cell.className = className;
    if (kind === 'select') {
      cell.className = 'select';
      const checkbox = cell.appendChild(checkboxOf(document));
      checkbox.setAttribute('aria-label', header);
      continue;
    }
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
    rowLabel: described.find(({ kind }) => kind === 'select')?.rowLabel ?? '',
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
  // In the page once the table is whole: the selection's code, if it is
  // here, ticks the rows it holds.
  queueMicrotask(() => tbody.dispatchEvent(new Event('isao-deals-rows', { bubbles: true })));
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

// Ticks the checkboxes of the rows whose deal `selected` names (a line
// each), and the page's: ticked when every row's is, half when some are.
export function showSelected(table, selected) {
  const ticked = new Set(selected.split('\n'));
  const rows = [...(table.tBodies[0]?.rows ?? [])];
  let count = 0;
  for (const row of rows) {
    const checkbox = row.querySelector('input');
    if (checkbox) count += checkbox.checked = ticked.has(row.dataset.dealId);
  }
  const page = table.tHead?.querySelector('input');
  if (page) {
    page.checked = count > 0 && count === rows.length;
    page.indeterminate = count > 0 && count < rows.length;
  }
}

// A row with a cell for each column: the link's cell is the row's header;
// each other cell carries its column's class, and its header as the label
// shown on narrow screens, where the header row is hidden.
function blankRow(document, columns) {
  const row = document.createElement('tr');
  row.setAttribute('part', 'row');
  for (const { kind, className, header } of columns) {
    if (kind === 'select') {
      const cell = row.appendChild(document.createElement('td'));
      cell.className = 'select';
      cell.appendChild(checkboxOf(document));
      continue;
    }
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

function checkboxOf(document) {
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  return checkbox;
}
