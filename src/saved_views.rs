//! Views the user saved: a name for what the list shows (filters, search,
//! sort, "Mine", the narrowing and the tab), kept per API base in the
//! browser's localStorage, where a colleague's link or another tab finds
//! them too. A view is kept as the page URL's parameters say it, so a view
//! and its link are one thing, and a view saved by another version reads
//! as the URL of that version would. A saved view changes only when the user
//! renames or deletes it: opening it never rewrites it. No DOM here but the
//! storage.

use serde::{Deserialize, Serialize};

use crate::storage_entry::{StorageEntry, WebStorage};
use crate::url_state::Shown;

/// The views' entry, per API base.
const WHAT: &str = "saved-views";

/// One saved view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    /// The widget's parameters without its prefix, as the page URL writes
    /// them: `status=open&sort=-value`.
    pub params: String,
}

impl SavedView {
    pub fn new(name: &str, shown: &Shown) -> Self {
        let params = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(shown.params())
            .finish();
        Self {
            name: name.to_owned(),
            params,
        }
    }

    /// What the view shows, on the first page of the list screen.
    pub fn shown(&self) -> Shown {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(self.params.as_bytes())
            .into_owned()
            .collect();
        Shown::from_params(|name| {
            pairs
                .iter()
                .find(|(each, _)| each == name)
                .map(|(_, value)| value.clone())
        })
    }
}

/// Why a name cannot be given to a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing but spaces.
    Missing,
    /// Another view has that name (ASCII case aside).
    Taken,
}

/// The saved views, in the order they were saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedViews(Vec<SavedView>);

impl SavedViews {
    /// The views kept as `json`; none when it does not read.
    pub fn read(json: &str) -> Self {
        // From bytes: the reader the widget already has for the API's
        // answers, rather than a second one for `&str`.
        Self(serde_json::from_slice(json.as_bytes()).unwrap_or_default())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    pub fn iter(&self) -> impl Iterator<Item = &SavedView> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Saves `shown` as a new view named `name` (trimmed).
    pub fn save(&mut self, name: &str, shown: &Shown) -> Result<(), NameProblem> {
        let name = self.free_name(name, None)?;
        self.0.push(SavedView::new(name, shown));
        Ok(())
    }

    /// Gives the view named `from` the name `to` (trimmed); what it shows is
    /// left as it was.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), NameProblem> {
        let to = self.free_name(to, Some(from))?.to_owned();
        if let Some(view) = self.0.iter_mut().find(|view| view.name == from) {
            view.name = to;
        }
        Ok(())
    }

    pub fn delete(&mut self, name: &str) {
        self.0.retain(|view| view.name != name);
    }

    /// `name` trimmed, if no view but `renamed` has it.
    fn free_name<'a>(&self, name: &'a str, renamed: Option<&str>) -> Result<&'a str, NameProblem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(NameProblem::Missing);
        }
        let taken = self.0.iter().any(|view| {
            Some(view.name.as_str()) != renamed && view.name.eq_ignore_ascii_case(name)
        });
        if taken {
            Err(NameProblem::Taken)
        } else {
            Ok(name)
        }
    }
}

/// The saved views of one API base, in localStorage.
pub struct ViewStore(StorageEntry);

impl ViewStore {
    pub fn new(api_base: &str) -> Self {
        Self(StorageEntry::new(WebStorage::Local, WHAT, api_base))
    }

    pub fn load(&self) -> SavedViews {
        self.0
            .read()
            .map(|json| SavedViews::read(&json))
            .unwrap_or_default()
    }

    pub fn keep(&self, views: &SavedViews) {
        if views.is_empty() {
            self.0.remove();
        } else {
            self.0.write(&views.to_json());
        }
    }

    /// Whether views can be kept past this page: the page may use
    /// localStorage.
    pub fn is_usable(&self) -> bool {
        self.0.is_usable()
    }
}

