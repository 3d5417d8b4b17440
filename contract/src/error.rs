use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Messages per field, keyed by the field's name in JSON (or the query parameter's).
pub type FieldErrors = BTreeMap<String, String>;

/// The 400 of a create whose `contactId` names no contact of the company.
pub const CONTACT_NOT_FOUND: &str = "Contact not found or does not belong to your company";
/// The 400 of a create whose `assignedToId` names no user of the company.
pub const USER_NOT_FOUND: &str = "User not found or does not belong to your company";

/// Every error the API answers with: `{"success": false, "error": …}` plus the
/// members that the kind of error carries (see the seed's "Error Handling").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
            ("title".to_owned(), "Title is required".to_owned()),
            (
                "value".to_owned(),
                "Value must be a positive number".to_owned(),
            ),
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
