use std::collections::BTreeSet;
use std::sync::Arc;

use deals_contract::{Deal, DealQuery, DealStatus, Page, MAX_LIMIT};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::deal_detail::DealDetail;
use super::deal_form::DealForm;
use super::session::Session;
use crate::api::{ApiClient, ApiError};
use crate::format;
use crate::latest::Latest;
use crate::totals::open_totals;
use crate::url_state::{date_from_input, date_input_value, UrlState};

const PAGE_SIZES: [u32; 5] = [10, 25, 50, 100, MAX_LIMIT];

/// The stages of the pipeline the API documents, suggested before any deal
/// has shown others.
const KNOWN_STAGES: [&str; 7] = [
    "discovery",
    "qualification",
    "proposal",
    "negotiation",
    "contract-review",
    "closed-won",
    "closed-lost",
];

/// What the list shows: the last page that arrived stays on screen while the
/// next one loads, so the table never jumps to empty.
#[derive(Clone, Copy)]
pub(super) struct ListState {
    pub page: RwSignal<Option<Page<Deal>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    reloads: RwSignal<u32>,
}

impl ListState {
    fn new() -> Self {
        Self {
            page: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            reloads: RwSignal::new(0),
        }
    }

    pub fn reload(&self) {
        self.reloads.update(|count| *count += 1);
    }

    /// Shows a deal the API just returned in place of its old row.
    pub fn replace(&self, deal: &Deal) {
        self.page.update(|page| {
            if let Some(row) = page
                .iter_mut()
                .flat_map(|page| page.data.iter_mut())
                .find(|row| row.id == deal.id)
            {
                *row = deal.clone();
            }
        });
    }
}

/// Which screen of the workspace is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Screen {
    List,
    Deal(String),
    NewDeal,
}

/// Everything a connected user works with: list, filters, detail and form.
#[component]
pub fn Workspace(client: ApiClient, url_state: UrlState) -> impl IntoView {
    let session = expect_context::<Session>();
    let (initial_query, initial_deal) = url_state.read();
    let query = RwSignal::new(initial_query);
    let screen = RwSignal::new(initial_deal.map_or(Screen::List, Screen::Deal));
    let list = ListState::new();
    let stages = RwSignal::new(
        KNOWN_STAGES
            .iter()
            .map(|stage| stage.to_string())
            .collect::<BTreeSet<_>>(),
    );

    let latest = Arc::new(Latest::default());
    Effect::new({
        let (client, session) = (client.clone(), session.clone());
        move |_| {
            let request = query.get();
            list.reloads.track();
            let ticket = latest.issue();
            list.loading.set(true);
            let (client, session, latest) = (client.clone(), session.clone(), latest.clone());
            spawn_local(async move {
                let answer = client.list_deals(&request).await;
                if !latest.is_current(ticket) {
                    return;
                }
                list.loading.set(false);
                match answer {
                    Ok(page) => {
                        stages.update(|known| {
                            known.extend(page.data.iter().filter_map(|deal| deal.stage.clone()))
                        });
                        list.page.set(Some(page));
                        list.error.set(None);
                    }
                    Err(error) => {
                        session.report(&error);
                        list.error.set(Some(error));
                    }
                }
            });
        }
    });

    Effect::new({
        let url_state = url_state.clone();
        move |_| {
            let open_deal = screen.with(|screen| match screen {
                Screen::Deal(id) => Some(id.clone()),
                _ => None,
            });
            query.with(|query| url_state.write(query, open_deal.as_deref()));
        }
    });

    let announcement = move || {
        if list.loading.get() {
            return "Loading deals…".to_owned();
        }
        list.page.with(|page| match page {
            Some(page) => format!("Showing {} of {} deals", page.data.len(), page.meta.total),
            None => String::new(),
        })
    };

    let workspace_client = client.clone();
    let body = move || {
        let client = workspace_client.clone();
        match screen.get() {
            Screen::List => view! {
                <Filters query stages />
                <Totals list />
                <DealTable list query screen url_state=url_state.clone() />
                <Pager list query />
            }
            .into_any(),
            Screen::Deal(id) => view! {
                <DealDetail
                    client
                    id
                    stages
                    on_back=Callback::new(move |()| screen.set(Screen::List))
                    on_changed=Callback::new(move |deal: Deal| {
                        if let Some(stage) = deal.stage.clone() {
                            stages.update(|known| { known.insert(stage); });
                        }
                        list.replace(&deal);
                    })
                />
            }
            .into_any(),
            Screen::NewDeal => view! {
                <DealForm
                    client
                    stages
                    on_cancel=Callback::new(move |()| screen.set(Screen::List))
                    on_created=Callback::new(move |deal: Deal| {
                        list.reload();
                        screen.set(Screen::Deal(deal.id));
                    })
                />
            }
            .into_any(),
        }
    };

    view! {
        <header class="toolbar">
            <h2>"Deals"</h2>
            <div class="toolbar-actions">
                <button type="button" on:click=move |_| screen.set(Screen::NewDeal)>"New deal"</button>
                <button type="button" class="secondary" on:click=move |_| session.disconnect(None)>
                    "Disconnect"
                </button>
            </div>
        </header>
        <p class="status" role="status" aria-live="polite">{announcement}</p>
        {body}
    }
}

