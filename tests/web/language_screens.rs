//! The screens fetched on demand (deal, form, board, move prompt, forecast,
//! export) in French and German: each text is the catalogue's, and a switch
//! of language rewrites what is on screen, messages and announcements too.
//! The screens are reached in English (the tabs and toolbar are other
//! engineers' texts), then the language is switched in place.

use deals_i18n::{Lang, Msg};
use isao_deals_widget::words::Texts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::export::{open_export, ClickedLinks};
use crate::forecast::{deal, mount_forecast_in};
use crate::language::catalogues_read;
use crate::support::*;

const FOREIGN: [Lang; 2] = [Lang::Fr, Lang::De];

/// The texts of `lang` as the widget reads them.
fn texts(lang: Lang) -> Texts {
    catalogues_read();
    Texts::read_before(lang).unwrap_or_else(Texts::english)
}

/// Switches the widget to `lang` and waits for `text` of it.
async fn speak(widget: &Widget, lang: Lang, msg: Msg) {
    catalogues_read();
    widget.handle.set_lang(Some(lang.tag().to_owned()));
    widget.wait_for_text(lang.text(msg)).await;
}

fn texts_of(widget: &Widget, selector: &str) -> Vec<String> {
    widget
        .find_all(selector)
        .iter()
        .map(|element| element.text_content().unwrap_or_default())
        .collect()
}

// Guards: the deal's labels, actions, status, priority and stage, and the
// widget's own field message, are the catalogue's in French and German.
#[wasm_bindgen_test]
async fn the_deal_speaks_french_and_german() {
    let title = unique("Deal in words");
    create_deal(&title).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    open_newest(&widget, &title).await;
    widget.fill("New stage", "  ");
    widget.click("Change stage");
    widget.wait_for_text(Lang::En.text(Msg::EnterStage)).await;
    for lang in FOREIGN {
        speak(&widget, lang, Msg::MarkWon).await;
        let labels = texts_of(&widget, ".deal-fields dt");
        for msg in [
            Msg::FieldValue,
            Msg::FieldStatus,
            Msg::FieldStage,
            Msg::FieldPriority,
            Msg::FieldContact,
            Msg::FieldAssignedTo,
            Msg::FieldCreated,
            Msg::FieldUpdated,
        ] {
            assert!(
                labels.iter().any(|label| label == lang.text(msg)),
                "{msg:?} in {labels:?}"
            );
        }
        let values = texts_of(&widget, ".deal-fields dd");
        for msg in [Msg::StatusOpen, Msg::PriorityHigh, Msg::StageProposal] {
            assert!(
                values.iter().any(|value| value == lang.text(msg)),
                "{msg:?} in {values:?}"
            );
        }
        for msg in [Msg::BackToList, Msg::MarkLost, Msg::ChangeStage] {
            assert!(widget.button(lang.text(msg)).is_some(), "{msg:?}");
        }
        assert_eq!(
            widget.text_of("#isao-new-stage-error"),
            lang.text(Msg::EnterStage),
            "the message kept as a message is rewritten"
        );
        assert!(!widget.text().contains(Lang::En.text(Msg::MoveDealForward)));
    }
}

// Guards: the form's own messages and the priority choice speak the
// language, the choices keeping the API's values.
#[wasm_bindgen_test]
async fn the_form_with_errors_speaks_french_and_german() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_new_deal().await;
    speak(&widget, Lang::Fr, Msg::CreateDeal).await;
    widget.click(Lang::Fr.text(Msg::CreateDeal));
    widget
        .wait_until("the form's message", || {
            widget.text_of(".deal-form .form-error") == Lang::Fr.text(Msg::CorrectFields)
        })
        .await;
    for lang in FOREIGN {
        speak(&widget, lang, Msg::CreateDeal).await;
        assert_eq!(
            widget.text_of(".deal-form .form-error"),
            lang.text(Msg::CorrectFields)
        );
        assert_eq!(widget.text_of(".deal-form h3"), lang.text(Msg::NewDeal));
        assert!(widget.button(lang.text(Msg::Cancel)).is_some());
        let options: Vec<(String, String)> = widget
            .find_all("select[name=priority] option")
            .into_iter()
            .map(|option| {
                let value = option.get_attribute("value").unwrap_or_default();
                (value, option.text_content().unwrap_or_default())
            })
            .collect();
        let expected: Vec<(String, String)> = [
            ("low", Msg::PriorityLow),
            ("medium", Msg::PriorityMedium),
            ("high", Msg::PriorityHigh),
        ]
        .into_iter()
        .map(|(value, msg)| (value.to_owned(), lang.text(msg).to_owned()))
        .collect();
        assert_eq!(options, expected);
    }
}

