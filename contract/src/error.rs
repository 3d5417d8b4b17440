use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Index;

use crate::object_reader::{read_member, required};

/// Messages per field, keyed by the field's name in JSON (or the query
/// parameter's), in the order the rules were checked. A list, not a map: an
/// answer names a handful of fields at most, and a `BTreeMap`'s code cost the
/// widget's download 3 KB gzip.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps a field's first message: the first rule it breaks is the one to
    /// fix first, and later ones often follow from it.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        if !self.contains(field) {
            self.0.push((field.to_owned(), message.into()));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn contains(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(name, _)| name.as_str())
    }

    /// Each field with its message.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, message)| (name.as_str(), message.as_str()))
    }
}

impl<const N: usize> From<[(&str, String); N]> for FieldErrors {
    fn from(pairs: [(&str, String); N]) -> Self {
        let mut errors = Self::new();
        for (field, message) in pairs {
            errors.add(field, message);
        }
        errors
    }
}

/// `errors["title"]`, like a map's, for tests: panics when the field has no message.
impl Index<&str> for FieldErrors {
    type Output = String;

    fn index(&self, field: &str) -> &String {
        match self.0.iter().find(|(name, _)| name == field) {
            Some((_, message)) => message,
            None => panic!("no message for the field {field}"),
        }
    }
}

/// A JSON object, as the seed's `details` is.
impl Serialize for FieldErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, message) in &self.0 {
            map.serialize_entry(field, message)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FieldErrors {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldErrorsVisitor;

        impl<'de> Visitor<'de> for FieldErrorsVisitor {
            type Value = FieldErrors;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an object of messages by field")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldErrors, A::Error> {
                let mut errors = FieldErrors::new();
                while let Some((field, message)) = map.next_entry::<String, String>()? {
                    errors.add(&field, message);
                }
                Ok(errors)
            }
        }

        deserializer.deserialize_map(FieldErrorsVisitor)
    }
}

/// The 400 of a create whose `contactId` names no contact of the company.
pub const CONTACT_NOT_FOUND: &str = "Contact not found or does not belong to your company";
/// The 400 of a create whose `assignedToId` names no user of the company.
pub const USER_NOT_FOUND: &str = "User not found or does not belong to your company";

/// Every error the API answers with: `{"success": false, "error": …}` plus the
/// members that the kind of error carries (see the seed's "Error Handling").
/// Read by hand (below), as [`crate::Deal`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub success: bool,
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_permission: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_permissions: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<FieldErrors>,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum ErrorBodyField {
    Success,
    Error,
    Message,
    RequiredPermission,
    AvailablePermissions,
    Details,
    #[serde(other)]
    Unknown,
}

struct ErrorBodyVisitor;

impl<'de> Visitor<'de> for ErrorBodyVisitor {
    type Value = ErrorBody;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("struct ErrorBody")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorBody, A::Error> {
        let (mut success, mut error, mut message) = (None, None, None);
        let (mut required_permission, mut available_permissions, mut details) = (None, None, None);
        while let Some(field) = map.next_key()? {
            let map = &mut map;
            match field {
                ErrorBodyField::Success => read_member(map, &mut success, "success")?,
                ErrorBodyField::Error => read_member(map, &mut error, "error")?,
                ErrorBodyField::Message => read_member(map, &mut message, "message")?,
                ErrorBodyField::RequiredPermission => {
                    read_member(map, &mut required_permission, "requiredPermission")?
                }
                ErrorBodyField::AvailablePermissions => {
                    read_member(map, &mut available_permissions, "availablePermissions")?
                }
                ErrorBodyField::Details => read_member(map, &mut details, "details")?,
                ErrorBodyField::Unknown => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ErrorBody {
            success: required(success, "success")?,
            error: required(error, "error")?,
            message: message.flatten(),
            required_permission: required_permission.flatten(),
            available_permissions: available_permissions.flatten(),
            details: details.flatten(),
        })
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ErrorBodyVisitor)
    }
}

impl ErrorBody {
    /// An error that is only a sentence, like 404's `Deal not found`.
    pub fn plain(error: impl Into<String>) -> Self {
        Self {
            success: false,
            error: error.into(),
            message: None,
            required_permission: None,
            available_permissions: None,
            details: None,
        }
    }

