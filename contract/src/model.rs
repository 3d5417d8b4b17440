use chrono::{DateTime, Utc};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use crate::object_reader::{read_member, required};
use crate::timestamp;

/// Where a deal stands: the seed's "Deal Status Values".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

impl DealStatus {
    pub const ALL: [DealStatus; 3] = [DealStatus::Open, DealStatus::Won, DealStatus::Lost];

    pub fn as_str(self) -> &'static str {
        match self {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        }
    }

    /// Won and lost deals are closed: they carry an actual close date.
    pub fn is_closed(self) -> bool {
        self != DealStatus::Open
    }
}

impl FromStr for DealStatus {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or(())
    }
}

impl fmt::Display for DealStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The pipeline's stages in order, as the seed's examples name them. A deal
/// may carry any other stage too: these are the ones known in advance.
pub const PIPELINE_STAGES: [&str; 7] = [
    "discovery",
    "qualification",
    "proposal",
    "negotiation",
    "contract-review",
    "closed-won",
    "closed-lost",
];

/// The seed's "Priority Values"; `medium` when a deal is created without one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    #[default]
    Medium,
    High,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Low, Priority::Medium, Priority::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }
}

impl FromStr for Priority {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        Self::ALL
            .into_iter()
            .find(|priority| priority.as_str() == text)
            .ok_or(())
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The contact a deal is linked to, as nested in a deal. Read by hand, as
/// [`Deal`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub current_company: Option<String>,
}

/// The user a deal is assigned to, as nested in a deal. Read by hand, as
/// [`Deal`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
}

/// The seed's "Deal Object Structure". Optional members are written as `null`
/// and read when absent too (the seed's create answer omits `actualCloseDate`).
/// Read by hand (below): the derived reader would also read a deal written
/// as a JSON array, which the API never sends, and that second reader is
/// the largest part of the widget's deal reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deal {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub value: f64,
    pub currency: String,
    #[serde(default)]
    pub stage: Option<String>,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default, serialize_with = "percent_as_written")]
    pub probability: Option<f64>,
    pub status: DealStatus,
    #[serde(default, with = "timestamp::option")]
    pub expected_close_date: Option<DateTime<Utc>>,
    #[serde(default, with = "timestamp::option")]
    pub actual_close_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub assigned_to: Option<User>,
    #[serde(with = "timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "timestamp")]
    pub updated_at: DateTime<Utc>,
}

impl Deal {
    /// Puts this deal, as the API answered it last, in place of its earlier
    /// version in `shown`, if `shown` has it; nothing else moves.
    pub fn replace_in(&self, shown: &mut [Deal]) {
        if let Some(earlier) = shown.iter_mut().find(|earlier| earlier.id == self.id) {
            *earlier = self.clone();
        }
    }
}

/// Probabilities are percentages, written `75` rather than `75.0` as the seed does.
fn percent_as_written<S: serde::Serializer>(
    percent: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match percent {
        Some(whole) if whole.fract() == 0.0 && (0.0..=100.0).contains(whole) => {
            serializer.serialize_some(&(*whole as u8))
        }
        other => other.serialize(serializer),
    }
}

/// The members of a deal, by their JSON names.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum DealField {
    Id,
    Title,
    Description,
    Value,
    Currency,
    Stage,
    Priority,
    Probability,
    Status,
    ExpectedCloseDate,
    ActualCloseDate,
    Source,
    Contact,
    AssignedTo,
    CreatedAt,
    UpdatedAt,
    #[serde(other)]
    Unknown,
}

/// An instant as [`timestamp`] reads it.
struct Instant(DateTime<Utc>);

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        timestamp::deserialize(deserializer).map(Instant)
    }
}

/// A nullable instant as [`timestamp::option`] reads it.
struct MaybeInstant(Option<DateTime<Utc>>);

impl<'de> Deserialize<'de> for MaybeInstant {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        timestamp::option::deserialize(deserializer).map(MaybeInstant)
    }
}

struct DealVisitor;

