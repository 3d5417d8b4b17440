// The browser's `Intl` formatters for format.rs, and for deal_rows.js,
// which formats a table's amounts and dates without a call from wasm per
// cell. Building a formatter costs far more than using one, and a page of
// deals formats hundreds of amounts with a handful of settings, so each is
// built once; a refusal is remembered too (`null`). Nothing here throws: an
// exception would unwind through the wasm that called it.

const formatters = new Map();
const moneyFormatters = new Map();

function built(cache, key, make) {
  if (!cache.has(key)) {
    let formatter = null;
    try {
      formatter = make();
    } catch {
      // Settings the browser refuses: the caller writes the value its own way.
    }
    cache.set(key, formatter);
  }
  return cache.get(key);
}

function formatted(formatter, value) {
  try {
    return formatter?.format(value);
  } catch {
    return undefined;
  }
}

/**
 * `new Intl[kind](undefined, options).format(value)`, `options` given as
 * JSON; undefined where the browser refuses them.
 */
export function intlFormat(kind, options, value) {
  return formatted(built(formatters, `${kind} ${options}`, () => new Intl[kind](undefined, JSON.parse(options))), value);
}

/** `value` in `currency` as the user's locale writes money; "1234.5 XYZ" for a currency `Intl` refuses. */
export function money(value, currency) {
  const formatter = built(moneyFormatters, currency, () => new Intl.NumberFormat(undefined, { style: 'currency', currency }));
  return formatted(formatter, value) ?? `${value} ${currency}`;
}

/**
 * A calendar date such as an expected close date, from its milliseconds
 * since the epoch: the date it was set to, whatever the user's time zone.
 */
export function calendarDate(millis) {
  const formatter = built(formatters, 'calendar date', () =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }));
  return formatted(formatter, millis) ?? isoDate(millis);
}

function isoDate(millis) {
  try {
    return new Date(millis).toISOString().slice(0, 10);
  } catch {
    return '';
  }
}

/** The decimal separator of the user's locale, `.` when the browser does not say. */
export function decimalSeparator() {
  try {
    return new Intl.NumberFormat().formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

/** `new Intl.PluralRules(locale).select(count)`: "one", "many", "other"…; "other" where the browser cannot say. */
export function pluralCategory(locale, count) {
  try {
    return new Intl.PluralRules(locale).select(count);
  } catch {
    return 'other';
  }
}
