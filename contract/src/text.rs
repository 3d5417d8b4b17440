//! Text a person can see: the rule behind every free-text field of the API.
//!
//! A field's text must have at least one *visible* character, and may not
//! hide characters that change nothing a person sees (or break a one-line
//! field in two). Both are decided by Unicode general category (Unicode 16.0),
//! through the two tables below, which a native test regenerates from the
//! `unicode-general-category` crate: they hold only what the rule needs, so
//! the widget's form carries them rather than that crate's table of all
//! thirty categories.

/// Visible: a letter (L), number (N), punctuation (P) or symbol (S), except
/// what Unicode draws as nothing: the Hangul fillers (letters that are
/// Default_Ignorable_Code_Point), the blank braille cell U+2800, and U+FFFC,
/// which stands for an embedded object the text does not carry. Marks alone,
/// separators, controls, format characters, private use (no font of the
/// reader's can be assumed) and unassigned code points do not count.
pub fn is_visible(character: char) -> bool {
    if character.is_ascii() {
        return character.is_ascii_graphic();
    }
    let code = u32::from(character);
    let mut run_start = 0;
    let mut visible = false;
    let mut bytes = VISIBLE_RUNS.iter();
    while let Some(length) = next_varint(&mut bytes) {
        let run_end = run_start + length;
        if code < run_end {
            return visible;
        }
        run_start = run_end;
        visible = !visible;
    }
    visible
}