impl<'de> Visitor<'de> for DealVisitor {
    type Value = Deal;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct Deal")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Deal, A::Error> {
        let (mut id, mut title, mut description, mut value, mut currency) =
            (None, None, None, None, None);
        let (mut stage, mut priority, mut probability, mut status) = (None, None, None, None);
        let (mut expected_close_date, mut actual_close_date, mut source) = (None, None, None);
        let (mut contact, mut assigned_to, mut created_at, mut updated_at) =
            (None, None, None, None);
        while let Some(field) = map.next_key()? {
            let map = &mut map;
            match field {
                DealField::Id => read_member(map, &mut id, "id")?,
                DealField::Title => read_member(map, &mut title, "title")?,
                DealField::Description => read_member(map, &mut description, "description")?,
                DealField::Value => read_member(map, &mut value, "value")?,
                DealField::Currency => read_member(map, &mut currency, "currency")?,
                DealField::Stage => read_member(map, &mut stage, "stage")?,
                DealField::Priority => read_member(map, &mut priority, "priority")?,
                DealField::Probability => read_member(map, &mut probability, "probability")?,
                DealField::Status => read_member(map, &mut status, "status")?,
                DealField::ExpectedCloseDate => read_member::<_, MaybeInstant>(
                    map,
                    &mut expected_close_date,
                    "expectedCloseDate",
                )?,
                DealField::ActualCloseDate => {
                    read_member::<_, MaybeInstant>(map, &mut actual_close_date, "actualCloseDate")?
                }
                DealField::Source => read_member(map, &mut source, "source")?,
                DealField::Contact => read_member(map, &mut contact, "contact")?,
                DealField::AssignedTo => read_member(map, &mut assigned_to, "assignedTo")?,
                DealField::CreatedAt => {
                    read_member::<_, Instant>(map, &mut created_at, "createdAt")?
                }
                DealField::UpdatedAt => {
                    read_member::<_, Instant>(map, &mut updated_at, "updatedAt")?
                }
                DealField::Unknown => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Deal {
            id: required(id, "id")?,
            title: required(title, "title")?,
            description: description.flatten(),
            value: required(value, "value")?,
            currency: required(currency, "currency")?,
            stage: stage.flatten(),
            priority: priority.unwrap_or_default(),
            probability: probability.flatten(),
            status: required(status, "status")?,
            expected_close_date: expected_close_date.and_then(|MaybeInstant(instant)| instant),
            actual_close_date: actual_close_date.and_then(|MaybeInstant(instant)| instant),
            source: source.flatten(),
            contact: contact.flatten(),
            assigned_to: assigned_to.flatten(),
            created_at: required(created_at, "createdAt")?.0,
            updated_at: required(updated_at, "updatedAt")?.0,
        })
    }
}

impl<'de> Deserialize<'de> for Deal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DealVisitor)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum PersonField {
    Id,
    Name,
    Email,
    PhoneNumber,
    CurrentCompany,
    #[serde(other)]
    Unknown,
}

/// A contact or a user: the same members, the user without a phone or company.
struct PersonVisitor<T>(fn(Person) -> T, &'static str);

/// The members of a contact or user as read.
struct Person {
    id: String,
    name: String,
    email: Option<String>,
    phone_number: Option<String>,
    current_company: Option<String>,
}

impl<'de, T> Visitor<'de> for PersonVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.1)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let (mut id, mut name, mut email) = (None, None, None);
        let (mut phone_number, mut current_company) = (None, None);
        let is_contact = self.1 == "struct Contact";
        while let Some(field) = map.next_key()? {
            let map = &mut map;
            match field {
                PersonField::Id => read_member(map, &mut id, "id")?,
                PersonField::Name => read_member(map, &mut name, "name")?,
                PersonField::Email => read_member(map, &mut email, "email")?,
                PersonField::PhoneNumber if is_contact => {
                    read_member(map, &mut phone_number, "phoneNumber")?
                }
                PersonField::CurrentCompany if is_contact => {
                    read_member(map, &mut current_company, "currentCompany")?
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(self.0(Person {
            id: required(id, "id")?,
            name: required(name, "name")?,
            email: email.flatten(),
            phone_number: phone_number.flatten(),
            current_company: current_company.flatten(),
        }))
    }
}

impl<'de> Deserialize<'de> for Contact {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let contact = |person: Person| Contact {
            id: person.id,
            name: person.name,
            email: person.email,
            phone_number: person.phone_number,
            current_company: person.current_company,
        };
        deserializer.deserialize_map(PersonVisitor(contact, "struct Contact"))
    }
}

