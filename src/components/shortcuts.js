// The widget's keys, on a keydown anywhere in the widget. Escape in the
// search box empties it, as an input event (which the search follows). On a
// tab of the views, the arrows, Home and End choose the next, the previous,
// the first or the last tab, as the ARIA tabs pattern has them. Elsewhere, the
// shortcuts: "/" focuses the search; j and k (ArrowDown and ArrowUp from a
// row) move between the list's rows, whose links Enter opens as any link;
// "?" asks for the list of shortcuts (1), Escape for it to close (2). None
// fires while the user types in a field, with a modifier held, or once
// another handler took the key (the board's cards move with the arrows); the
// listener is the widget's own, so focus outside the widget fires none.
// Written here rather than in Rust: the first download carries it, and it is
// smaller so.
export function keyboardShortcut(event) {
  const { key, target } = event;
  if (key === 'Escape' && target.type === 'search' && target.value) {
    event.preventDefault();
    target.value = '';
    target.dispatchEvent(new Event('input', { bubbles: true }));
    return 0;
  }
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey
    || target.closest('input, select, textarea, [contenteditable]')) return 0;
  const root = target.getRootNode();
  if (target.getAttribute('role') === 'tab') {
    const tabs = [...target.parentNode.children];
    const tabAt = tabs.indexOf(target);
    const to = { ArrowRight: tabAt + 1, ArrowLeft: tabAt - 1, Home: 0, End: -1 }[key];
    if (to !== undefined) {
      const tab = tabs.at(to % tabs.length);
      event.preventDefault();
      tab.focus();
      tab.click();
      return 0;
    }
  }
  const rows = [...root.querySelectorAll('table.deals tbody th a')];
  const rowAt = rows.indexOf(root.activeElement);
  const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[key];
  let next;
  if (key === '/') {
    next = root.querySelector('input[type=search]');
  } else if (key === '?') {
    root.isaoFocusBefore ??= root.activeElement;
    event.preventDefault();
    return 1;
  } else if (key === 'Escape') {
    return 2;
  } else if (step && (rowAt >= 0 || key.length === 1)) {
    next = rows[Math.min(Math.max(rowAt + step, 0), rows.length - 1)];
  }
  if (!next) return 0;
  event.preventDefault();
  next.focus();
  return 0;
}

// Gives the focus back to where it was when the list of shortcuts opened.
export function focusBack(event) {
  const root = event.target.getRootNode();
  root.isaoFocusBefore?.focus();
  root.isaoFocusBefore = null;
}
