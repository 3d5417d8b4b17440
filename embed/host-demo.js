// The demo host page's side: every event of the widget, logged to the
// console and listed on the page; and, when asked, a "lost reason" the page
// wants before it lets a deal be lost (a veto of the move, in its own words).
const NAMES = ['connect', 'disconnect', 'deal-open', 'deal-create', 'deal-change', 'error', 'before-deal-change'];

for (const name of NAMES) {
  document.addEventListener(`isao-deals:${name}`, (event) => {
    console.log(event.type, event.detail);
    const line = document.createElement('li');
    line.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
    document.querySelector('#event-log').prepend(line);
  });
}

document.addEventListener('isao-deals:before-deal-change', (event) => {
  if (event.detail.toStatus !== 'lost' || !document.querySelector('#ask-lost-reason').checked) return;
  const reason = window.prompt('Why was this deal lost?');
  if (!reason) {
    event.preventDefault();
    document.querySelector('#host-message').textContent = 'Not marked lost: the intranet needs a lost reason.';
  } else {
    document.querySelector('#host-message').textContent = `Lost reason noted: ${reason}`;
  }
});
