//! Deals as a CSV file that spreadsheet programs open as they are: RFC 4180
//! quoting, UTF-8 with a byte order mark (without it Excel reads accents as
//! Windows-1252), the delimiter and decimal separator the user's locale
//! expects, amounts as plain numbers with their currency beside them, and
//! text that could run as a formula neutralised. Columns, statuses,
//! priorities and stages are named in the widget's language, or as the API
//! names them for a file to import again.

use std::str::FromStr;

use chrono::{DateTime, Timelike, Utc};
use deals_contract::{timestamp, Deal};
use deals_i18n::Msg;

use crate::words::Texts;

/// The media type a saved export carries.
pub const MIME_TYPE: &str = "text/csv;charset=utf-8";

/// What separates the cells of a row. Spreadsheet programs expect `;` where
/// the comma is the decimal separator (French, German, ...), `,` elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
}

impl Delimiter {
    pub const ALL: [Delimiter; 2] = [Delimiter::Comma, Delimiter::Semicolon];

    /// The delimiter a spreadsheet program in a locale writing decimals with
    /// `separator` reads without being told.
    pub fn for_decimal_separator(separator: char) -> Delimiter {
        if separator == ',' {
            Delimiter::Semicolon
        } else {
            Delimiter::Comma
        }
    }

    pub fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
        }
    }

    /// The decimal separator that goes with this delimiter: a spreadsheet
    /// that splits cells on `;` reads `12,5` as a number and `12.5` as text.
    pub fn decimal_separator(self) -> char {
        match self {
            Delimiter::Comma => '.',
            Delimiter::Semicolon => ',',
        }
    }

    /// The value of this choice in a `<select>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
        }
    }

    /// The text of this choice in a `<select>`.
    pub fn label(self) -> Msg {
        match self {
            Delimiter::Comma => Msg::SeparatorComma,
            Delimiter::Semicolon => Msg::SeparatorSemicolon,
        }
    }
}

impl FromStr for Delimiter {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        Self::ALL
            .into_iter()
            .find(|delimiter| delimiter.as_str() == text)
            .ok_or(())
    }
}

/// How a file names its columns and the values the contract knows.
#[derive(Clone, Copy)]
pub enum Naming {
    /// As the API names them: a file to import again.
    Api,
    /// In the words of a language: a file for people.
    Words(Texts),
}

/// The columns, named as the API names the fields; the contact and the
/// assignee are flattened with their field names after a prefix.
const API_HEADER: [&str; 22] = [
    "id",
    "title",
    "description",
    "value",
    "currency",
    "stage",
    "priority",
    "probability",
    "status",
    "expectedCloseDate",
    "actualCloseDate",
    "source",
    "contactId",
    "contactName",
    "contactEmail",
    "contactPhoneNumber",
    "contactCurrentCompany",
    "assignedToId",
    "assignedToName",
    "assignedToEmail",
    "createdAt",
    "updatedAt",
];

/// The same columns, by the messages that name them for people.
const HEADER_WORDS: [Msg; 22] = [
    Msg::ColumnId,
    Msg::FieldTitle,
    Msg::FieldDescription,
    Msg::FieldValue,
    Msg::FieldCurrency,
    Msg::FieldStage,
    Msg::FieldPriority,
    Msg::FieldProbability,
    Msg::FieldStatus,
    Msg::FieldExpectedCloseDate,
    Msg::FieldActualCloseDate,
    Msg::FieldSource,
    Msg::FieldContactId,
    Msg::FieldContact,
    Msg::FieldContactEmail,
    Msg::FieldContactPhone,
    Msg::ColumnContactCompany,
    Msg::FieldAssignedToId,
    Msg::FieldAssignedTo,
    Msg::ColumnAssignedToEmail,
    Msg::FieldCreated,
    Msg::FieldUpdated,
];