/// The stage `shown` filters by, when it is none of `stages`: a stage that no
/// longer exists, which the view still filters by, and says so.
pub fn unknown_stage<'a>(shown: &'a Shown, stages: &[String]) -> Option<&'a str> {
    shown
        .query
        .stage
        .as_deref()
        .filter(|stage| !stages.iter().any(|known| known == stage))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deal_sort::SortOrder;
    use crate::url_state::DealsView;
    use deals_contract::DealStatus;

    fn everything() -> Shown {
        let mut shown = Shown {
            search: "Müller & Söhne".to_owned(),
            sort: SortOrder::parse("-value"),
            mine: true,
            idle: true,
            closing_this_month: true,
            view: DealsView::Board,
            ..Shown::default()
        };
        shown.query.status = Some(DealStatus::Open);
        shown.query.stage = Some("contract review".to_owned());
        shown.query.limit = 100;
        shown
    }

    // Guards: a view opens as it was saved, every part of it, and survives
    // being written to storage and read back.
    #[test]
    fn a_saved_view_reads_back_as_it_was_saved() {
        let mut views = SavedViews::default();
        views.save("  Big ones ", &everything()).unwrap();
        let read = SavedViews::read(&views.to_json());
        let view = read.iter().next().unwrap();
        assert_eq!(view.name, "Big ones");
        assert_eq!(view.shown(), everything());
        assert!(view.params.contains("sort=-value"), "{}", view.params);
        assert!(
            !view.params.contains("page="),
            "the first page is the default"
        );
    }

    // Guards: a view is kept as the URL says it, so a parameter of a newer
    // version (or a hand-edited value) is dropped, not the whole view.
    #[test]
    fn a_view_with_a_value_it_cannot_read_keeps_the_rest() {
        let view = SavedView {
            name: "Odd".to_owned(),
            params: "status=open&limit=9999&mine=yes&view=board&future=1".to_owned(),
        };
        let shown = view.shown();
        assert_eq!(shown.query.status, Some(DealStatus::Open));
        assert_eq!(shown.query.limit, Shown::default().query.limit);
        assert!(!shown.mine);
        assert_eq!(shown.view, DealsView::Board);
    }

    // Guards: a name is needed, and two views never share one (case aside);
    // a rename keeps what the view shows.
    #[test]
    fn names_are_needed_and_unique() {
        let mut views = SavedViews::default();
        assert_eq!(
            views.save("  ", &Shown::default()),
            Err(NameProblem::Missing)
        );
        views.save("Mine open", &Shown::default()).unwrap();
        views.save("Board", &everything()).unwrap();
        assert_eq!(
            views.save("mine OPEN", &Shown::default()),
            Err(NameProblem::Taken)
        );
        assert_eq!(views.rename("Board", "Mine open"), Err(NameProblem::Taken));
        assert_eq!(views.rename("Board", ""), Err(NameProblem::Missing));
        views.rename("Board", "board").unwrap();
        let renamed = views.iter().nth(1).unwrap();
        assert_eq!(renamed.name, "board");
        assert_eq!(renamed.shown(), everything());
        views.delete("Mine open");
        let names: Vec<&str> = views.iter().map(|view| view.name.as_str()).collect();
        assert_eq!(names, ["board"]);
    }

    // Guards: storage that holds something else reads as no views rather
    // than failing the menu.
    #[test]
    fn unreadable_storage_reads_as_no_views() {
        assert!(SavedViews::read("not json").is_empty());
        assert!(SavedViews::read("{\"name\":1}").is_empty());
    }

    // Guards: a view naming a stage no deal has any more says so.
    #[test]
    fn a_stage_that_is_gone_is_named() {
        let stages = ["discovery".to_owned(), "proposal".to_owned()];
        let mut shown = Shown::default();
        assert_eq!(unknown_stage(&shown, &stages), None);
        shown.query.stage = Some("proposal".to_owned());
        assert_eq!(unknown_stage(&shown, &stages), None);
        shown.query.stage = Some("legal".to_owned());
        assert_eq!(unknown_stage(&shown, &stages), Some("legal"));
    }
}