/// The filters; any change goes back to page 1.
#[component]
fn Filters(query: RwSignal<DealQuery>, stages: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let refine = move |change: Box<dyn FnOnce(&mut DealQuery)>| {
        query.update(|query| {
            change(query);
            query.page = 1;
        })
    };
    let stage_typed =
        RwSignal::new(query.with_untracked(|query| query.stage.clone().unwrap_or_default()));
    let apply_stage = move || {
        let stage =
            Some(stage_typed.get_untracked().trim().to_owned()).filter(|stage| !stage.is_empty());
        if query.with_untracked(|query| query.stage != stage) {
            refine(Box::new(move |query| query.stage = stage));
        }
    };
    let status_is =
        move |status: Option<DealStatus>| move || query.with(|query| query.status == status);
    view! {
        <form class="filters" aria-label="Filters" on:submit=move |event| { event.prevent_default(); apply_stage(); }>
            <label>
                <span>"Status"</span>
                <select on:change:target=move |event| {
                    let status = event.target().value().parse().ok();
                    refine(Box::new(move |query| query.status = status));
                }>
                    <option value="" prop:selected=status_is(None)>"All"</option>
                    <option value="open" prop:selected=status_is(Some(DealStatus::Open))>"Open"</option>
                    <option value="won" prop:selected=status_is(Some(DealStatus::Won))>"Won"</option>
                    <option value="lost" prop:selected=status_is(Some(DealStatus::Lost))>"Lost"</option>
                </select>
            </label>
            <label>
                <span>"Stage"</span>
                <input
                    type="text"
                    list="isao-stage-filter-options"
                    prop:value=move || stage_typed.get()
                    on:input:target=move |event| stage_typed.set(event.target().value())
                    on:change=move |_| apply_stage()
                />
            </label>
            <datalist id="isao-stage-filter-options">
                <For each=move || stages.get() key=|stage| stage.clone() let:stage>
                    <option value=stage></option>
                </For>
            </datalist>
            <label>
                <span>"Created since"</span>
                <input
                    type="date"
                    prop:value=move || query.with(|query| date_input_value(query.created_since.as_ref()))
                    on:change:target=move |event| {
                        let since = date_from_input(&event.target().value());
                        refine(Box::new(move |query| query.created_since = since));
                    }
                />
            </label>
            <label>
                <span>"Updated since"</span>
                <input
                    type="date"
                    prop:value=move || query.with(|query| date_input_value(query.updated_since.as_ref()))
                    on:change:target=move |event| {
                        let since = date_from_input(&event.target().value());
                        refine(Box::new(move |query| query.updated_since = since));
                    }
                />
            </label>
            <button
                type="button"
                class="secondary"
                disabled=move || !query.with(DealQuery::is_filtered)
                on:click=move |_| {
                    stage_typed.set(String::new());
                    query.update(|query| *query = DealQuery { limit: query.limit, ..DealQuery::default() });
                }
            >
                "Reset filters"
            </button>
        </form>
    }
}

/// Open pipeline per currency, for the deals on screen.
#[component]
fn Totals(list: ListState) -> impl IntoView {
    let totals = move || {
        list.page.with(|page| {
            page.as_ref()
                .map(|page| open_totals(&page.data))
                .unwrap_or_default()
        })
    };
    view! {
        <ul class="totals" aria-label="Open pipeline on this page">
            <For each=totals key=|total| (total.currency.clone(), total.open_deals, total.open_value.to_bits()) let:total>
                <li>
                    <span class="totals-open">
                        {format!("Open {}: {}", total.currency, format::money(total.open_value, &total.currency))}
                    </span>
                    " "
                    <span class="totals-weighted">
                        {format!("weighted {}", format::money(total.weighted_value, &total.currency))}
                    </span>
                </li>
            </For>
        </ul>
    }
}