/// Every deal as one row under a header row, with the BOM first and CRLF
/// line ends, as RFC 4180 writes them.
pub fn deals_csv(deals: &[Deal], delimiter: Delimiter, naming: Naming) -> String {
    let mut csv = String::with_capacity(256 + deals.len() * 320);
    csv.push('\u{FEFF}');
    let mut row = Row::new(&mut csv, delimiter);
    for (name, msg) in API_HEADER.into_iter().zip(HEADER_WORDS) {
        row.text(match naming {
            Naming::Api => name,
            Naming::Words(texts) => texts.get(msg),
        });
    }
    row.end();
    for deal in deals {
        row.text(&deal.id);
        row.text(&deal.title);
        row.optional_text(deal.description.as_deref());
        row.number(Some(deal.value));
        row.text(&deal.currency);
        match (naming, deal.stage.as_deref()) {
            (Naming::Words(texts), Some(stage)) => row.text(&texts.stage(Some(stage))),
            (_, stage) => row.optional_text(stage),
        }
        match naming {
            Naming::Api => row.text(deal.priority.as_str()),
            Naming::Words(texts) => row.text(texts.priority(deal.priority)),
        }
        row.number(deal.probability);
        match naming {
            Naming::Api => row.text(deal.status.as_str()),
            Naming::Words(texts) => row.text(texts.status(deal.status)),
        }
        row.date_time(deal.expected_close_date.as_ref());
        row.date_time(deal.actual_close_date.as_ref());
        row.optional_text(deal.source.as_deref());
        let contact = deal.contact.as_ref();
        row.optional_text(contact.map(|contact| contact.id.as_str()));
        row.optional_text(contact.map(|contact| contact.name.as_str()));
        row.optional_text(contact.and_then(|contact| contact.email.as_deref()));
        row.optional_text(contact.and_then(|contact| contact.phone_number.as_deref()));
        row.optional_text(contact.and_then(|contact| contact.current_company.as_deref()));
        let assignee = deal.assigned_to.as_ref();
        row.optional_text(assignee.map(|user| user.id.as_str()));
        row.optional_text(assignee.map(|user| user.name.as_str()));
        row.optional_text(assignee.and_then(|user| user.email.as_deref()));
        row.date_time(Some(&deal.created_at));
        row.date_time(Some(&deal.updated_at));
        row.end();
    }
    csv
}

/// `deals-2024-11-08.csv`: the name an export is saved under on that day.
pub fn file_name(year: i32, month: u32, day: u32) -> String {
    let mut name = String::from("deals-");
    push_padded(&mut name, u64::from(year.unsigned_abs()), 4);
    name.push('-');
    push_padded(&mut name, u64::from(month), 2);
    name.push('-');
    push_padded(&mut name, u64::from(day), 2);
    name.push_str(".csv");
    name
}

/// Writes the cells of one row after another into the file.
struct Row<'a> {
    csv: &'a mut String,
    delimiter: Delimiter,
    first_cell: bool,
}

impl<'a> Row<'a> {
    fn new(csv: &'a mut String, delimiter: Delimiter) -> Self {
        Self {
            csv,
            delimiter,
            first_cell: true,
        }
    }

    fn start_cell(&mut self) {
        if !self.first_cell {
            self.csv.push(self.delimiter.as_char());
        }
        self.first_cell = false;
    }

    fn end(&mut self) {
        self.csv.push_str("\r\n");
        self.first_cell = true;
    }

    fn optional_text(&mut self, text: Option<&str>) {
        self.text(text.unwrap_or_default());
    }

    /// Text as text: a leading character that makes a spreadsheet evaluate
    /// the cell gets a `'` before it, and the cell is quoted when it holds
    /// the delimiter, a quote or a line break.
    fn text(&mut self, text: &str) {
        self.start_cell();
        let guarded = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quoted = text.contains([self.delimiter.as_char(), '"', '\r', '\n']);
        if quoted {
            self.csv.push('"');
        }
        if guarded {
            self.csv.push('\'');
        }
        for character in text.chars() {
            if character == '"' {
                self.csv.push('"');
            }
            self.csv.push(character);
        }
        if quoted {
            self.csv.push('"');
        }
    }

    /// A number as the spreadsheet reads one: digits, a minus sign and the
    /// delimiter's decimal separator, never quoted; an empty cell when absent.
    fn number(&mut self, number: Option<f64>) {
        self.start_cell();
        if let Some(number) = number {
            push_number(self.csv, number, self.delimiter.decimal_separator());
        }
    }

    /// `2024-11-08 09:15:00`, in UTC; an empty cell when absent.
    fn date_time(&mut self, instant: Option<&DateTime<Utc>>) {
        self.start_cell();
        if let Some(instant) = instant {
            self.csv.push_str(&timestamp::format_date(instant));
            self.csv.push(' ');
            push_padded(self.csv, u64::from(instant.hour()), 2);
            self.csv.push(':');
            push_padded(self.csv, u64::from(instant.minute()), 2);
            self.csv.push(':');
            // chrono keeps a leap second as 59 s and more than a billion
            // nanoseconds: written :60, as the API writes it.
            let leap = u32::from(instant.nanosecond() >= 1_000_000_000);
            push_padded(self.csv, u64::from(instant.second() + leap), 2);
        }
    }
}

