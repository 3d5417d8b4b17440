//! The table of one page of deals: a row per deal, a column per field of
//! [`COLUMNS`], the rows built by the browser's script (deal_rows.js).

use std::borrow::Cow;
use std::rc::Rc;

use deals_contract::{Deal, PageMeta};
use deals_i18n::Msg;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::clicked_deal::open_clicked_deal;
use super::state::WorkspaceState;
use crate::deal_sort::{SortKey, SortOrder};
use crate::format;
use crate::url_state::DealsView;
use crate::words::Texts;

/// One column of the table: its header, and what its cells show of a deal.
struct Column {
    header: Msg,
    /// What a click on its header sorts the deals by, if anything.
    sort: Option<SortKey>,
    /// Right-aligned, in figures of one width.
    numeric: bool,
    cell: Cell,
}

/// How a column's cells are filled: each kind is a function of deal_rows.js
/// (its `FILL`), which reads the fields [`RowsText`] writes for it.
#[derive(Clone, Copy)]
enum Cell {
    /// The checkbox that selects the row's deal: its header's selects the page.
    Select,
    /// The row's header: the deal's link, showing this text.
    Link(fn(&Deal) -> &str),
    /// An amount in its currency, formatted by the browser.
    Money(fn(&Deal) -> (f64, &str)),
    Text(fn(&Deal, Texts) -> Cow<'_, str>),
    /// A value of the contract shown as a badge: its label, styled by its
    /// word in the API.
    Badge(fn(&Deal, Texts) -> (&'static str, &'static str)),
    /// A day, formatted by the browser.
    Date(fn(&Deal) -> Option<&chrono::DateTime<chrono::Utc>>),
}

/// The table's columns, in order: the header row, the rows deal_rows.js
/// builds and their labels on narrow screens all follow from this.
const COLUMNS: &[Column] = &[
    Column {
        header: Msg::SelectPage,
        sort: None,
        numeric: false,
        cell: Cell::Select,
    },
    Column {
        header: Msg::FieldTitle,
        sort: Some(SortKey::Title),
        numeric: false,
        cell: Cell::Link(|deal| &deal.title),
    },
    Column {
        header: Msg::FieldValue,
        sort: Some(SortKey::Value),
        numeric: true,
        cell: Cell::Money(|deal| (deal.value, &deal.currency)),
    },
    Column {
        header: Msg::FieldStage,
        sort: Some(SortKey::Stage),
        numeric: false,
        // No stage is an empty cell; an unknown stage shows as the API wrote it.
        cell: Cell::Text(|deal, texts| match deal.stage.as_deref() {
            Some(stage) => texts.stage(Some(stage)),
            None => Cow::Borrowed(""),
        }),
    },
    Column {
        header: Msg::FieldPriority,
        sort: Some(SortKey::Priority),
        numeric: false,
        cell: Cell::Text(|deal, texts| texts.priority(deal.priority).into()),
    },
    Column {
        header: Msg::FieldProbability,
        sort: Some(SortKey::Probability),
        numeric: true,
        // Written here: whole percentages need no call into the browser.
        cell: Cell::Text(|deal, _| {
            deal.probability
                .map(format::percent)
                .unwrap_or_default()
                .into()
        }),
    },
    Column {
        header: Msg::Status,
        sort: None,
        numeric: false,
        cell: Cell::Badge(|deal, texts| (deal.status.as_str(), texts.status(deal.status))),
    },
    Column {
        header: Msg::ColumnExpectedClose,
        sort: Some(SortKey::ExpectedClose),
        numeric: false,
        cell: Cell::Date(|deal| deal.expected_close_date.as_ref()),
    },
    Column {
        header: Msg::ColumnContact,
        sort: None,
        numeric: false,
        cell: Cell::Text(|deal, _| {
            deal.contact
                .as_ref()
                .map_or("", |contact| &contact.name)
                .into()
        }),
    },
    Column {
        header: Msg::ColumnAssignedTo,
        sort: None,
        numeric: false,
        cell: Cell::Text(|deal, _| {
            deal.assigned_to
                .as_ref()
                .map_or("", |user| &user.name)
                .into()
        }),
    },
    Column {
        header: Msg::FieldUpdated,
        sort: Some(SortKey::Updated),
        numeric: false,
        cell: Cell::Date(|deal| Some(&deal.updated_at)),
    },
];

/// The columns the deals can be sorted by, with their headers: the board's
/// sort control offers them too.
pub(super) fn sortable_columns() -> impl Iterator<Item = (Msg, SortKey)> {
    COLUMNS
        .iter()
        .filter_map(|column| Some((column.header, column.sort?)))
}

impl Cell {
    /// Its name in deal_rows.js.
    fn kind(self) -> &'static str {
        match self {
            Cell::Select => "select",
            Cell::Link(_) => "link",
            Cell::Money(_) => "money",
            Cell::Text(_) => "text",
            Cell::Badge(_) => "badge",
            Cell::Date(_) => "date",
        }
    }

