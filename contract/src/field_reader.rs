//! Reading a JSON request body member by member, the way every body of the
//! API is checked: all broken fields reported at once, in the server's words.

use serde_json::{Map, Value};

use crate::text::{self, Lines};
use crate::FieldErrors;

/// Reads members of a JSON object, collecting one message per broken field.
pub(crate) struct FieldReader<'a> {
    pub(crate) fields: &'a Map<String, Value>,
    pub(crate) errors: &'a mut FieldErrors,
}

impl<'a> FieldReader<'a> {
    /// The member, unless it is absent or `null`.
    pub(crate) fn present(&self, name: &str) -> Option<&'a Value> {
        self.fields.get(name).filter(|value| !value.is_null())
    }

    /// A string member, trimmed; blank counts as absent. A member of another
    /// type is reported as `"<label> must be text"`.
    pub(crate) fn text(&mut self, name: &str, label: &str) -> Option<String> {
        match self.present(name)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            _ => {
                self.fail(name, format!("{label} must be text"));
                None
            }
        }
    }

    /// [`Self::text`], refused when longer than `max` characters.
    pub(crate) fn text_within(&mut self, name: &str, label: &str, max: usize) -> Option<String> {
        let text = self.text(name, label)?;
        if text.chars().count() > max {
            self.fail(name, format!("{label} must be at most {max} characters"));
            return None;
        }
        Some(text)
    }

    /// [`Self::text_within`], refused when it shows nothing or holds a
    /// character that this kind of field does not take (see `text`).
    pub(crate) fn visible_text(
        &mut self,
        name: &str,
        label: &str,
        max: usize,
        lines: Lines,
    ) -> Option<String> {
        let text = self.text_within(name, label, max)?;
        if let Some(problem) = text::problem(&text, label, lines) {
            self.fail(name, problem);
            return None;
        }
        Some(text)
    }

    /// The `probability` member: a percentage from 0 to 100.
    pub(crate) fn probability(&mut self) -> Option<f64> {
        match self.present("probability")?.as_f64() {
            Some(number) if (0.0..=100.0).contains(&number) => Some(number),
            _ => {
                self.fail("probability", "Probability must be a number from 0 to 100");
                None
            }
        }
    }

    pub(crate) fn has_failed(&self, name: &str) -> bool {
        self.errors.contains(name)
    }

    /// Every member whose name is not in `known` is reported as unknown: a
    /// misspelt field must not be dropped in silence.
    pub(crate) fn refuse_unknown(&mut self, known: &[&str]) {
        for name in self.fields.keys() {
            if !known.contains(&name.as_str()) {
                self.errors.add(name, "Unknown field");
            }
        }
    }

    pub(crate) fn fail(&mut self, name: &str, message: impl Into<String>) {
        self.errors.add(name, message);
    }
}