#[component]
fn DealTable(
    list: ListState,
    query: RwSignal<DealQuery>,
    screen: RwSignal<Screen>,
    url_state: UrlState,
) -> impl IntoView {
    let rows = move || {
        list.page.with(|page| {
            page.as_ref()
                .map(|page| page.data.clone())
                .unwrap_or_default()
        })
    };
    let has_rows = move || {
        list.page
            .with(|page| page.as_ref().is_some_and(|page| !page.data.is_empty()))
    };
    let empty = move || {
        list.page
            .with(|page| page.as_ref().is_some_and(|page| page.data.is_empty()))
    };
    let url_state = StoredValue::new(url_state);
    let row_link = move |id: &str| {
        let link = query.with_untracked(|query| {
            url_state.with_value(|url_state| url_state.url_for(query, Some(id)))
        });
        link.unwrap_or_else(|| "#".to_owned())
    };
    let failure = move || {
        list.error.get().map(|error| {
            view! {
                <div class="error" role="alert">
                    <p>{error.to_string()}</p>
                    <button type="button" on:click=move |_| list.reload()>"Retry"</button>
                </div>
            }
        })
    };
    view! {
        {failure}
        <Show when=empty>
            <p class="empty">
                {move || if query.with(DealQuery::is_filtered) { "No deals match these filters." } else { "No deals yet." }}
            </p>
        </Show>
        <Show when=has_rows>
            <div class="table-scroll">
                <table
                    class="deals"
                    aria-busy=move || list.loading.get().to_string()
                    data-page=move || list.page.with(|page| page.as_ref().map(|page| page.meta.page))
                >
                    <caption>"Deals"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Title"</th>
                            <th scope="col" class="number">"Value"</th>
                            <th scope="col">"Stage"</th>
                            <th scope="col">"Priority"</th>
                            <th scope="col" class="number">"Probability"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Expected close"</th>
                            <th scope="col">"Contact"</th>
                            <th scope="col">"Assigned to"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|deal| (deal.id.clone(), deal.updated_at) let:deal>
                            {
                                let id = deal.id.clone();
                                let open = move |event: MouseEvent| {
                                    if !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
                                        event.prevent_default();
                                        screen.set(Screen::Deal(id.clone()));
                                    }
                                };
                                view! {
                                    <tr data-deal-id=deal.id.clone()>
                                        <th scope="row">
                                            <a href=row_link(&deal.id) on:click=open>{deal.title.clone()}</a>
                                        </th>
                                        <td class="number">{format::money(deal.value, &deal.currency)}</td>
                                        <td>{deal.stage.clone()}</td>
                                        <td>{deal.priority.as_str()}</td>
                                        <td class="number">{deal.probability.map(format::percent)}</td>
                                        <td><span class=format!("badge {}", deal.status)>{deal.status.as_str()}</span></td>
                                        <td>{deal.expected_close_date.as_ref().map(format::date)}</td>
                                        <td>{deal.contact.as_ref().map(|contact| contact.name.clone())}</td>
                                        <td>{deal.assigned_to.as_ref().map(|user| user.name.clone())}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn Pager(list: ListState, query: RwSignal<DealQuery>) -> impl IntoView {
    let meta = move || list.page.with(|page| page.as_ref().map(|page| page.meta));
    let page = move || query.with(|query| query.page);
    let total_pages = move || meta().map_or(1, |meta| meta.total_pages.max(1));
    let turn = move |step: i64| {
        query.update(|query| {
            query.page = (i64::from(query.page) + step).clamp(1, i64::from(u32::MAX)) as u32
        })
    };
    // Kept out of the view: a `>=` inside an attribute ends the tag for the macro.
    let on_last_page = move || u64::from(page()) >= total_pages();
    view! {
        <nav class="pager" aria-label="Pagination">
            <button type="button" class="secondary" disabled=move || page() <= 1 on:click=move |_| turn(-1)>
                "Previous"
            </button>
            <span class="page-of">{move || format!("Page {} of {}", page(), total_pages())}</span>
            <span class="total">
                {move || meta().map(|meta| if meta.total == 1 { "1 deal".to_owned() } else { format!("{} deals", meta.total) })}
            </span>
            <button
                type="button"
                class="secondary"
                disabled=on_last_page
                on:click=move |_| turn(1)
            >
                "Next"
            </button>
            <label>
                <span>"Page size"</span>
                <select on:change:target=move |event| {
                    if let Ok(limit) = event.target().value().parse::<u32>() {
                        query.update(|query| {
                            query.limit = limit;
                            query.page = 1;
                        });
                    }
                }>
                    {PAGE_SIZES
                        .into_iter()
                        .map(|size| {
                            view! {
                                <option value=size.to_string() prop:selected=move || query.with(|query| query.limit == size)>
                                    {size.to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </nav>
    }
}
