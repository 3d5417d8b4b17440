// The widget's deal list written by hand, without a framework: the baseline
// e2e/bench.mjs measures the widget against. Same request, same nine-column
// table, same stylesheet, in a shadow root as the widget is.
const host = document.querySelector('#deals');
const root = host.attachShadow({ mode: 'open' });
const options = (pairs) => pairs.map(([value, text]) => `<option value="${value}">${text}</option>`).join('');
const columns = ['Title', 'Value', 'Stage', 'Priority', 'Probability', 'Status', 'Expected close', 'Contact', 'Assigned to'];
root.innerHTML = `<link rel="stylesheet" href="/widget/isao-deals.css" />
  <form><label>API key <input type="password" autocomplete="off" /></label> <button>Connect</button></form>
  <label>Status <select>${options([['', 'All'], ['open', 'Open'], ['won', 'Won'], ['lost', 'Lost']])}</select></label>
  <label>Page size <select>${options([10, 25, 50, 100, 200].map((size) => [size, size]))}</select></label>
  <table class="deals"><caption>Deals</caption>
    <thead><tr>${columns.map((name) => `<th scope="col">${name}</th>`).join('')}</tr></thead><tbody></tbody></table>`;
const [form, keyField, tbody] = ['form', 'input', 'tbody'].map((selector) => root.querySelector(selector));
const [status, limit] = root.querySelectorAll('select');
limit.value = '50';

const moneyFormats = new Map();
function money(value, currency) {
  if (!moneyFormats.has(currency)) moneyFormats.set(currency, new Intl.NumberFormat(undefined, { style: 'currency', currency }));
  return moneyFormats.get(currency).format(value);
}
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text ?? '';
  if (className) element.className = className;
  return element;
}

function row(deal) {
  const title = cell('th');
  title.scope = 'row';
  title.append(Object.assign(cell('a', deal.title), { href: `#deal-${deal.id}` }));
  const badge = cell('td');
  badge.append(cell('span', deal.status, `badge ${deal.status}`));
  const tr = document.createElement('tr');
  tr.append(title, cell('td', money(deal.value, deal.currency), 'number'), cell('td', deal.stage), cell('td', deal.priority),
    cell('td', deal.probability == null ? '' : `${deal.probability}%`, 'number'), badge,
    cell('td', deal.expectedCloseDate && dateFormat.format(new Date(deal.expectedCloseDate))),
    cell('td', deal.contact?.name), cell('td', deal.assignedTo?.name));
  return tr;
}

let key = '';
async function load() {
  const query = new URLSearchParams({ page: '1', limit: limit.value });
  if (status.value) query.set('status', status.value);
  const response = await fetch(`${host.dataset.apiBase}/deals?${query}`, { headers: { Authorization: `Bearer ${key}` } });
  const { data } = await response.json();
  tbody.replaceChildren(...data.map(row));
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  key = keyField.value;
  load();
});
status.addEventListener('change', load);
limit.addEventListener('change', load);
