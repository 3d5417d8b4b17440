//! Text search over the deals the widget has loaded: the API has none. A
//! search is words; a deal matches when every word is found somewhere in its
//! text (title, description, contact, assignee, source, id), whatever the
//! case and the accents: "societe" finds "Société", "strasse" finds "Straße".

use deals_contract::Deal;

/// The base letters of U+00C0 to U+017F (Latin-1 Supplement and Latin
/// Extended-A), one byte each. An upper-case byte stands for two letters
/// (see [`two_letters`]); `*` keeps the character (× and ÷).
const LATIN_BASE: &[u8; 192] = b"\
aaaaaaAceeeeiiiidnooooo*ouuuuyTSaaaaaaAceeeeiiiidnooooo*ouuuuyTy\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrsssssssstttttt\
uuuuuuuuuuuuwwyyyzzzzzzs";

fn two_letters(code: u8) -> &'static str {
    match code {
        b'A' => "ae",
        b'I' => "ij",
        b'O' => "oe",
        b'S' => "ss",
        _ => "th",
    }
}

/// Appends `c` as the search compares it: lower case, without accents.
fn push_folded(c: char, folded: &mut String) {
    match u32::from(c) {
        0..=0x7F => folded.push(c.to_ascii_lowercase()),
        // Combining marks: "é" written as "e" and an accent.
        0x300..=0x36F => {}
        code @ 0xC0..=0x17F => match LATIN_BASE[(code - 0xC0) as usize] {
            b'*' => folded.push(c),
            base if base.is_ascii_uppercase() => folded.push_str(two_letters(base)),
            base => folded.push(char::from(base)),
        },
        // Greek and Cyrillic capitals, by their fixed distance to the small
        // letters. Other scripts are compared as written: Unicode's whole
        // case table would add 11 KB to the download.
        code @ (0x391..=0x3A9 | 0x410..=0x42F) => push_code(code + 0x20, c, folded),
        code @ 0x400..=0x40F => push_code(code + 0x50, c, folded),
        _ => folded.push(c),
    }
}

fn push_code(code: u32, or: char, folded: &mut String) {
    folded.push(char::from_u32(code).unwrap_or(or));
}

/// `text` as the search compares it.
pub fn folded(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    text.chars().for_each(|c| push_folded(c, &mut folded));
    folded
}

/// The words typed in the search box.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchWords(Vec<String>);

impl SearchWords {
    pub fn new(typed: &str) -> Self {
        Self(typed.split_whitespace().map(folded).collect())
    }

    /// Nothing to search for: every deal matches.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether every word is in `text`, already [`folded`].
    pub fn found_in(&self, text: &str) -> bool {
        self.0.iter().all(|word| text.contains(word.as_str()))
    }

    pub fn matches(&self, deal: &Deal) -> bool {
        self.found_in(&searched_text(deal))
    }
}

/// The text of `deal` that a search looks in, folded. The fields are kept
/// apart by a line break, which no typed word holds, so that no word is
/// found across two of them.
fn searched_text(deal: &Deal) -> String {
    let contact = deal.contact.as_ref();
    let assignee = deal.assigned_to.as_ref();
    let fields = [
        Some(deal.title.as_str()),
        deal.description.as_deref(),
        contact.map(|contact| contact.name.as_str()),
        contact.and_then(|contact| contact.email.as_deref()),
        contact.and_then(|contact| contact.current_company.as_deref()),
        assignee.map(|assignee| assignee.name.as_str()),
        assignee.and_then(|assignee| assignee.email.as_deref()),
        deal.source.as_deref(),
        Some(deal.id.as_str()),
    ];
    let mut text = String::new();
    for field in fields.into_iter().flatten() {
        field.chars().for_each(|c| push_folded(c, &mut text));
        text.push('\n');
    }
    text
}