    pub fn with_message(error: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..Self::plain(error)
        }
    }

    /// The 422 answer: every broken rule at once.
    pub fn validation(details: FieldErrors) -> Self {
        Self {
            details: Some(details),
            ..Self::plain("Validation failed")
        }
    }

    /// The 403 answer for a key that lacks `required`.
    pub fn permission_denied(required: &str, available: Vec<String>) -> Self {
        Self {
            message: Some(format!(
                "This API key does not have the required permission: {required}"
            )),
            required_permission: Some(required.to_owned()),
            available_permissions: Some(available),
            ..Self::plain(format!("Permission denied: {required} required"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn permission_denied_is_the_seeds_403_body() {
        let body = ErrorBody::permission_denied(
            "deals:read",
            vec!["contacts:read".into(), "contacts:write".into()],
        );
        assert_eq!(
            serde_json::to_value(body).unwrap(),
            json!({
                "success": false,
                "error": "Permission denied: deals:read required",
                "message": "This API key does not have the required permission: deals:read",
                "requiredPermission": "deals:read",
                "availablePermissions": ["contacts:read", "contacts:write"]
            })
        );
    }

    #[test]
    fn validation_is_the_seeds_422_body() {
        let details = FieldErrors::from([
            ("title", "Title is required".to_owned()),
            ("value", "Value must be a positive number".to_owned()),
        ]);
        assert_eq!(
            serde_json::to_value(ErrorBody::validation(details)).unwrap(),
            json!({
                "success": false,
                "error": "Validation failed",
                "details": {"title": "Title is required", "value": "Value must be a positive number"}
            })
        );
    }

    #[test]
    fn a_field_keeps_its_first_message() {
        let mut errors = FieldErrors::new();
        errors.add("value", "Value is required");
        errors.add("title", "Title is required");
        errors.add("value", "Value must be a positive number");
        assert_eq!(errors.len(), 2);
        assert_eq!(errors.get("value"), Some("Value is required"));
        assert_eq!(errors.fields().collect::<Vec<_>>(), ["value", "title"]);
        assert_eq!(errors.get("stage"), None);
    }

    #[test]
    fn details_are_read_from_a_json_object_and_only_from_one() {
        let details: FieldErrors = serde_json::from_value(json!({
            "title": "Title is required",
            "currency": "Currency must be a 3-letter code such as EUR"
        }))
        .unwrap();
        assert_eq!(
            details.iter().collect::<Vec<_>>(),
            [
                ("currency", "Currency must be a 3-letter code such as EUR"),
                ("title", "Title is required")
            ]
        );
        assert_eq!(
            serde_json::to_value(&details).unwrap(),
            json!({"title": "Title is required", "currency": "Currency must be a 3-letter code such as EUR"})
        );
        assert!(serde_json::from_value::<FieldErrors>(json!(["title"])).is_err());
        assert!(serde_json::from_value::<FieldErrors>(json!({"title": 1})).is_err());
    }

    // Guards the hand-written reader: `null` as absent, unknown members
    // skipped, a missing or repeated member refused, as serde derives it.
    #[test]
    fn an_error_body_is_read_as_the_derived_reader_read_it() {
        let body: ErrorBody = serde_json::from_value(json!({
            "error": "Permission denied: deals:read required",
            "availablePermissions": ["contacts:read"],
            "message": null,
            "retryAfter": {"seconds": 3},
            "details": {"title": "Title is required"},
            "requiredPermission": "deals:read",
            "success": false
        }))
        .unwrap();
        assert_eq!(
            body,
            ErrorBody {
                message: None,
                required_permission: Some("deals:read".into()),
                available_permissions: Some(vec!["contacts:read".into()]),
                details: Some(FieldErrors::from([(
                    "title",
                    "Title is required".to_owned()
                )])),
                ..ErrorBody::plain("Permission denied: deals:read required")
            }
        );
        let missing = serde_json::from_value::<ErrorBody>(json!({"error": "Deal not found"}));
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `success`"));
        let repeated =
            serde_json::from_str::<ErrorBody>(r#"{"success": false, "error": "a", "error": "b"}"#);
        assert!(repeated
            .unwrap_err()
            .to_string()
            .contains("duplicate field `error`"));
    }

    #[test]
    fn reads_the_seeds_401_body() {
        let body: ErrorBody = serde_json::from_value(json!({
            "success": false,
            "error": "API key required in Authorization header",
            "message": "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY"
        }))
        .unwrap();
        assert_eq!(body.error, "API key required in Authorization header");
        assert!(body.message.unwrap().starts_with("Please provide"));
    }
}