/// Every integer up to this one is exactly an `f64`.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;
/// 10^22 is the largest power of ten an `f64` holds exactly.
const MOST_DECIMALS: u32 = 22;

/// Writes `number` as the shortest plain decimal that reads back as the same
/// `f64`, built from integer digits: Rust's float formatting would add
/// kilobytes to the download. A decimal `units / 10^decimals` with `units`
/// below 2^53 reads back as the division of two exact floats, which IEEE
/// rounds correctly, so the comparison below proves the digits exact.
/// Numbers beyond that (above 2^53, or with more decimals) are written by
/// serde_json's float writer, already in the widget for request bodies.
fn push_number(csv: &mut String, number: f64, decimal_separator: char) {
    if !number.is_finite() {
        return;
    }
    let magnitude = number.abs();
    let mut scale = 1.0_f64;
    for decimals in 0..=MOST_DECIMALS {
        let units = (magnitude * scale).round();
        if units >= EXACT_INTEGER_LIMIT {
            break;
        }
        if units / scale == magnitude {
            if number < 0.0 && units > 0.0 {
                csv.push('-');
            }
            push_decimal(csv, units as u64, decimals, decimal_separator);
            return;
        }
        scale *= 10.0;
    }
    let written = serde_json::to_string(&number).unwrap_or_default();
    for character in written.chars() {
        csv.push(if character == '.' {
            decimal_separator
        } else {
            character
        });
    }
}

/// `units` with a decimal separator before its last `decimals` digits.
fn push_decimal(csv: &mut String, units: u64, decimals: u32, decimal_separator: char) {
    let digits = units.to_string();
    let decimals = decimals as usize;
    if decimals == 0 {
        csv.push_str(&digits);
        return;
    }
    let padded_len = digits.len().max(decimals + 1);
    let mut padded = "0".repeat(padded_len - digits.len());
    padded.push_str(&digits);
    let (whole, fraction) = padded.split_at(padded_len - decimals);
    csv.push_str(whole);
    csv.push(decimal_separator);
    csv.push_str(fraction);
}