/// The searched text of each deal of a load, folded once, so that a
/// keystroke compares words and folds nothing: with ten thousand deals,
/// folding them all again on each key is felt.
#[derive(Debug, Default)]
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    pub fn new(deals: &[Deal]) -> Self {
        Self(deals.iter().map(searched_text).collect())
    }

    /// How many deals are indexed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The positions, among the indexed deals, of those `words` match, in
    /// the order of `positions`; a position past the deals matches nothing.
    pub fn matching(
        &self,
        words: &SearchWords,
        positions: impl IntoIterator<Item = usize>,
    ) -> Vec<usize> {
        positions
            .into_iter()
            .filter(|position| {
                self.0
                    .get(*position)
                    .is_some_and(|text| words.found_in(text))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use deals_contract::{Contact, User};

    use super::*;
    use crate::test_deal;

    fn deal(id: &str, title: &str) -> Deal {
        Deal {
            title: title.to_owned(),
            ..test_deal::deal(id)
        }
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(folded("Société Générale"), "societe generale");
        assert_eq!(folded("MÜLLER"), "muller");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("Œuvre Æther ĲSSEL Þór"), "oeuvre aether ijssel thor");
        assert_eq!(folded("Łódź Čech Ångström ñ ÿ"), "lodz cech angstrom n y");
        // "é" written as "e" and a combining acute accent.
        assert_eq!(folded("Cafe\u{301} Noe\u{308}l"), "cafe noel");
        // Greek and Cyrillic: case only.
        assert_eq!(folded("ΑΘΗΝΑ Москва ЁЛКА"), "αθηνα москва ёлка");
        assert_eq!(folded("3 × 4 ÷ 2"), "3 × 4 ÷ 2");
    }

    #[test]
    fn every_latin_letter_folds_to_lower_case_ascii() {
        for code in 0xC0_u32..=0x17F {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let folded = folded(&c.to_string());
            if c == '×' || c == '÷' {
                assert_eq!(folded, c.to_string());
            } else {
                assert!(
                    !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase()),
                    "{c} (U+{code:04X}) folds to {folded:?}"
                );
            }
        }
        // Upper and lower case of each letter fold alike.
        for (upper, lower) in [('À', 'à'), ('Ø', 'ø'), ('Ā', 'ā'), ('Ž', 'ž'), ('Ŋ', 'ŋ')]
        {
            assert_eq!(folded(&upper.to_string()), folded(&lower.to_string()));
        }
    }

    #[test]
    fn every_word_must_be_found_somewhere() {
        let mut found = deal("deal_1", "Renouvellement licences");
        found.contact = Some(Contact {
            id: "contact_1".to_owned(),
            name: "Jürgen Müller".to_owned(),
            email: Some("j.muller@example.de".to_owned()),
            phone_number: Some("+49 30 1234".to_owned()),
            current_company: Some("Société Générale".to_owned()),
        });
        found.assigned_to = Some(User {
            id: "user_7".to_owned(),
            name: "Ana Ruiz".to_owned(),
            email: Some("ana@isao.example".to_owned()),
        });
        found.description = Some("Hauptstraße 5".to_owned());
        found.source = Some("Salon".to_owned());

        for typed in [
            "societe",
            "MULLER renouvellement",
            "strasse",
            "ana@isao",
            "salon deal_1",
            "  licences   générale ",
        ] {
            assert!(SearchWords::new(typed).matches(&found), "{typed:?}");
        }
        // A word found nowhere, the contact's phone (not searched), the
        // contact's id, a word across two fields.
        for typed in ["muller zurich", "1234", "contact_1", "licencesjurgen"] {
            assert!(!SearchWords::new(typed).matches(&found), "{typed:?}");
        }
    }

    #[test]
    fn no_words_match_every_deal() {
        let words = SearchWords::new("   ");
        assert!(words.is_empty());
        assert!(words.matches(&deal("deal_1", "Anything")));
        assert!(!SearchWords::new("x").is_empty());
    }

    #[test]
    fn the_index_gives_the_positions_of_the_matching_deals_in_the_order_asked() {
        let deals = [
            deal("deal_1", "Café Paris"),
            deal("deal_2", "Hamburg"),
            deal("deal_3", "Cafe Lyon"),
        ];
        let index = SearchIndex::new(&deals);
        assert_eq!(index.len(), 3);
        let all = || 0..index.len();
        assert_eq!(index.matching(&SearchWords::new("cafe"), all()), [0, 2]);
        assert_eq!(index.matching(&SearchWords::new("café lyon"), all()), [2]);
        assert_eq!(index.matching(&SearchWords::new(""), all()), [0, 1, 2]);
        assert!(index
            .matching(&SearchWords::new("berlin"), all())
            .is_empty());
        assert_eq!(
            index.matching(&SearchWords::new("cafe"), [2, 7, 1, 0]),
            [2, 0],
            "in the order given, positions past the deals left out"
        );
        let empty = SearchIndex::new(&[]);
        assert!(empty.is_empty());
        assert!(empty.matching(&SearchWords::new("x"), [0]).is_empty());
    }
}