// Guards: the board's columns are the stages' labels, its counts plural
// forms, and a move is announced in the language with its place.
#[wasm_bindgen_test]
async fn the_board_and_a_move_speak_french_and_german() {
    let title = unique("Board in words");
    let deal = create_deal(&title).await;
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &deal.id).await;
    for (lang, stage, msg) in [
        (Lang::Fr, "negotiation", Msg::StageNegotiation),
        (Lang::De, "contract-review", Msg::StageContractReview),
    ] {
        let texts = texts(lang);
        speak(&widget, lang, Msg::MoveCard).await;
        assert_eq!(
            widget.text_of(".board-column[data-drop-stage=\"proposal\"] h3"),
            lang.text(Msg::StageProposal)
        );
        let count = widget.text_of(".board-column[data-drop-stage=\"proposal\"] .column-count");
        let size: f64 = count
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a count");
        assert_eq!(count, texts.count(Msg::ColumnDeals, size, &[]));

        widget.press_move_on(&deal.id);
        widget
            .wait_until("the move prompt", || widget.find(".move-prompt").is_some())
            .await;
        assert_eq!(
            widget.text_of(".move-prompt p"),
            texts.fill(Msg::MoveDealTo, &[("title", &title)])
        );
        for msg in [Msg::StatusWon, Msg::StatusLost, Msg::Cancel, msg] {
            assert!(widget.button(lang.text(msg)).is_some(), "{msg:?}");
        }
        widget.click(lang.text(msg));
        widget.wait_for_card(stage, &deal.id).await;
        let position = widget
            .cards_in(stage)
            .iter()
            .position(|id| *id == deal.id)
            .expect("in the column")
            + 1;
        let column = format!(".board-column[data-drop-stage=\"{stage}\"] .column-count");
        let size: String = widget
            .text_of(&column)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        assert_eq!(
            widget.text_of(".board-tools [role=status]"),
            texts.fill(
                Msg::MovedDeal,
                &[
                    ("title", &title),
                    ("stage", lang.text(msg)),
                    ("position", &position.to_string()),
                    ("size", &size),
                ]
            )
        );
    }
}

// Guards: the forecast's headings, rows and caption are the catalogue's.
#[wasm_bindgen_test]
async fn the_forecast_speaks_french_and_german() {
    for lang in FOREIGN {
        let texts = texts(lang);
        let deals = RwSignal::new(vec![deal(serde_json::json!({ "probability": 50 }))]);
        let mounted = mount_forecast_in(deals, lang);
        mounted
            .wait_until("the table", || {
                mounted.text().contains(lang.text(Msg::NoDate))
            })
            .await;
        let headers = mounted.rows("thead tr");
        assert_eq!(
            headers[0],
            [
                lang.text(Msg::ExpectedClose),
                lang.text(Msg::Deals),
                lang.text(Msg::OpenValue),
                lang.text(Msg::WeightedValue),
            ]
        );
        let labels: Vec<String> = mounted
            .rows("tbody tr, tfoot tr")
            .into_iter()
            .map(|row| row[0].clone())
            .collect();
        assert!(labels.iter().any(|label| label == lang.text(Msg::Later)));
        assert_eq!(
            labels.last().map(String::as_str),
            Some(lang.text(Msg::ForecastTotal))
        );
        assert!(mounted
            .text()
            .contains(&texts.fill(Msg::ForecastCaption, &[("currency", "EUR")])));
        deals.set(Vec::new());
        mounted
            .wait_until("the empty forecast", || {
                mounted.text() == lang.text(Msg::NoOpenDealsMatch)
            })
            .await;
    }
}

// Guards: the export screen speaks the language, the saved file's columns
// follow it, and the outcome is rewritten by a switch.
#[wasm_bindgen_test]
async fn the_export_speaks_french_and_german() {
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    widget.fill("Status", "won");
    open_export(&widget).await;
    speak(&widget, Lang::Fr, Msg::SaveCsv).await;
    assert_eq!(widget.text_of(".export h3"), Lang::Fr.text(Msg::ExportCsv));
    let choices = texts_of(&widget, ".export option");
    assert_eq!(
        choices,
        [
            Lang::Fr.text(Msg::SeparatorComma),
            Lang::Fr.text(Msg::SeparatorSemicolon)
        ]
    );
    widget.fill(Lang::Fr.text(Msg::CsvSeparator), "semicolon");
    assert!(widget.text().contains(Lang::Fr.text(Msg::CsvForReimport)));
    let links = ClickedLinks::watch();
    widget.click(Lang::Fr.text(Msg::SaveCsv));
    widget
        .wait_until("the export", || widget.find(".export-outcome").is_some())
        .await;
    let text = links.saved_text(0).await;
    let rows: Vec<&str> = text
        .trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .collect();
    assert!(
        rows[0].starts_with("ID;Titre;Description;Montant;"),
        "{}",
        rows[0]
    );
    let saved = rows.len() - 1;
    assert!(
        rows[1..].iter().all(|row| row.contains(";Gagnée;")),
        "{}",
        rows[1]
    );
    for lang in FOREIGN {
        speak(&widget, lang, Msg::SaveCsv).await;
        assert_eq!(
            widget.text_of(".export-outcome"),
            texts(lang).count(Msg::Exported, saved as f64, &[])
        );
        assert!(widget.button(lang.text(Msg::BackToList)).is_some());
    }
    let api_names = widget.control(Lang::De.text(Msg::CsvForReimport));
    api_names.unchecked_ref::<HtmlElement>().click();
    widget.click(Lang::De.text(Msg::SaveCsv));
    widget
        .wait_until("the second file", || links.clicked.borrow().len() == 2)
        .await;
    let text = links.saved_text(1).await;
    let mut lines = text.trim_start_matches('\u{FEFF}').split("\r\n");
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id;title;description;value;"));
    assert!(lines.next().unwrap().contains(";won;"));
}