/// The visibility changes at each of these code points, from "not visible"
/// at U+0000: the distances between them, 7 bits a byte, low bits first, a
/// set top bit meaning "more bytes follow".
const VISIBLE_RUNS: &[u8] = &[
    33, 94, 34, 12, 1, 210, 4, 112, 8, 2, 6, 4, 7, 1, 1, 1, 20, 1, 224, 1, 7, 166, 1, 1, 38, 2, 50,
    2, 3, 46, 1, 1, 1, 2, 1, 2, 1, 9, 27, 4, 6, 17, 10, 11, 1, 1, 46, 21, 16, 1, 101, 8, 1, 6, 2,
    2, 1, 4, 32, 2, 1, 1, 30, 29, 89, 11, 1, 14, 43, 9, 7, 3, 24, 4, 1, 9, 1, 3, 1, 7, 15, 1, 25,
    5, 1, 1, 11, 5, 31, 17, 42, 58, 54, 3, 1, 18, 1, 7, 10, 2, 29, 4, 8, 2, 2, 2, 22, 1, 7, 1, 1,
    3, 4, 3, 1, 16, 1, 13, 2, 1, 3, 4, 24, 7, 6, 4, 2, 2, 22, 1, 7, 1, 2, 1, 2, 1, 2, 31, 4, 1, 1,
    7, 10, 2, 3, 1, 1, 14, 9, 1, 3, 1, 22, 1, 7, 1, 2, 1, 5, 3, 1, 18, 1, 15, 2, 4, 12, 7, 1, 11,
    8, 2, 2, 2, 22, 1, 7, 1, 2, 1, 5, 3, 1, 30, 2, 1, 3, 4, 18, 11, 1, 1, 6, 3, 3, 1, 4, 3, 2, 1,
    1, 1, 2, 3, 2, 3, 3, 3, 12, 22, 1, 21, 21, 10, 8, 1, 3, 1, 23, 1, 16, 3, 1, 26, 3, 2, 1, 2, 2,
    4, 10, 7, 10, 3, 9, 1, 3, 1, 23, 1, 10, 1, 5, 3, 1, 31, 2, 1, 2, 4, 10, 1, 2, 17, 9, 1, 3, 1,
    41, 2, 1, 16, 2, 4, 3, 1, 10, 4, 26, 5, 18, 3, 24, 1, 9, 1, 1, 2, 7, 31, 10, 4, 1, 12, 48, 1,
    2, 11, 8, 8, 13, 37, 2, 1, 1, 1, 5, 1, 24, 1, 1, 1, 10, 1, 2, 9, 1, 2, 5, 1, 1, 9, 10, 2, 4,
    32, 24, 2, 27, 1, 1, 1, 1, 1, 4, 2, 8, 1, 36, 24, 1, 2, 5, 49, 8, 1, 6, 1, 13, 37, 43, 20, 23,
    4, 4, 3, 1, 3, 2, 7, 3, 4, 13, 12, 1, 1, 10, 4, 40, 1, 1, 5, 1, 2, 143, 1, 2, 232, 1, 1, 4, 2,
    7, 1, 1, 1, 4, 2, 41, 1, 4, 2, 33, 1, 4, 2, 7, 1, 1, 1, 4, 2, 15, 1, 57, 1, 4, 2, 67, 5, 29, 3,
    26, 6, 86, 2, 6, 2, 128, 5, 1, 28, 3, 89, 7, 18, 13, 19, 3, 2, 9, 18, 14, 13, 1, 3, 15, 52, 32,
    9, 3, 10, 6, 10, 6, 11, 5, 10, 6, 89, 7, 5, 2, 34, 1, 1, 5, 70, 10, 31, 33, 1, 3, 42, 2, 5, 11,
    44, 4, 26, 6, 11, 3, 57, 7, 55, 43, 10, 6, 10, 6, 14, 87, 47, 17, 8, 1, 29, 9, 12, 3, 30, 13,
    56, 22, 40, 23, 15, 3, 62, 5, 43, 2, 11, 11, 1, 21, 4, 1, 6, 1, 2, 3, 1, 5, 192, 1, 64, 150, 2,
    2, 6, 2, 38, 2, 6, 2, 8, 1, 1, 1, 1, 1, 1, 1, 31, 2, 53, 1, 15, 1, 14, 2, 6, 1, 19, 2, 3, 1, 9,
    17, 24, 8, 47, 17, 2, 2, 27, 1, 13, 3, 33, 63, 140, 1, 4, 154, 5, 22, 11, 21, 160, 7, 1, 243,
    6, 2, 32, 1, 216, 2, 3, 2, 5, 45, 1, 1, 5, 1, 2, 56, 7, 2, 15, 23, 9, 7, 1, 7, 1, 7, 1, 7, 1,
    7, 1, 7, 1, 7, 1, 7, 33, 94, 34, 26, 1, 89, 12, 214, 1, 26, 16, 1, 41, 6, 16, 1, 86, 4, 101, 5,
    43, 1, 51, 1, 42, 1, 86, 9, 48, 1, 237, 228, 1, 3, 55, 9, 220, 2, 20, 47, 4, 1, 10, 32, 2, 80,
    2, 6, 8, 206, 1, 2, 2, 1, 1, 1, 8, 21, 16, 1, 3, 1, 4, 1, 23, 5, 4, 4, 10, 6, 56, 10, 50, 26,
    12, 24, 13, 1, 38, 8, 25, 24, 30, 7, 47, 14, 13, 1, 11, 4, 7, 1, 25, 1, 41, 23, 3, 1, 8, 4, 10,
    2, 31, 3, 50, 1, 1, 3, 2, 2, 5, 2, 1, 1, 1, 24, 16, 5, 5, 12, 6, 2, 6, 2, 6, 9, 7, 1, 7, 1, 60,
    4, 115, 8, 1, 4, 10, 6, 164, 87, 12, 23, 4, 49, 132, 66, 238, 2, 2, 106, 38, 7, 12, 5, 5, 1, 1,
    24, 1, 5, 1, 1, 1, 2, 1, 2, 1, 125, 16, 189, 3, 2, 54, 7, 1, 32, 16, 16, 10, 22, 35, 1, 19, 1,
    4, 4, 5, 1, 135, 1, 4, 159, 1, 1, 30, 3, 6, 2, 6, 2, 6, 2, 3, 3, 7, 1, 7, 14, 1, 2, 12, 1, 26,
    1, 19, 1, 2, 1, 15, 2, 14, 34, 123, 5, 3, 4, 45, 3, 88, 1, 13, 3, 1, 47, 45, 131, 1, 29, 3, 49,
    16, 27, 4, 36, 9, 30, 5, 38, 10, 30, 1, 37, 4, 14, 42, 158, 1, 2, 10, 6, 36, 4, 36, 4, 40, 8,
    52, 11, 12, 1, 15, 1, 7, 1, 2, 1, 11, 1, 15, 1, 7, 1, 2, 3, 52, 12, 183, 2, 9, 22, 10, 8, 24,
    6, 1, 42, 1, 9, 69, 6, 2, 1, 1, 44, 1, 2, 3, 1, 2, 23, 1, 72, 8, 9, 48, 19, 1, 2, 5, 33, 3, 27,
    5, 1, 64, 56, 4, 20, 2, 47, 15, 4, 1, 3, 1, 29, 10, 9, 7, 9, 7, 64, 32, 37, 6, 12, 9, 54, 3,
    29, 2, 27, 5, 26, 7, 4, 12, 7, 80, 73, 55, 51, 13, 51, 7, 42, 12, 10, 6, 38, 8, 24, 8, 2, 208,
    1, 31, 1, 42, 3, 1, 2, 2, 16, 3, 59, 40, 8, 22, 11, 9, 22, 18, 4, 4, 38, 28, 20, 23, 12, 53,
    15, 7, 4, 30, 1, 2, 2, 1, 13, 45, 11, 2, 1, 4, 14, 25, 7, 10, 9, 36, 15, 15, 2, 1, 8, 35, 1, 3,
    12, 48, 14, 8, 4, 1, 2, 16, 1, 20, 11, 18, 1, 25, 12, 6, 1, 2, 63, 7, 1, 1, 1, 4, 1, 15, 1, 11,
    6, 47, 17, 10, 11, 8, 2, 2, 2, 22, 1, 7, 1, 2, 1, 5, 3, 1, 18, 1, 12, 5, 30, 10, 1, 1, 2, 1, 1,
    38, 1, 1, 25, 1, 1, 3, 1, 2, 39, 53, 18, 21, 1, 1, 1, 3, 30, 48, 20, 4, 8, 10, 166, 1, 47, 18,
    27, 36, 48, 17, 4, 11, 10, 6, 13, 19, 43, 13, 2, 6, 10, 6, 20, 28, 27, 21, 23, 185, 1, 44, 15,
    1, 100, 83, 12, 8, 2, 1, 2, 8, 1, 2, 1, 24, 15, 1, 1, 1, 2, 3, 9, 10, 70, 8, 2, 39, 16, 3, 28,
    1, 10, 40, 7, 1, 4, 8, 9, 1, 11, 46, 16, 9, 13, 73, 7, 10, 182, 1, 34, 14, 10, 6, 9, 1, 37, 17,
    6, 10, 29, 3, 32, 112, 7, 1, 2, 1, 38, 21, 1, 9, 10, 6, 6, 1, 2, 1, 32, 14, 1, 7, 10, 182, 2,
    19, 4, 2, 9, 1, 1, 13, 1, 34, 15, 23, 86, 1, 15, 50, 13, 155, 7, 102, 111, 1, 5, 11, 196, 1,
    204, 20, 99, 13, 176, 8, 17, 6, 25, 155, 31, 5, 199, 4, 185, 53, 30, 18, 10, 198, 13, 185, 4,
    7, 31, 1, 10, 4, 81, 1, 10, 6, 30, 7, 1, 10, 48, 7, 15, 10, 10, 1, 7, 1, 21, 5, 19, 176, 3, 58,
    198, 1, 91, 101, 75, 5, 1, 66, 13, 64, 4, 28, 248, 47, 8, 214, 9, 41, 10, 231, 69, 4, 1, 7, 1,
    2, 1, 163, 2, 15, 1, 29, 3, 2, 1, 14, 4, 8, 140, 3, 132, 18, 107, 5, 13, 3, 9, 7, 10, 2, 1, 2,
    1, 224, 30, 250, 1, 6, 180, 3, 156, 1, 116, 60, 246, 1, 10, 39, 2, 60, 5, 3, 22, 2, 7, 30, 4,
    61, 21, 66, 3, 1, 122, 20, 12, 20, 12, 87, 9, 25, 135, 1, 85, 1, 71, 1, 2, 2, 1, 2, 2, 2, 4, 1,
    12, 1, 1, 1, 7, 1, 65, 1, 4, 2, 8, 1, 7, 1, 28, 1, 4, 1, 5, 1, 1, 3, 7, 1, 212, 2, 2, 164, 2,
    2, 178, 4, 55, 4, 50, 8, 1, 14, 1, 7, 244, 8, 31, 6, 6, 133, 2, 62, 146, 1, 45, 10, 7, 2, 10,
    4, 2, 192, 2, 30, 18, 44, 4, 10, 5, 1, 208, 3, 28, 4, 10, 214, 1, 30, 2, 11, 4, 1, 224, 3, 7,
    1, 4, 1, 2, 1, 15, 1, 197, 1, 2, 9, 48, 68, 7, 1, 4, 10, 4, 2, 145, 6, 68, 76, 61, 194, 1, 4,
    1, 27, 1, 2, 1, 1, 2, 1, 1, 10, 1, 4, 1, 1, 1, 1, 6, 1, 4, 1, 1, 1, 1, 1, 1, 3, 1, 2, 1, 1, 2,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 4, 1, 7, 1, 4, 1, 4, 1, 1, 1, 10, 1, 17, 5, 3, 1, 5,
    1, 17, 52, 2, 142, 2, 44, 4, 100, 12, 15, 2, 15, 1, 15, 1, 37, 10, 174, 1, 56, 29, 13, 44, 4,
    9, 7, 2, 14, 6, 154, 1, 216, 7, 4, 17, 3, 13, 3, 119, 4, 95, 6, 12, 4, 1, 15, 12, 4, 56, 8, 10,
    6, 40, 8, 30, 2, 12, 4, 2, 62, 212, 2, 12, 14, 2, 13, 3, 10, 5, 56, 7, 15, 2, 11, 6, 9, 7, 147,
    1, 1, 102, 134, 8, 224, 205, 2, 32, 186, 32, 6, 222, 1, 2, 130, 45, 14, 177, 58, 15, 238, 4,
    162, 19, 158, 4, 226, 11, 203, 38, 5, 224, 32,
];