fn push_padded(text: &mut String, number: u64, width: usize) {
    let digits = number.to_string();
    for _ in digits.len()..width {
        text.push('0');
    }
    text.push_str(&digits);
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals_contract::{Contact, DealStatus, Priority, User};
    use deals_i18n::{catalogue, Lang};

    fn at(text: &str) -> DateTime<Utc> {
        timestamp::parse(text).unwrap()
    }

    /// The seed's deal_123, every field filled.
    fn seed_deal() -> Deal {
        Deal {
            id: "deal_123".to_owned(),
            title: "Enterprise Software License".to_owned(),
            description: Some("Annual software license for 500 users".to_owned()),
            value: 50_000.0,
            currency: "EUR".to_owned(),
            stage: Some("negotiation".to_owned()),
            priority: Priority::High,
            probability: Some(75.0),
            status: DealStatus::Open,
            expected_close_date: Some(at("2024-12-15T00:00:00.000Z")),
            actual_close_date: None,
            source: Some("website".to_owned()),
            contact: Some(Contact {
                id: "contact_456".to_owned(),
                name: "John Smith".to_owned(),
                email: Some("john@techcorp.com".to_owned()),
                phone_number: Some("+33123456789".to_owned()),
                current_company: Some("Tech Corp".to_owned()),
            }),
            assigned_to: Some(User {
                id: "user_789".to_owned(),
                name: "Sales Rep".to_owned(),
                email: Some("sales@isao.io".to_owned()),
            }),
            created_at: at("2024-11-01T10:30:00.000Z"),
            updated_at: at("2024-11-08T09:15:00.000Z"),
        }
    }

    fn deal_titled(title: &str) -> Deal {
        Deal {
            title: title.to_owned(),
            ..seed_deal()
        }
    }

    /// The lines of a file, without its BOM; line breaks inside quoted cells
    /// are not expected by the tests that use it.
    fn lines(csv: &str) -> Vec<&str> {
        let body = csv.strip_prefix('\u{FEFF}').unwrap();
        let body = body.strip_suffix("\r\n").unwrap();
        body.split("\r\n").collect()
    }

    fn row_of(deal: Deal, delimiter: Delimiter) -> String {
        lines(&deals_csv(&[deal], delimiter, Naming::Api))[1].to_owned()
    }

    /// The cell of column `name` in the row of `deal`, for cells without a
    /// quoted delimiter.
    fn cell(deal: Deal, delimiter: Delimiter, name: &str) -> String {
        let column = API_HEADER
            .iter()
            .position(|header| *header == name)
            .unwrap();
        let row = row_of(deal, delimiter);
        row.split(delimiter.as_char())
            .nth(column)
            .unwrap()
            .to_owned()
    }

    #[test]
    fn the_seed_deal_is_one_row_of_every_field_under_the_header() {
        let csv = deals_csv(&[seed_deal()], Delimiter::Comma, Naming::Api);
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.ends_with("\r\n"));
        assert!(!csv.replace("\r\n", "").contains('\n'));
        assert_eq!(
            lines(&csv),
            [
                "id,title,description,value,currency,stage,priority,probability,status,\
                 expectedCloseDate,actualCloseDate,source,contactId,contactName,contactEmail,\
                 contactPhoneNumber,contactCurrentCompany,assignedToId,assignedToName,\
                 assignedToEmail,createdAt,updatedAt",
                "deal_123,Enterprise Software License,Annual software license for 500 users,\
                 50000,EUR,negotiation,high,75,open,2024-12-15 00:00:00,,website,contact_456,\
                 John Smith,john@techcorp.com,'+33123456789,Tech Corp,user_789,Sales Rep,\
                 sales@isao.io,2024-11-01 10:30:00,2024-11-08 09:15:00",
            ]
        );
    }

    #[test]
    fn the_header_and_every_row_have_the_same_width() {
        let bare = Deal {
            description: None,
            stage: None,
            probability: None,
            expected_close_date: None,
            source: None,
            contact: None,
            assigned_to: None,
            ..seed_deal()
        };
        for delimiter in Delimiter::ALL {
            let csv = deals_csv(&[seed_deal(), bare.clone()], delimiter, Naming::Api);
            let widths: Vec<usize> = lines(&csv)
                .iter()
                .map(|line| line.split(delimiter.as_char()).count())
                .collect();
            assert_eq!(widths, [API_HEADER.len(); 3], "{delimiter:?}");
        }
        assert_eq!(
            row_of(bare, Delimiter::Semicolon),
            "deal_123;Enterprise Software License;;50000;EUR;;high;;open;;;;;;;;;;;;\
             2024-11-01 10:30:00;2024-11-08 09:15:00"
        );
    }

    #[test]
    fn an_empty_list_is_the_bom_and_the_header() {
        let csv = deals_csv(&[], Delimiter::Semicolon, Naming::Api);
        assert_eq!(lines(&csv).len(), 1);
        assert!(csv.starts_with("\u{FEFF}id;title;description;value;"));
    }

    #[test]
    fn quotes_are_doubled_inside_a_quoted_cell() {
        assert!(row_of(deal_titled(r#"The "big" one"#), Delimiter::Comma)
            .starts_with(r#"deal_123,"The ""big"" one",Annual"#));
    }

    #[test]
    fn the_delimiter_inside_text_is_quoted_and_the_other_one_is_not() {
        let title = "Audit, phase 2; Lyon";
        assert!(row_of(deal_titled(title), Delimiter::Comma)
            .starts_with(r#"deal_123,"Audit, phase 2; Lyon",Annual"#));
        assert!(row_of(deal_titled(title), Delimiter::Semicolon)
            .starts_with(r#"deal_123;"Audit, phase 2; Lyon";Annual"#));
        assert!(row_of(deal_titled("Audit, phase 2"), Delimiter::Semicolon)
            .starts_with("deal_123;Audit, phase 2;Annual"));
    }

    #[test]
    fn line_breaks_stay_inside_one_quoted_cell() {
        let deal = Deal {
            description: Some("First line\nsecond line\r\nthird".to_owned()),
            ..seed_deal()
        };
        let csv = deals_csv(&[deal], Delimiter::Comma, Naming::Api);
        assert!(csv.contains(",\"First line\nsecond line\r\nthird\",50000,"));
        assert_eq!(csv.matches("\r\n").count(), 3);
    }

    #[test]
    fn text_that_a_spreadsheet_would_evaluate_is_guarded() {
        for (title, written) in [
            (
                "=HYPERLINK(\"http://evil\")",
                "\"'=HYPERLINK(\"\"http://evil\"\")\"",
            ),
            ("+1 upsell", "'+1 upsell"),
            ("-10% discount", "'-10% discount"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tindented", "'\tindented"),
            ("\rcmd", "\"'\rcmd\""),
        ] {
            let row = row_of(deal_titled(title), Delimiter::Comma);
            let expected = format!("deal_123,{written},Annual");
            assert!(row.starts_with(&expected), "{title:?} gave {row:?}");
        }
        assert!(row_of(deal_titled("Deal = win"), Delimiter::Comma)
            .starts_with("deal_123,Deal = win,Annual"));
    }

    #[test]
    fn every_text_column_is_guarded_not_only_the_title() {
        let deal = Deal {
            stage: Some("=stage".to_owned()),
            source: Some("@source".to_owned()),
            ..seed_deal()
        };
        assert_eq!(cell(deal.clone(), Delimiter::Comma, "stage"), "'=stage");
        assert_eq!(cell(deal.clone(), Delimiter::Comma, "source"), "'@source");
        assert_eq!(
            cell(deal, Delimiter::Comma, "contactPhoneNumber"),
            "'+33123456789"
        );
    }

    #[test]
    fn numbers_stay_numbers_with_the_delimiters_decimal_separator() {
        let deal = Deal {
            value: 1234.56,
            probability: Some(33.5),
            ..seed_deal()
        };
        assert_eq!(cell(deal.clone(), Delimiter::Comma, "value"), "1234.56");
        assert_eq!(cell(deal.clone(), Delimiter::Comma, "probability"), "33.5");
        assert_eq!(cell(deal.clone(), Delimiter::Semicolon, "value"), "1234,56");
        assert_eq!(cell(deal, Delimiter::Semicolon, "probability"), "33,5");
    }

    #[test]
    fn a_negative_number_from_the_api_is_a_number_not_guarded_text() {
        // The contract refuses negative values on create, but the widget
        // shows what the API answers, and a minus sign there is a number.
        let deal = Deal {
            value: -250.5,
            ..seed_deal()
        };
        assert_eq!(cell(deal.clone(), Delimiter::Comma, "value"), "-250.5");
        assert_eq!(cell(deal, Delimiter::Semicolon, "value"), "-250,5");
    }

    #[test]
    fn amounts_are_written_exactly_in_plain_digits() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (0.05, "0.05"),
            (0.1, "0.1"),
            (19.99, "19.99"),
            (100.0, "100"),
            (250_000.0, "250000"),
            (1_000_000.01, "1000000.01"),
            (123_456_789.12, "123456789.12"),
            (0.000_000_1, "0.0000001"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e-20, "0.00000000000000000001"),
            (9_007_199_254_740_991.0, "9007199254740991"),
        ];
        for (number, expected) in cases {
            let mut written = String::new();
            push_number(&mut written, number, '.');
            assert_eq!(written, expected);
            assert_eq!(written.parse::<f64>().unwrap(), number);
        }
    }

    #[test]
    fn numbers_beyond_exact_digits_still_read_back_the_same() {
        for number in [0.1 + 0.2, 1e300, 123_456_789_012_345_680.0, 1e-300] {
            let mut written = String::new();
            push_number(&mut written, number, '.');
            assert_eq!(written.parse::<f64>().unwrap(), number, "{written}");
            let mut with_comma = String::new();
            push_number(&mut with_comma, number, ',');
            assert_eq!(with_comma, written.replace('.', ","));
        }
    }

    #[test]
    fn accents_and_other_scripts_are_written_as_they_are() {
        let deal = Deal {
            title: "Refonte du site – Chloé, Zoë & Jürgen 日本".to_owned(),
            ..seed_deal()
        };
        let csv = deals_csv(&[deal], Delimiter::Semicolon, Naming::Api);
        assert!(csv.contains(";Refonte du site – Chloé, Zoë & Jürgen 日本;"));
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }

    #[test]
    fn dates_are_written_in_utc_to_the_second() {
        let deal = Deal {
            // 23:45 at UTC-5 is 04:45 the next day in UTC.
            expected_close_date: Some(at("2024-12-31T23:45:30.999-05:00")),
            actual_close_date: Some(at("2025-02-03T07:08:09Z")),
            ..seed_deal()
        };
        assert_eq!(
            cell(deal.clone(), Delimiter::Comma, "expectedCloseDate"),
            "2025-01-01 04:45:30"
        );
        assert_eq!(
            cell(deal, Delimiter::Comma, "actualCloseDate"),
            "2025-02-03 07:08:09"
        );
    }

    #[test]
    fn the_delimiter_follows_the_decimal_separator() {
        assert_eq!(Delimiter::for_decimal_separator(','), Delimiter::Semicolon);
        assert_eq!(Delimiter::for_decimal_separator('.'), Delimiter::Comma);
        assert_eq!(Delimiter::for_decimal_separator('٫'), Delimiter::Comma);
    }

    #[test]
    fn a_delimiter_reads_back_from_its_select_value() {
        for delimiter in Delimiter::ALL {
            assert_eq!(delimiter.as_str().parse(), Ok(delimiter));
            for lang in Lang::ALL {
                assert!(lang.text(delimiter.label()).contains(delimiter.as_char()));
            }
        }
        assert_eq!("tab".parse::<Delimiter>(), Err(()));
    }

    #[test]
    fn the_file_is_named_after_the_day() {
        assert_eq!(file_name(2024, 11, 8), "deals-2024-11-08.csv");
        assert_eq!(file_name(2025, 12, 31), "deals-2025-12-31.csv");
    }

    fn words_of(lang: Lang) -> Naming {
        let texts = Texts::read_before(lang)
            .or_else(|| Texts::read(lang, &catalogue(lang)))
            .unwrap();
        Naming::Words(texts)
    }

    // Guards the file for people: columns, statuses, priorities and stages in the language's words.
    #[test]
    fn columns_and_known_values_follow_the_language() {
        let won = Deal {
            status: DealStatus::Won,
            stage: Some("closed-won".to_owned()),
            ..seed_deal()
        };
        let csv = deals_csv(
            &[seed_deal(), won],
            Delimiter::Semicolon,
            words_of(Lang::Fr),
        );
        let rows = lines(&csv);
        let header: Vec<&str> = rows[0].split(';').collect();
        let expected: Vec<&str> = HEADER_WORDS.iter().map(|msg| Lang::Fr.text(*msg)).collect();
        assert_eq!(header, expected);
        assert_eq!(header[..3], ["ID", "Titre", "Description"]);
        let first: Vec<&str> = rows[1].split(';').collect();
        assert_eq!(first[5], Lang::Fr.text(Msg::StageNegotiation));
        assert_eq!(first[6], Lang::Fr.text(Msg::PriorityHigh));
        assert_eq!(first[8], Lang::Fr.text(Msg::StatusOpen));
        let second: Vec<&str> = rows[2].split(';').collect();
        assert_eq!(second[5], Lang::Fr.text(Msg::StageClosedWon));
        assert_eq!(second[8], Lang::Fr.text(Msg::StatusWon));

        let german = deals_csv(&[seed_deal()], Delimiter::Semicolon, words_of(Lang::De));
        assert!(
            lines(&german)[0].starts_with("ID;Titel;Beschreibung;Wert;Währung;Phase;"),
            "{german}"
        );
    }

    // Guards the file to import again: the API's field names and values whatever the language.
    #[test]
    fn the_api_naming_keeps_the_apis_names_and_values() {
        let unknown = Deal {
            stage: Some("custom-stage".to_owned()),
            ..seed_deal()
        };
        let api = deals_csv(
            std::slice::from_ref(&unknown),
            Delimiter::Comma,
            Naming::Api,
        );
        assert_eq!(lines(&api)[0].split(',').collect::<Vec<_>>(), API_HEADER);
        assert_eq!(
            cell(unknown.clone(), Delimiter::Comma, "stage"),
            "custom-stage"
        );
        assert_eq!(cell(unknown.clone(), Delimiter::Comma, "status"), "open");
        // A stage the pipeline does not know is written as the API wrote it in any language.
        let french = deals_csv(&[unknown], Delimiter::Comma, words_of(Lang::Fr));
        assert_eq!(lines(&french)[1].split(',').nth(5), Some("custom-stage"));
    }

    // Guards an empty stage: an empty cell in both namings, not the words "No stage".
    #[test]
    fn a_deal_without_a_stage_has_an_empty_stage_cell() {
        let bare = Deal {
            stage: None,
            ..seed_deal()
        };
        for naming in [Naming::Api, words_of(Lang::De)] {
            let csv = deals_csv(std::slice::from_ref(&bare), Delimiter::Comma, naming);
            assert_eq!(lines(&csv)[1].split(',').nth(5), Some(""));
        }
    }
}