    /// How many text fields and numbers a cell of this kind takes.
    const fn fields(self) -> (usize, usize) {
        match self {
            Cell::Select => (0, 0),
            Cell::Link(_) | Cell::Badge(_) => (2, 0),
            Cell::Money(_) => (1, 1),
            Cell::Text(_) => (1, 0),
            Cell::Date(_) => (0, 1),
        }
    }
}

/// A row's text fields and numbers: its deal's id, then its cells'.
const ROW_FIELDS: (usize, usize) = {
    let (mut text, mut numbers) = (1, 0);
    let mut column = 0;
    while column < COLUMNS.len() {
        let (cell_text, cell_numbers) = COLUMNS[column].cell.fields();
        text += cell_text;
        numbers += cell_numbers;
        column += 1;
    }
    (text, numbers)
};

/// The rows of one page. Built once per answer: each row's link carries the
/// query that the page answers.
#[component]
pub(super) fn DealTable<'a>(
    deals: &'a [Deal],
    meta: PageMeta,
    state: WorkspaceState,
    texts: Texts,
) -> impl IntoView {
    let links = state.deal_links(DealsView::List);
    let rows = Rc::new(RowsText::new(deals, texts, |id| links.to(id)));
    let header = columns_text(texts, state.sort.get_untracked());
    // One listener for the table: a checkbox's click brings the selection's
    // code; a header's button sorts every matching deal by its column, a
    // second click the other way, any sort starting again from page 1; a
    // row's link opens its deal.
    let clicked = move |event: MouseEvent| {
        note_tick(&event, state);
        open_clicked_deal(&event, state.screen);
        let key = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|clicked| clicked.closest("button[data-sort]").ok().flatten())
            .and_then(|button| button.get_attribute("data-sort"))
            .and_then(|name| SortKey::parse(&name));
        if let Some(key) = key {
            state
                .sort
                .try_update(|sort| *sort = Some(SortOrder::after_click(*sort, key)));
            state.query.try_update(|query| query.page = 1);
        }
    };
    view! {
        <div class="table-scroll">
            <table class="deals" part="table" data-page=meta.page on:click=clicked>
                <caption>{texts.get(Msg::Deals)}</caption>
                <thead>
                    <tr use:fill_deal_header=header></tr>
                </thead>
                <tbody use:fill_deal_rows=rows></tbody>
            </table>
        </div>
    }
}

/// A click on a checkbox (the only input of the table) brings the
/// selection's code (`list_selection`), which then hears every click itself.
fn note_tick(event: &MouseEvent, state: WorkspaceState) {
    let on_checkbox = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|clicked| clicked.closest("input").ok().flatten());
    if on_checkbox.is_some() {
        state.ticked.try_set(true);
    }
}

