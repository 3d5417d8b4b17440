//! The API key as typed or pasted: whitespace around it is dropped, and what
//! is left must be sendable in an HTTP header, so that no request can fail (or
//! be refused as "API key required") because of a character nobody can see.

use std::fmt;

use deals_contract::text::is_zero_width;

/// A key that can go into `Authorization: Bearer …` as it is.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

/// Why a typed key was refused before any request was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    Empty,
    /// `position` counts characters from 1, after trimming.
    Unsendable {
        position: usize,
        character: char,
    },
}

impl ApiKey {
    pub fn parse(typed: &str) -> Result<Self, KeyProblem> {
        let key = typed.trim_matches(is_padding);
        if key.is_empty() {
            return Err(KeyProblem::Empty);
        }
        match key
            .chars()
            .enumerate()
            .find(|(_, character)| !character.is_ascii_graphic())
        {
            Some((index, character)) => Err(KeyProblem::Unsendable {
                position: index + 1,
                character,
            }),
            None => Ok(Self(key.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Never prints the key.
impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

/// Copy-paste brings these along at either end of a key.
fn is_padding(character: char) -> bool {
    character.is_whitespace() || is_zero_width(character)
}

/// What a person should look for at a position of the key the API cannot
/// take. A key is ASCII, so anything else is named as it is; the contract's
/// words for the characters a field refuses would bring their table into the
/// first download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsendable {
    Space,
    NoBreakSpace,
    ZeroWidth,
    Whitespace,
    Control,
    NonAscii,
}

impl Unsendable {
    pub fn of(character: char) -> Unsendable {
        match character {
            ' ' => Unsendable::Space,
            '\u{00A0}' | '\u{202F}' => Unsendable::NoBreakSpace,
            character if is_zero_width(character) => Unsendable::ZeroWidth,
            character if character.is_whitespace() => Unsendable::Whitespace,
            character if character.is_control() => Unsendable::Control,
            _ => Unsendable::NonAscii,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_invisible_characters_around_the_key_are_dropped() {
        for typed in [
            "  isao_demo_rw\n",
            "\u{00A0}isao_demo_rw\u{00A0}",
            "\u{200B}isao_demo_rw\u{FEFF}",
            "\t\u{2060}isao_demo_rw\u{200D} ",
        ] {
            assert_eq!(ApiKey::parse(typed).unwrap().as_str(), "isao_demo_rw");
        }
    }

    #[test]
    fn a_blank_key_is_empty() {
        assert_eq!(ApiKey::parse(""), Err(KeyProblem::Empty));
        assert_eq!(ApiKey::parse(" \u{200B}\u{00A0} "), Err(KeyProblem::Empty));
    }

    #[test]
    fn a_character_inside_the_key_that_no_header_can_carry_is_named_with_its_position() {
        let problem = ApiKey::parse("isao\u{200B}_demo").unwrap_err();
        assert_eq!(
            problem,
            KeyProblem::Unsendable {
                position: 5,
                character: '\u{200B}'
            }
        );
        for (character, kind) in [
            ('\u{200B}', Unsendable::ZeroWidth),
            ('к', Unsendable::NonAscii),
            ('\u{00A0}', Unsendable::NoBreakSpace),
            (' ', Unsendable::Space),
            ('\u{7}', Unsendable::Control),
            ('\u{2003}', Unsendable::Whitespace),
        ] {
            assert_eq!(Unsendable::of(character), kind, "{character:?}");
        }
    }

    #[test]
    fn every_visible_ascii_character_is_accepted() {
        let every: String = ('!'..='~').collect();
        assert_eq!(ApiKey::parse(&every).unwrap().as_str(), every);
    }

    #[test]
    fn debug_output_never_contains_the_key() {
        let key = ApiKey::parse("isao_secret").unwrap();
        assert!(!format!("{key:?}").contains("isao_secret"));
    }
}
