//! The list's filters, search, sort, page and open deal in the page URL's query, so a view
//! can be bookmarked and shared. Each widget owns the parameters under its
//! own prefix (`deals.status=open`) and leaves the host page's alone. A
//! change of screen or view is a new entry of the page's history, so that
//! Back and Forward move between them; a change of filters replaces the
//! entry in force.

use deals_contract::{DealQuery, DEFAULT_LIMIT};

use crate::deal_sort::SortOrder;
use deals_i18n::Msg;
use web_sys::UrlSearchParams;

const QUERY_NAMES: [&str; 6] = [
    "page",
    "limit",
    "status",
    "stage",
    "createdSince",
    "updatedSince",
];
const DEAL_NAME: &str = "deal";
/// The words searched for: `deals.q=muller`.
const SEARCH_NAME: &str = "q";
/// The column the deals are sorted by: `deals.sort=-value`.
const SORT_NAME: &str = "sort";
/// Only the deals assigned to the user: `deals.mine=1`.
const MINE_NAME: &str = "mine";
/// Only the idle deals: `deals.idle=1`.
const IDLE_NAME: &str = "idle";
/// Only the open deals expected to close this month: `deals.closingThisMonth=1`.
const CLOSING_NAME: &str = "closingThisMonth";
const VIEW_NAME: &str = "view";
/// The screens other than the list and a deal: `deals.screen=new-deal`.
const SCREEN_NAME: &str = "screen";
const NEW_DEAL: &str = "new-deal";
const EXPORT: &str = "export";

/// How the deals that match the filters are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DealsView {
    #[default]
    List,
    Board,
    Forecast,
}

impl DealsView {
    pub const ALL: [DealsView; 3] = [DealsView::List, DealsView::Board, DealsView::Forecast];

    pub fn as_str(self) -> &'static str {
        match self {
            DealsView::List => "list",
            DealsView::Board => "board",
            DealsView::Forecast => "forecast",
        }
    }

    /// Its tab's name.
    pub fn label(self) -> Msg {
        match self {
            DealsView::List => Msg::ViewList,
            DealsView::Board => Msg::ViewBoard,
            DealsView::Forecast => Msg::ViewForecast,
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|view| view.as_str() == text)
    }
}

/// Which screen of the widget is showing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    List,
    Deal(String),
    NewDeal,
    /// Every deal the filters match, saved as a CSV file.
    Export,
}

impl Screen {
    pub fn deal_id(&self) -> Option<String> {
        match self {
            Screen::Deal(id) => Some(id.clone()),
            Screen::List | Screen::NewDeal | Screen::Export => None,
        }
    }
}

/// What the page URL says this widget shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub query: DealQuery,
    /// The words in the search box, as typed.
    pub search: String,
    pub sort: Option<SortOrder>,
    /// Only the deals assigned to the user.
    pub mine: bool,
    /// Only the open deals unchanged for the embedder's `idle-days`.
    pub idle: bool,
    /// Only the open deals expected to close in the user's current month.
    pub closing_this_month: bool,
    pub view: DealsView,
    pub screen: Screen,
}

impl Shown {
    /// The deals shown and how, as the value of each parameter `name`
    /// (without the widget's prefix) that `value_of` gives; the screen is the
    /// list. Values that do not read (a hand-edited URL, a view saved by
    /// another version) are dropped rather than refusing the rest.
    pub fn from_params(value_of: impl Fn(&str) -> Option<String>) -> Self {
        let pairs: Vec<(&str, String)> = QUERY_NAMES
            .iter()
            .filter_map(|name| value_of(name).map(|value| (*name, value)))
            .collect();
        let query = DealQuery::from_pairs(pairs.iter().cloned()).unwrap_or_else(|refused| {
            let readable = pairs
                .into_iter()
                .filter(|(name, _)| !refused.contains(name));
            DealQuery::from_pairs(readable).unwrap_or_default()
        });
        Self {
            query,
            search: value_of(SEARCH_NAME).unwrap_or_default(),
            sort: value_of(SORT_NAME).and_then(|sort| SortOrder::parse(&sort)),
            mine: value_of(MINE_NAME).as_deref() == Some("1"),
            idle: value_of(IDLE_NAME).as_deref() == Some("1"),
            closing_this_month: value_of(CLOSING_NAME).as_deref() == Some("1"),
            view: value_of(VIEW_NAME)
                .and_then(|view| DealsView::parse(&view))
                .unwrap_or_default(),
            screen: Screen::List,
        }
    }

