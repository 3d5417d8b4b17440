// The browser's `Intl` formatters for format.rs, and for deal_rows.js,
// which formats a table's amounts and dates without a call from wasm per
// cell. Each takes the locale of the language the widget speaks (`fr`, `de`),
// not the browser's. Building a formatter costs far more than using one, and
// a page of deals formats hundreds of amounts with a handful of settings, so
// each is built once per locale and settings; a refusal is remembered too
// (`null`). Nothing here throws: an
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
 * `new Intl[kind](locale, options).format(value)`, `options` given as
 * JSON; undefined where the browser refuses them.
 */
export function intlFormat(locale, kind, options, value) {
  return formatted(built(formatters, `${locale} ${kind} ${options}`, () => new Intl[kind](locale, JSON.parse(options))), value);
}

/** `value` in `currency` as `locale` writes money; "1234.5 XYZ" for a currency `Intl` refuses. */
export function money(locale, value, currency) {
  const formatter = built(moneyFormatters, `${locale} ${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  return formatted(formatter, value) ?? `${value} ${currency}`;
}

/**
 * A calendar date such as an expected close date, from its milliseconds
 * since the epoch: the date it was set to, whatever the user's time zone.
 */
export function calendarDate(locale, millis) {
  const formatter = built(formatters, `${locale} calendar date`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  return formatted(formatter, millis) ?? isoDate(millis);
}

function isoDate(millis) {
  try {
    return new Date(millis).toISOString().slice(0, 10);
  } catch {
    return '';
  }
}

/** The decimal separator of `locale`, `.` when the browser does not say. */
export function decimalSeparator(locale) {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
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
