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

/// What a person should look for at that position, in words. A key is
/// ASCII, so anything else is named as it is; the contract's words for the
/// characters a field refuses would bring their table into the first download.
fn kind_of(character: char) -> String {
    match character {
        ' ' => "a space".to_owned(),
        '\u{00A0}' | '\u{202F}' => "a no-break space".to_owned(),
        character if is_zero_width(character) => "an invisible zero-width character".to_owned(),
        character if character.is_whitespace() => "a whitespace character".to_owned(),
        character if character.is_control() => "a control character".to_owned(),
        character => format!("the non-ASCII character “{character}”"),
    }
}

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyProblem::Empty => f.write_str("Enter an API key."),
            KeyProblem::Unsendable {
                position,
                character,
            } => write!(
                f,
                "Character {position} of the key is {}: API keys contain only visible ASCII characters. Copy the key again.",
                kind_of(*character)
            ),
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
        assert_eq!(
            problem.to_string(),
            "Character 5 of the key is an invisible zero-width character: API keys contain only visible ASCII characters. Copy the key again."
        );
        assert!(ApiKey::parse("ключ")
            .unwrap_err()
            .to_string()
            .starts_with("Character 1 of the key is the non-ASCII character “к”"));
        assert!(ApiKey::parse("ab\u{00A0}cd")
            .unwrap_err()
            .to_string()
            .starts_with("Character 3 of the key is a no-break space"));
        assert!(ApiKey::parse("ab cd")
            .unwrap_err()
            .to_string()
            .starts_with("Character 3 of the key is a space"));
        assert!(ApiKey::parse("ab\u{7}cd")
            .unwrap_err()
            .to_string()
            .starts_with("Character 3 of the key is a control character"));
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
