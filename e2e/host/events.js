// What a host page does with the widget's events: listens on its own
// document, keeps each event's name and detail (window.hostEvents, for the
// tests) and shows it; refuses every move while window.vetoMoves is true.
window.hostEvents = [];
window.vetoMoves = false;
const NAMES = ['connect', 'disconnect', 'deal-open', 'deal-create', 'deal-change', 'error', 'before-deal-change'];
for (const name of NAMES) {
  document.addEventListener(`isao-deals:${name}`, (event) => {
    if (name === 'before-deal-change' && window.vetoMoves) event.preventDefault();
    window.hostEvents.push({ type: event.type, target: event.target.id, detail: event.detail });
    const line = document.createElement('li');
    line.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
    document.querySelector('#event-log').append(line);
  });
}