/// The columns as deal_rows.js reads them: a line per column, its kind, its
/// class, its header, the name of its sort (none if it sorts nothing), how
/// `sort` sorts it (`aria-sort`'s word, none if not by it) and, for the
/// checkboxes' column, the label of a row's checkbox (`{title}` where the
/// deal's title goes); separated by tabs.
fn columns_text(texts: Texts, sort: Option<SortOrder>) -> String {
    let mut text = String::new();
    for column in COLUMNS {
        if !text.is_empty() {
            text.push('\n');
        }
        let sorted = match sort {
            Some(sort) if Some(sort.key) == column.sort => {
                if sort.descending {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "",
        };
        let row_label = match column.cell {
            Cell::Select => texts.get(Msg::SelectDeal),
            _ => "",
        };
        for field in [
            column.cell.kind(),
            if column.numeric { "number" } else { "" },
            texts.get(column.header),
            column.sort.map_or("", SortKey::name),
            sorted,
            row_label,
        ] {
            text.push_str(field);
            text.push('\t');
        }
    }
    text
}

#[wasm_bindgen(module = "/src/components/deal_rows.js")]
extern "C" {
    /// Writes the header cells of [`COLUMNS`] into the table's header row.
    #[wasm_bindgen(js_name = fillDealHeader)]
    fn fill_header_from_text(row: &Element, columns: &str);

    /// Ticks the checkboxes of the table's rows whose deal `selected` names,
    /// a line each, and the page's as its rows are (the selection's code,
    /// `list_selection`, calls it).
    #[wasm_bindgen(js_name = showSelected)]
    pub(super) fn show_selected(table: &Element, selected: &str);

    /// Puts a page's rows into the table's body (see [`fill_deal_rows`]).
    #[wasm_bindgen(js_name = fillDealRows, catch)]
    fn fill_rows_from_text(
        tbody: &Element,
        columns: &str,
        locale: &str,
        text: &str,
        lengths: &[u32],
        numbers: &[f64],
    ) -> Result<(), JsValue>;
}

/// A page's rows as deal_rows.js reads them: for each row its deal's id, then
/// each column's fields in the columns' order (see [`Cell::fields`]). The
/// text fields come one after another in `text`, each one's length in UTF-16
/// code units (the unit of JavaScript's strings) in `lengths`; amounts and
/// dates (milliseconds since the epoch, NaN for none) in `numbers`, which
/// deal_rows.js formats itself rather than take a call from wasm for each.
struct RowsText {
    texts: Texts,
    text: String,
    lengths: Vec<u32>,
    numbers: Vec<f64>,
}

impl RowsText {
    fn new(deals: &[Deal], texts: Texts, link_to: impl Fn(&str) -> String) -> Self {
        let mut rows = Self {
            texts,
            text: String::with_capacity(deals.len() * 160),
            lengths: Vec::with_capacity(deals.len() * ROW_FIELDS.0),
            numbers: Vec::with_capacity(deals.len() * ROW_FIELDS.1),
        };
        for deal in deals {
            rows.push(&deal.id);
            for column in COLUMNS {
                match column.cell {
                    Cell::Select => {}
                    Cell::Link(text) => {
                        rows.push(&link_to(&deal.id));
                        rows.push(text(deal));
                    }
                    Cell::Money(amount) => {
                        let (value, currency) = amount(deal);
                        rows.push(currency);
                        rows.numbers.push(value);
                    }
                    Cell::Text(text) => rows.push(&text(deal, texts)),
                    Cell::Badge(badge) => {
                        let (word, label) = badge(deal, texts);
                        rows.push(word);
                        rows.push(label);
                    }
                    Cell::Date(day) => rows
                        .numbers
                        .push(day(deal).map_or(f64::NAN, format::epoch_millis)),
                }
            }
        }
        rows
    }

    fn push(&mut self, field: &str) {
        self.text.push_str(field);
        self.lengths.push(field.encode_utf16().count() as u32);
    }

    fn fill(&self, tbody: &Element) -> Result<(), JsValue> {
        fill_rows_from_text(
            tbody,
            &columns_text(self.texts, None),
            self.texts.lang().tag(),
            &self.text,
            &self.lengths,
            &self.numbers,
        )
    }
}

/// Puts a page's rows into the table's body. With the focus on a row's link,
/// the rows on screen are rewritten in place, so a keyboard user keeps it
/// through a live refresh; otherwise rows filled before they join the
/// document replace them at once.
///
/// The rows are the widget's hottest path: a page of them is thousands of
/// elements. Built by `view!`, every element, text and position marker was
/// its own call from wasm into the browser, each decoding its own string;
/// filled element by element from Rust, still dozens a row. So the rows
/// cross into the browser as one string and are built there, by
/// deal_rows.js: one call for the whole page, as a page written by hand
/// would do it.
///
/// A row not of the widget's making (a browser extension can reach into the
/// table) makes the fill throw. Uncaught, that exception would unwind through
/// the reactive system's frames and leave it locked for every widget on the
/// page; caught, the body is emptied and filled again from blank rows.
///
/// The amounts and dates are written in the language of the rows' texts: a
/// change of language builds the page, rows and all, again.
fn fill_deal_rows(tbody: Element, rows: Rc<RowsText>) {
    if rows.fill(&tbody).is_err() {
        tbody.replace_children_with_node_0();
        let _ = rows.fill(&tbody);
    }
}

/// The header row of [`COLUMNS`], written by deal_rows.js as the rows are:
/// in one call, from the text the rows' script reads the columns from.
fn fill_deal_header(row: Element, columns: String) {
    fill_header_from_text(&row, &columns);
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals_i18n::Lang;
    use serde_json::json;

    fn deal(id: &str, full: bool) -> Deal {
        let mut deal = json!({
            "id": id, "title": format!("Déal {id} 🚀"), "value": 1250.5, "currency": "EUR",
            "status": "won", "priority": "high",
            "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
        });
        if full {
            deal["stage"] = json!("négociation");
            deal["probability"] = json!(40);
            deal["expectedCloseDate"] = json!("2031-03-04T00:00:00.000Z");
            deal["contact"] = json!({ "id": "c1", "name": "Ada" });
            deal["assignedTo"] = json!({ "id": "u1", "name": "Grace" });
        }
        serde_json::from_value(deal).expect("a deal")
    }

    /// A row's deal id, and each column's header with the fields it got.
    type RowRead = (String, Vec<(Msg, Vec<String>)>);

    /// Reads `rows` back as deal_rows.js does, following the columns' kinds.
    fn read_back(rows: &RowsText) -> Vec<RowRead> {
        let units: Vec<u16> = rows.text.encode_utf16().collect();
        let (mut at, mut field, mut number) = (0, 0, 0);
        let mut text = || {
            let length = rows.lengths[field] as usize;
            field += 1;
            at += length;
            String::from_utf16(&units[at - length..at]).expect("whole characters")
        };
        let mut read = Vec::new();
        for _ in 0..rows.lengths.len() / ROW_FIELDS.0 {
            let id = text();
            let cells = COLUMNS
                .iter()
                .map(|column| {
                    let (texts, numbers) = column.cell.fields();
                    let mut fields: Vec<String> = (0..texts).map(|_| text()).collect();
                    for _ in 0..numbers {
                        fields.push(rows.numbers[number].to_string());
                        number += 1;
                    }
                    (column.header, fields)
                })
                .collect();
            read.push((id, cells));
        }
        assert_eq!(at, units.len(), "every text field read");
        assert_eq!(number, rows.numbers.len(), "every number read");
        read
    }

    #[test]
    fn one_link_heads_each_row_after_its_checkbox_and_headers_are_unique() {
        assert!(matches!(COLUMNS[0].cell, Cell::Select));
        assert!(matches!(COLUMNS[1].cell, Cell::Link(_)));
        assert!(COLUMNS[2..]
            .iter()
            .all(|column| !matches!(column.cell, Cell::Link(_) | Cell::Select)));
        for (index, column) in COLUMNS.iter().enumerate() {
            for lang in Lang::ALL {
                assert!(
                    !lang.text(column.header).contains(['\t', '\n']),
                    "{:?} would break the columns' text",
                    column.header
                );
            }
            assert!(
                COLUMNS[index + 1..]
                    .iter()
                    .all(|other| other.header != column.header),
                "{:?} twice",
                column.header
            );
        }
    }

    #[test]
    fn the_headers_say_which_column_sorts_and_which_one_does() {
        let text = columns_text(Texts::english(), SortOrder::parse("-value"));
        let lines: Vec<Vec<&str>> = text
            .lines()
            .map(|line| line.split('\t').collect())
            .collect();
        assert_eq!(lines.len(), COLUMNS.len());
        assert_eq!(
            lines[2][..5],
            ["money", "number", "Value", "value", "descending"]
        );
        assert_eq!(lines[1][3..5], ["title", ""], "sortable, not sorted by");
        assert_eq!(lines[6][2..5], ["Status", "", ""], "not sortable");
        let sortable: Vec<&str> = lines
            .iter()
            .map(|line| line[3])
            .filter(|name| !name.is_empty())
            .collect();
        assert_eq!(
            sortable,
            SortKey::ALL.map(SortKey::name),
            "every sort has its column"
        );
        assert!(columns_text(Texts::english(), None)
            .lines()
            .all(|line| line.split('\t').nth(4) == Some("")));
    }

    #[test]
    fn the_checkboxes_column_names_the_page_and_each_row() {
        let text = columns_text(Texts::english(), SortOrder::parse("title"));
        let first: Vec<&str> = text.lines().next().expect("a line").split('\t').collect();
        assert_eq!(
            first[..6],
            ["select", "", "Select this page", "", "", "Select {title}"]
        );
        assert!(text.lines().skip(1).all(|line| line.ends_with("\t\t")));
    }

    #[test]
    fn each_row_gives_each_column_its_own_fields() {
        let rows = RowsText::new(
            &[deal("a", true), deal("b", false)],
            Texts::english(),
            |id| format!("?deal={id}"),
        );
        assert_eq!(rows.lengths.len(), 2 * ROW_FIELDS.0);
        assert_eq!(rows.numbers.len(), 2 * ROW_FIELDS.1);
        let read = read_back(&rows);
        let texts = |fields: &[&str]| fields.iter().map(|field| field.to_string()).collect();
        assert_eq!(read[0].0, "a");
        assert_eq!(
            read[0].1,
            vec![
                (Msg::SelectPage, texts(&[])),
                (Msg::FieldTitle, texts(&["?deal=a", "Déal a 🚀"])),
                (Msg::FieldValue, texts(&["EUR", "1250.5"])),
                (Msg::FieldStage, texts(&["négociation"])),
                (Msg::FieldPriority, texts(&["High"])),
                (Msg::FieldProbability, texts(&["40%"])),
                (Msg::Status, texts(&["won", "Won"])),
                (Msg::ColumnExpectedClose, texts(&["1930348800000"])),
                (Msg::ColumnContact, texts(&["Ada"])),
                (Msg::ColumnAssignedTo, texts(&["Grace"])),
                (Msg::FieldUpdated, texts(&["1730457000000"])),
            ]
        );
        assert_eq!(read[1].0, "b");
        let empty: Vec<Msg> = read[1]
            .1
            .iter()
            .filter(|(_, fields)| {
                fields
                    .iter()
                    .all(|field| field.is_empty() || field == "NaN")
            })
            .map(|(header, _)| *header)
            .collect();
        assert_eq!(
            empty,
            [
                Msg::SelectPage,
                Msg::FieldStage,
                Msg::FieldProbability,
                Msg::ColumnExpectedClose,
                Msg::ColumnContact,
                Msg::ColumnAssignedTo
            ]
        );
    }

    /// deal_rows.js fills each kind of cell the columns name.
    #[test]
    fn the_rows_script_fills_every_kind_of_cell() {
        let script = include_str!("deal_rows.js");
        for column in COLUMNS {
            let kind = column.cell.kind();
            assert!(
                script.contains(&format!("\n  {kind}(")),
                "deal_rows.js has no FILL.{kind} for {:?}",
                column.header
            );
        }
    }
}