    /// The parameters, without the widget's prefix, that say what
    /// [`Shown::from_params`] reads back, but the screen; values that are
    /// the default are left out.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let query = &self.query;
        let mut params: Vec<_> = query
            .to_pairs()
            .into_iter()
            .filter(|(name, _)| {
                !((*name == "page" && query.page == 1)
                    || (*name == "limit" && query.limit == DEFAULT_LIMIT))
            })
            .collect();
        if !self.search.trim().is_empty() {
            params.push((SEARCH_NAME, self.search.clone()));
        }
        if let Some(sort) = self.sort {
            params.push((SORT_NAME, sort.to_string()));
        }
        for (on, name) in [
            (self.mine, MINE_NAME),
            (self.idle, IDLE_NAME),
            (self.closing_this_month, CLOSING_NAME),
        ] {
            if on {
                params.push((name, "1".to_owned()));
            }
        }
        if self.view != DealsView::List {
            params.push((VIEW_NAME, self.view.as_str().to_owned()));
        }
        params
    }
}

/// How the page's history takes a change of what the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryStep {
    /// A new entry: another screen or view, which Back returns from.
    Push,
    /// The entry in force rewritten: the filters or the page changed.
    Replace,
}

impl HistoryStep {
    /// `None` when the URL already shows `after`.
    pub fn between(before: &Shown, after: &Shown) -> Option<Self> {
        if before == after {
            None
        } else if before.screen != after.screen || before.view != after.view {
            Some(HistoryStep::Push)
        } else {
            Some(HistoryStep::Replace)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlState {
    /// `None`: the embedder turned URL state off for this widget.
    prefix: Option<String>,
}

impl UrlState {
    pub fn new(prefix: Option<String>) -> Self {
        Self {
            prefix: prefix.filter(|prefix| !prefix.is_empty()),
        }
    }

    /// Whether this widget keeps its state in the page URL.
    pub fn is_on(&self) -> bool {
        self.prefix.is_some()
    }

    /// The query, view and open deal the page URL names. Parameters that do
    /// not read (a hand-edited URL) are dropped rather than refusing the view.
    pub fn read(&self) -> Shown {
        let Some(params) = self.params() else {
            return Shown::default();
        };
        let deal = params
            .get(&self.name(DEAL_NAME))
            .filter(|id| is_deal_id(id));
        let screen = match (deal, params.get(&self.name(SCREEN_NAME)).as_deref()) {
            (Some(deal), _) => Screen::Deal(deal),
            (None, Some(NEW_DEAL)) => Screen::NewDeal,
            (None, Some(EXPORT)) => Screen::Export,
            (None, _) => Screen::List,
        };
        Shown {
            screen,
            ..Shown::from_params(|name| params.get(&self.name(name)))
        }
    }

    /// Writes this widget's parameters into the page URL, as a new history
    /// entry or in place of the one in force.
    pub fn write(&self, shown: &Shown, step: HistoryStep) {
        let (Some(url), Some(window)) = (self.url_for(shown), web_sys::window()) else {
            return;
        };
        if let Ok(history) = window.history() {
            let state = wasm_bindgen::JsValue::NULL;
            let _ = match step {
                HistoryStep::Push => history.push_state_with_url(&state, "", Some(&url)),
                HistoryStep::Replace => history.replace_state_with_url(&state, "", Some(&url)),
            };
        }
    }

    /// Takes this widget's parameters out of the page URL, in place: a widget
    /// connected again starts from the list, not from the last deal open.
    pub fn clear(&self) {
        self.write(&Shown::default(), HistoryStep::Replace);
    }

    /// The page URL with this widget showing `shown`.
    pub fn url_for(&self, shown: &Shown) -> Option<String> {
        let screen = match shown.screen {
            Screen::NewDeal => Some(NEW_DEAL),
            Screen::Export => Some(EXPORT),
            Screen::List | Screen::Deal(_) => None,
        };
        let page = self.page_url(shown, screen)?;
        Some(match &shown.screen {
            Screen::Deal(deal) => page.with_deal(deal),
            _ => page.url(),
        })
    }

    /// The links of the rows or cards of the list or view `shown`, so each
    /// can be opened in a new tab too.
    pub fn deal_links(&self, shown: &Shown) -> DealLinks {
        DealLinks(self.page_url(shown, None))
    }

    /// The page URL with this widget showing the deals of `shown`, no deal
    /// open, and the `screen` named if any; `None` where URL state is off.
    fn page_url(&self, shown: &Shown, screen: Option<&str>) -> Option<PageUrl> {
        let prefix = self.prefix.as_ref()?;
        let location = web_sys::window()?.location();
        let params = self.params()?;
        for name in QUERY_NAMES.iter().chain(&[
            SEARCH_NAME,
            SORT_NAME,
            MINE_NAME,
            IDLE_NAME,
            CLOSING_NAME,
            DEAL_NAME,
            VIEW_NAME,
            SCREEN_NAME,
        ]) {
            params.delete(&format!("{prefix}.{name}"));
        }
        for (name, value) in shown.params() {
            params.append(&self.name(name), &value);
        }
        if let Some(screen) = screen {
            params.append(&self.name(SCREEN_NAME), screen);
        }
        Some(PageUrl::new(
            &location.pathname().ok()?,
            &String::from(params.to_string()),
            &self.name(DEAL_NAME),
            location.hash().unwrap_or_default(),
        ))
    }

    fn params(&self) -> Option<UrlSearchParams> {
        self.prefix.as_ref()?;
        let search = web_sys::window()?.location().search().ok()?;
        UrlSearchParams::new_with_str(&search).ok()
    }

    fn name(&self, name: &str) -> String {
        format!("{}.{name}", self.prefix.as_deref().unwrap_or_default())
    }
}

/// The page URL for each deal of one list page or board. They differ only in
/// the deal, so the page URL is read and its parameters rewritten once for
/// them all, not once a row: a dozen calls into the browser each, which took
/// a tenth of the time a 200-row page took to show.
pub struct DealLinks(Option<PageUrl>);

impl DealLinks {
    /// The link that opens `deal`; `#` where URL state is off.
    pub fn to(&self, deal: &str) -> String {
        self.0
            .as_ref()
            .map_or_else(|| "#".to_owned(), |page| page.with_deal(deal))
    }
}

/// The page URL without a deal, and the start of it with one: the deal's
/// parameter comes last, after the host page's and the view's.
struct PageUrl {
    without_deal: String,
    /// The path, the query and the deal parameter's name, up to its `=`.
    before_deal: String,
    hash: String,
}

impl PageUrl {
    /// `search` is the query as `URLSearchParams` writes it, without `?`.
    fn new(path: &str, search: &str, deal_name: &str, hash: String) -> Self {
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        let separator = if search.is_empty() { '?' } else { '&' };
        Self {
            without_deal: format!("{path}{query}{hash}"),
            before_deal: format!("{path}{query}{separator}{}=", form_encoded(deal_name)),
            hash,
        }
    }

    /// Written in Rust rather than by `URLSearchParams`, whose `set` and
    /// `toString` were three calls into the browser a row.
    fn with_deal(&self, deal: &str) -> String {
        let deal = form_encoded(deal);
        let mut url = String::with_capacity(self.before_deal.len() + deal.len() + self.hash.len());
        url.push_str(&self.before_deal);
        url.push_str(&deal);
        url.push_str(&self.hash);
        url
    }

    fn url(&self) -> String {
        self.without_deal.clone()
    }
}

/// `text` as `URLSearchParams` writes a name or a value
/// (application/x-www-form-urlencoded).
fn form_encoded(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Whether `id` can name a deal in a URL path: a segment of dots alone would
/// be read as `.` or `..` and climb out of `/deals/`.
pub fn is_deal_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().all(|c| c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_are_not_deal_ids() {
        assert!(is_deal_id("deal_123"));
        assert!(is_deal_id("a.b"));
        assert!(!is_deal_id(".."));
        assert!(!is_deal_id("."));
        assert!(!is_deal_id(""));
    }

    #[test]
    fn a_deal_link_is_the_page_url_with_the_deal_last() {
        let page = PageUrl::new("/crm", "host=1&d.status=won", "d.deal", "#top".to_owned());
        assert_eq!(page.url(), "/crm?host=1&d.status=won#top");
        assert_eq!(
            page.with_deal("deal_7"),
            "/crm?host=1&d.status=won&d.deal=deal_7#top"
        );

        let bare = PageUrl::new("/", "", "a b&.deal", String::new());
        assert_eq!(bare.url(), "/");
        assert_eq!(
            bare.with_deal("x y/é?&=#+"),
            "/?a+b%26.deal=x+y%2F%C3%A9%3F%26%3D%23%2B"
        );
    }

    #[test]
    fn a_change_of_screen_or_view_is_a_new_history_entry_and_filters_are_not() {
        let list = Shown::default();
        let deal = Shown {
            screen: Screen::Deal("deal_7".to_owned()),
            ..Shown::default()
        };
        let form = Shown {
            screen: Screen::NewDeal,
            ..Shown::default()
        };
        let board = Shown {
            view: DealsView::Board,
            ..Shown::default()
        };
        let mut filtered = Shown::default();
        filtered.query.page = 2;
        let other_deal = Shown {
            screen: Screen::Deal("deal_8".to_owned()),
            ..Shown::default()
        };
        assert_eq!(HistoryStep::between(&list, &list), None);
        assert_eq!(HistoryStep::between(&list, &deal), Some(HistoryStep::Push));
        assert_eq!(HistoryStep::between(&deal, &list), Some(HistoryStep::Push));
        assert_eq!(
            HistoryStep::between(&deal, &other_deal),
            Some(HistoryStep::Push)
        );
        assert_eq!(HistoryStep::between(&list, &form), Some(HistoryStep::Push));
        assert_eq!(HistoryStep::between(&list, &board), Some(HistoryStep::Push));
        assert_eq!(
            HistoryStep::between(&list, &filtered),
            Some(HistoryStep::Replace)
        );
    }

    #[test]
    fn views_read_back_from_their_url_names() {
        for view in DealsView::ALL {
            assert_eq!(DealsView::parse(view.as_str()), Some(view));
        }
        assert_eq!(DealsView::parse("kanban"), None);
        assert_eq!(DealsView::default(), DealsView::List);
    }
}