fn next_varint<'a>(bytes: &mut impl Iterator<Item = &'a u8>) -> Option<u32> {
    let mut value = 0;
    let mut shift = 0;
    for byte in bytes {
        value |= u32::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
    None
}

/// Characters no field takes: controls (Cc), format characters (Cf) and the
/// line and paragraph separators (Zl, Zp), plus U+FFFC. The two joiners
/// U+200C and U+200D are format characters that text needs (Persian words,
/// emoji sequences), so they are allowed.
const REFUSED: [(char, char); 24] = [
    ('\u{0}', '\u{1F}'),
    ('\u{7F}', '\u{9F}'),
    ('\u{AD}', '\u{AD}'),
    ('\u{600}', '\u{605}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{6DD}', '\u{6DD}'),
    ('\u{70F}', '\u{70F}'),
    ('\u{890}', '\u{891}'),
    ('\u{8E2}', '\u{8E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200B}'),
    ('\u{200E}', '\u{200F}'),
    ('\u{2028}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFC}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

/// Whether a field is one line (a title, a stage) or free text that keeps
/// its tabs and line breaks (the description).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

impl Lines {
    /// Whether `character` may stand inside a field of this kind.
    pub fn allows(self, character: char) -> bool {
        let refused = REFUSED
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&character));
        !refused || (self == Lines::Many && is_line_break_or_tab(character))
    }
}

fn is_line_break_or_tab(character: char) -> bool {
    matches!(character, '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The zero-width characters that copy and paste bring along.
pub fn is_zero_width(character: char) -> bool {
    matches!(
        character,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The words for a character that a one-line field refuses.
fn refused_kind(character: char) -> &'static str {
    match character {
        '\t' => "a tab",
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => "a line break",
        character if is_zero_width(character) => "an invisible zero-width character",
        character if character.is_control() => "a control character",
        '\u{FFFC}' => "an object replacement character",
        _ => "an invisible format character",
    }
}

/// Why `text`, the trimmed value of the field `label`, is refused, if it is:
/// it shows nothing, or it holds a character its kind of field does not
/// take, named with its position (from 1, in characters).
pub(crate) fn problem(text: &str, label: &str, lines: Lines) -> Option<String> {
    if !text.chars().any(is_visible) {
        return Some(format!("{label} must contain visible characters"));
    }
    let (index, character) = text
        .chars()
        .enumerate()
        .find(|(_, character)| !lines.allows(*character))?;
    Some(format!(
        "Character {} of the {} is {} (U+{:04X}): remove it",
        index + 1,
        lowercase_first(label),
        refused_kind(character),
        u32::from(character)
    ))
}

/// "Contact ID" as it reads inside a sentence: "contact ID". Labels are
/// ASCII, and Unicode's lowercase table would weigh on the widget.
fn lowercase_first(label: &str) -> String {
    let mut sentence = label.to_owned();
    if let Some(first) = sentence.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_general_category::{get_general_category, GeneralCategory::*, UNICODE_VERSION};

    fn every_character() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    /// The rule of [`is_visible`], from the crate's categories.
    fn visible_by_category(character: char) -> bool {
        let drawn_as_nothing = matches!(
            character,
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{FFFC}'
        );
        let shown_category = matches!(
            get_general_category(character),
            UppercaseLetter
                | LowercaseLetter
                | TitlecaseLetter
                | ModifierLetter
                | OtherLetter
                | DecimalNumber
                | LetterNumber
                | OtherNumber
                | ConnectorPunctuation
                | DashPunctuation
                | OpenPunctuation
                | ClosePunctuation
                | InitialPunctuation
                | FinalPunctuation
                | OtherPunctuation
                | MathSymbol
                | CurrencySymbol
                | ModifierSymbol
                | OtherSymbol
        );
        shown_category && !drawn_as_nothing
    }

    /// The rule of [`REFUSED`], from the crate's categories.
    fn refused_by_category(character: char) -> bool {
        let joiner = matches!(character, '\u{200C}' | '\u{200D}');
        character == '\u{FFFC}'
            || match get_general_category(character) {
                Control | LineSeparator | ParagraphSeparator => true,
                Format => !joiner,
                _ => false,
            }
    }

    /// Where visibility changes, by the crate's categories.
    fn visible_run_starts() -> Vec<char> {
        let mut visible = false;
        let mut starts = Vec::new();
        for character in every_character() {
            if visible_by_category(character) != visible {
                visible = !visible;
                starts.push(character);
            }
        }
        starts
    }

    /// The table [`VISIBLE_RUNS`] should be, as Rust source.
    fn visible_runs_source(starts: &[char]) -> String {
        let (mut bytes, mut run_start) = (Vec::new(), 0);
        for start in starts {
            let mut distance = u32::from(*start) - run_start;
            run_start = u32::from(*start);
            while distance >= 0x80 {
                bytes.push(((distance & 0x7F) | 0x80).to_string());
                distance >>= 7;
            }
            bytes.push(distance.to_string());
        }
        bytes.join(", ")
    }

    #[test]
    fn the_tables_are_the_general_categories_of_unicode_16() {
        assert_eq!(
            UNICODE_VERSION,
            (16, 0, 0),
            "a new Unicode: regenerate VISIBLE_RUNS and REFUSED from this test's rules"
        );
        let starts = visible_run_starts();
        let written: Vec<String> = VISIBLE_RUNS.iter().map(u8::to_string).collect();
        assert_eq!(
            written.join(", "),
            visible_runs_source(&starts),
            "VISIBLE_RUNS is not the table of visible_by_category"
        );
        // The table is right; so is its reading if every run reads right at
        // both of its ends (ASCII has a way of its own).
        let run_ends = starts
            .iter()
            .filter_map(|start| char::from_u32(u32::from(*start) - 1));
        for character in starts.iter().copied().chain(run_ends).chain('\0'..='\x7F') {
            assert_eq!(
                is_visible(character),
                visible_by_category(character),
                "{character:?}"
            );
        }
        for character in every_character() {
            assert_eq!(
                Lines::One.allows(character),
                !refused_by_category(character),
                "{character:?}"
            );
        }
    }

    /// A regular expression class of the characters `included` keeps:
    /// `\uXXXX` in the Basic Multilingual Plane, the character itself beyond
    /// (ECMA-262 and Python read both alike).
    fn class(negated: bool, included: impl Fn(char) -> bool) -> String {
        let mut ranges: Vec<(char, char)> = Vec::new();
        for character in every_character().filter(|character| included(*character)) {
            match ranges.last_mut() {
                Some((_, last)) if u32::from(*last) + 1 == u32::from(character) => {
                    *last = character
                }
                _ => ranges.push((character, character)),
            }
        }
        let written = |character: char| match u16::try_from(u32::from(character)) {
            Ok(unit) => format!("\\u{unit:04X}"),
            Err(_) => character.to_string(),
        };
        let mut class = String::from(if negated { "[^" } else { "[" });
        for (first, last) in ranges {
            class.push_str(&written(first));
            if last != first {
                class.push('-');
                class.push_str(&written(last));
            }
        }
        class.push(']');
        class
    }

    /// The OpenAPI document states these rules as JSON Schema patterns, so
    /// that clients (and schemathesis) know them: generated here. A field's
    /// length limit is in its pattern, since it counts after trimming.
    #[test]
    fn the_openapi_document_states_these_rules() {
        use crate::{
            DESCRIPTION_MAX_CHARS, ID_MAX_CHARS, SOURCE_MAX_CHARS, STAGE_MAX_CHARS, TITLE_MAX_CHARS,
        };
        let document: serde_json::Value =
            serde_json::from_str(include_str!("../../reference-api/openapi.json")).unwrap();
        let schemas = &document["components"]["schemas"];
        let white_space = class(false, char::is_whitespace);
        let visible = class(false, visible_by_category);
        let mut expected = vec![
            (&schemas["VisibleText"], visible.clone()),
            (
                &schemas["BlankOrVisibleText"],
                format!("^{white_space}*$|{visible}"),
            ),
        ];
        let one_line = class(true, |character| !Lines::One.allows(character));
        let many_lines = class(true, |character| !Lines::Many.allows(character));
        let new_deal = &schemas["NewDeal"]["properties"];
        for (field, refused, max) in [
            (&new_deal["title"], &one_line, TITLE_MAX_CHARS),
            (&new_deal["description"], &many_lines, DESCRIPTION_MAX_CHARS),
            (&new_deal["stage"], &one_line, STAGE_MAX_CHARS),
            (&new_deal["source"], &one_line, SOURCE_MAX_CHARS),
            (&new_deal["contactId"], &one_line, ID_MAX_CHARS),
            (&new_deal["assignedToId"], &one_line, ID_MAX_CHARS),
            (
                &schemas["StatusChange"]["properties"]["stage"],
                &one_line,
                STAGE_MAX_CHARS,
            ),
        ] {
            let pattern = format!("^{white_space}*{refused}{{0,{max}}}{white_space}*$");
            expected.push((&field["allOf"][1], pattern));
        }
        for (schema, pattern) in expected {
            assert_eq!(schema["pattern"], pattern.as_str(), "{schema}");
        }
    }

    #[test]
    fn free_text_keeps_its_tabs_and_line_breaks_and_nothing_else_it_refuses() {
        for character in ['\t', '\n', '\r', '\u{2028}', '\u{2029}'] {
            assert!(!Lines::One.allows(character), "{character:?}");
            assert!(Lines::Many.allows(character), "{character:?}");
        }
        for character in [
            '\u{0}', '\u{1B}', '\u{7F}', '\u{85}', '\u{202E}', '\u{FFFC}',
        ] {
            assert!(!Lines::Many.allows(character), "{character:?}");
        }
    }

    #[test]
    fn text_that_shows_passes_joiners_and_marks_included() {
        for text in [
            "Website Redesign",
            "A\u{200D}B",
            "\u{1F468}\u{200D}\u{1F4BB}",
            "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}",
            "e\u{301}",
            "\u{661}\u{662}",
            "\u{2603}",
            "\u{FFFD}",
        ] {
            assert_eq!(problem(text, "Title", Lines::One), None, "{text:?}");
        }
    }

    #[test]
    fn a_refused_character_is_named_with_its_position_in_the_fields_words() {
        assert_eq!(
            problem("Deal\u{202E}txt", "Contact ID", Lines::One).as_deref(),
            Some("Character 5 of the contact ID is an invisible format character (U+202E): remove it")
        );
        assert_eq!(
            problem("\u{200B}A", "Title", Lines::One).as_deref(),
            Some(
                "Character 1 of the title is an invisible zero-width character (U+200B): remove it"
            )
        );
        assert_eq!(
            problem("A\u{1B}[31m", "Stage", Lines::One).as_deref(),
            Some("Character 2 of the stage is a control character (U+001B): remove it")
        );
        assert_eq!(
            problem("\u{E0}b\nc", "Source", Lines::One).as_deref(),
            Some("Character 3 of the source is a line break (U+000A): remove it"),
            "positions count characters, not bytes"
        );
    }
}