impl<'de> Deserialize<'de> for User {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let user = |person: Person| User {
            id: person.id,
            name: person.name,
            email: person.email,
        };
        deserializer.deserialize_map(PersonVisitor(user, "struct User"))
    }
}

impl Deal {
    /// Value × probability / 100: what the deal is worth to a forecast.
    /// A deal without a probability counts for nothing there.
    pub fn weighted_value(&self) -> f64 {
        self.value * self.probability.unwrap_or(0.0) / 100.0
    }
}

/// `{"success": true, "data": …}`: the answer of every single-object endpoint.
/// Read by hand, as [`Deal`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Envelope<T> {
    pub success: bool,
    pub data: T,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum AnswerField {
    Success,
    Data,
    Meta,
    #[serde(other)]
    Unknown,
}

/// The members of an answer: an [`Envelope`]'s, and a [`Page`]'s with its
/// `meta` (a page without one is refused by [`Page`]'s reader).
struct Answer<T> {
    success: bool,
    data: T,
    meta: Option<PageMeta>,
}

/// Reads an [`Answer`]; `with_meta` tells whether a `meta` member is read or
/// ignored, as the reader of a type without one ignores it.
struct AnswerVisitor<T> {
    with_meta: bool,
    name: &'static str,
    data: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AnswerVisitor<T> {
    type Value = Answer<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer<T>, A::Error> {
        let (mut success, mut data, mut meta) = (None, None, None);
        while let Some(field) = map.next_key()? {
            let map = &mut map;
            match field {
                AnswerField::Success => read_member(map, &mut success, "success")?,
                AnswerField::Data => read_member(map, &mut data, "data")?,
                AnswerField::Meta if self.with_meta => read_member(map, &mut meta, "meta")?,
                AnswerField::Meta | AnswerField::Unknown => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Answer {
            success: required(success, "success")?,
            data: required(data, "data")?,
            meta,
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let answer = deserializer.deserialize_map(AnswerVisitor {
            with_meta: false,
            name: "struct Envelope",
            data: PhantomData,
        })?;
        Ok(Envelope {
            success: answer.success,
            data: answer.data,
        })
    }
}

impl<T> Envelope<T> {
    pub fn new(data: T) -> Self {
        Self {
            success: true,
            data,
        }
    }
}

/// Where a page of a list stands in the whole. Read by hand, as [`Deal`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageMeta {
    pub page: u32,
    pub limit: u32,
    pub total: u64,
    pub total_pages: u64,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum PageMetaField {
    Page,
    Limit,
    Total,
    TotalPages,
    #[serde(other)]
    Unknown,
}

struct PageMetaVisitor;

impl<'de> Visitor<'de> for PageMetaVisitor {
    type Value = PageMeta;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct PageMeta")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageMeta, A::Error> {
        let (mut page, mut limit, mut total, mut total_pages) = (None, None, None, None);
        while let Some(field) = map.next_key()? {
            let map = &mut map;
            match field {
                PageMetaField::Page => read_member(map, &mut page, "page")?,
                PageMetaField::Limit => read_member(map, &mut limit, "limit")?,
                PageMetaField::Total => read_member(map, &mut total, "total")?,
                PageMetaField::TotalPages => read_member(map, &mut total_pages, "totalPages")?,
                PageMetaField::Unknown => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(PageMeta {
            page: required(page, "page")?,
            limit: required(limit, "limit")?,
            total: required(total, "total")?,
            total_pages: required(total_pages, "totalPages")?,
        })
    }
}

impl<'de> Deserialize<'de> for PageMeta {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageMetaVisitor)
    }
}

impl PageMeta {
    pub fn new(page: u32, limit: u32, total: u64) -> Self {
        Self {
            page,
            limit,
            total,
            total_pages: total.div_ceil(u64::from(limit.max(1))),
        }
    }
}

/// The answer of `GET /deals`. Read by hand, as [`Deal`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    pub success: bool,
    pub data: Vec<T>,
    pub meta: PageMeta,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let answer = deserializer.deserialize_map(AnswerVisitor {
            with_meta: true,
            name: "struct Page",
            data: PhantomData,
        })?;
        Ok(Page {
            success: answer.success,
            data: answer.data,
            meta: required(answer.meta, "meta")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_DEAL: &str = r#"{
        "id": "deal_123",
        "title": "Enterprise Software License",
        "description": "Annual software license for 500 users",
        "value": 50000.00,
        "currency": "EUR",
        "stage": "negotiation",
        "priority": "high",
        "probability": 75,
        "status": "open",
        "expectedCloseDate": "2024-12-15T00:00:00.000Z",
        "actualCloseDate": null,
        "source": "website",
        "contact": {
            "id": "contact_456",
            "name": "John Smith",
            "email": "john@techcorp.com",
            "phoneNumber": "+33123456789",
            "currentCompany": "Tech Corp"
        },
        "assignedTo": {"id": "user_789", "name": "Sales Rep", "email": "sales@isao.io"},
        "createdAt": "2024-11-01T10:30:00.000Z",
        "updatedAt": "2024-11-08T09:15:00.000Z"
    }"#;

    #[test]
    fn a_newer_version_replaces_its_deal_in_place_and_nothing_else() {
        let seed: Deal = serde_json::from_str(SEED_DEAL).unwrap();
        let other = Deal {
            id: "deal_456".to_owned(),
            ..seed.clone()
        };
        let mut shown = vec![other.clone(), seed.clone()];
        let newer = Deal {
            stage: Some("closed-won".to_owned()),
            ..seed.clone()
        };
        newer.replace_in(&mut shown);
        assert_eq!(shown, vec![other.clone(), newer]);
        let unknown = Deal {
            id: "deal_789".to_owned(),
            ..seed
        };
        unknown.replace_in(&mut shown);
        assert_eq!(shown.len(), 2);
        assert!(!shown.contains(&unknown));
        assert_eq!(shown[0], other);
    }

    #[test]
    fn the_seed_deal_round_trips_unchanged() {
        let deal: Deal = serde_json::from_str(SEED_DEAL).unwrap();
        assert_eq!(deal.priority, Priority::High);
        assert_eq!(
            deal.contact.as_ref().unwrap().phone_number.as_deref(),
            Some("+33123456789")
        );
        let written = serde_json::to_value(&deal).unwrap();
        let original: serde_json::Value = serde_json::from_str(SEED_DEAL).unwrap();
        assert_eq!(written, original);
    }

    #[test]
    fn the_seeds_create_answer_without_actual_close_date_is_read() {
        let body = r#"{"success": true, "data": {
            "id": "deal_789", "title": "Website Redesign Project", "value": 25000,
            "currency": "EUR", "stage": "proposal", "priority": "medium", "probability": 60,
            "status": "open", "expectedCloseDate": "2024-12-30T00:00:00.000Z",
            "description": "Complete website redesign and development", "source": "website",
            "contact": {"id": "contact_456", "name": "John Smith", "email": "john@techcorp.com",
                        "phoneNumber": "+33123456789", "currentCompany": "Tech Corp"},
            "assignedTo": null,
            "createdAt": "2024-11-08T10:30:00.000Z", "updatedAt": "2024-11-08T10:30:00.000Z"}}"#;
        let envelope: Envelope<Deal> = serde_json::from_str(body).unwrap();
        assert_eq!(envelope.data.actual_close_date, None);
        assert_eq!(envelope.data.assigned_to, None);
        assert_eq!(envelope.data.value, 25000.0);
    }

    // Guards the hand-written reader: unknown members skipped, nulls read as
    // absent, a missing or repeated member refused with its JSON name.
    #[test]
    fn a_deal_is_read_as_the_derived_reader_read_it() {
        let mut deal: serde_json::Value = serde_json::from_str(SEED_DEAL).unwrap();
        deal["somethingNew"] = serde_json::json!({"nested": [1, 2]});
        deal["contact"] = serde_json::Value::Null;
        deal["expectedCloseDate"] = serde_json::Value::Null;
        deal.as_object_mut().unwrap().remove("priority");
        let read: Deal = serde_json::from_value(deal.clone()).unwrap();
        assert_eq!(read.contact, None);
        assert_eq!(read.expected_close_date, None);
        assert_eq!(read.priority, Priority::Medium);
        assert_eq!(read.title, "Enterprise Software License");

        deal.as_object_mut().unwrap().remove("updatedAt");
        let missing = serde_json::from_value::<Deal>(deal).unwrap_err();
        assert!(missing.to_string().contains("missing field `updatedAt`"));

        let repeated = SEED_DEAL.replacen(r#""title""#, r#""title": "Again", "title""#, 1);
        let error = serde_json::from_str::<Deal>(&repeated).unwrap_err();
        assert!(error.to_string().contains("duplicate field `title`"));
    }

    // Guards the hand-written readers of a page and an envelope: members in
    // any order, unknown ones skipped, a missing or repeated one refused, and
    // an envelope's stray `meta` ignored.
    #[test]
    fn a_page_and_an_envelope_are_read_as_the_derived_readers_read_them() {
        let page = format!(
            r#"{{"meta": {{"page": 2, "limit": 1, "total": 3, "totalPages": 3}}, "extra": [1],
                "data": [{SEED_DEAL}], "success": true}}"#
        );
        let read: Page<Deal> = serde_json::from_str(&page).unwrap();
        assert_eq!(read.meta, PageMeta::new(2, 1, 3));
        assert_eq!(read.data[0].title, "Enterprise Software License");
        assert!(read.success);
        let error =
            serde_json::from_str::<Page<Deal>>(r#"{"success": true, "data": []}"#).unwrap_err();
        assert!(error.to_string().contains("missing field `meta`"));
        let error = serde_json::from_str::<Page<Deal>>(&page.replacen(
            r#""success""#,
            r#""data": [], "success""#,
            1,
        ))
        .unwrap_err();
        assert!(error.to_string().contains("duplicate field `data`"));

        let envelope =
            format!(r#"{{"success": true, "meta": "not a page's", "data": {SEED_DEAL}}}"#);
        let read: Envelope<Deal> = serde_json::from_str(&envelope).unwrap();
        assert_eq!(read.data.id, "deal_123");
        let error = serde_json::from_str::<Envelope<Deal>>(r#"{"data": null}"#).unwrap_err();
        assert!(error.to_string().contains("invalid type: null"));
        let error = serde_json::from_str::<Envelope<u8>>(r#"{"data": 1}"#).unwrap_err();
        assert!(error.to_string().contains("missing field `success`"));
    }

    #[test]
    fn page_meta_counts_pages_rounding_up() {
        assert_eq!(PageMeta::new(1, 10, 1).total_pages, 1);
        assert_eq!(PageMeta::new(1, 50, 250).total_pages, 5);
        assert_eq!(PageMeta::new(1, 50, 251).total_pages, 6);
        assert_eq!(PageMeta::new(1, 50, 0).total_pages, 0);
    }

    #[test]
    fn weighted_value_uses_probability_as_percent() {
        let deal: Deal = serde_json::from_str(SEED_DEAL).unwrap();
        assert_eq!(deal.weighted_value(), 37500.0);
    }
}
