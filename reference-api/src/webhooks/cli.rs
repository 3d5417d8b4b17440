//! `reference-api webhooks …`: subscriptions managed like keys, from the
//! command line, against the database of a running or stopped server.

use chrono::Utc;
use clap::Subcommand;

use super::delivery_log::{self, Next, Report};
use super::sender::Sender;
use super::subscriptions::{self, Subscription};
use crate::company::CompanyId;
use crate::store::{self, Store};

#[derive(Subcommand)]
pub enum Command {
    /// Subscribe a URL to a company's events. Prints the subscription's id,
    /// and the signing secret once when it was generated.
    Add {
        #[arg(long)]
        db: String,
        /// Company whose events are sent (created if new).
        #[arg(long)]
        company: CompanyId,
        /// An http:// or https:// URL, without a user name or password.
        #[arg(long)]
        url: String,
        /// Comma-separated: deal.created, deal.updated, deal.stage_changed,
        /// deal.won, deal.lost; or * for all.
        #[arg(long, value_delimiter = ',', required = true)]
        events: Vec<String>,
        /// The signing secret, at least 16 bytes; one is generated (and
        /// printed once) when not given.
        #[arg(long)]
        secret: Option<String>,
    },
    /// List subscriptions (without their secrets).
    List {
        #[arg(long)]
        db: String,
        #[arg(long)]
        company: Option<CompanyId>,
    },
    /// Remove a subscription; its pending deliveries are dropped.
    Remove {
        #[arg(long)]
        db: String,
        id: String,
    },
    /// List deliveries with their last attempt and next retry.
    Deliveries {
        #[arg(long)]
        db: String,
        #[arg(long)]
        subscription: Option<String>,
        /// Only the deliveries given up on.
        #[arg(long)]
        failed: bool,
    },
    /// Send an event again to every subscription it was for, now.
    Redeliver {
        #[arg(long)]
        db: String,
        event_id: String,
    },
}

/// Printed where a value is absent, so that every line has every column.
const NONE: &str = "-";

impl Command {
    pub fn run(self) -> Result<(), String> {
        match self {
            Command::Add {
                db,
                company,
                url,
                events,
                secret,
            } => {
                subscriptions::check_url(&url)?;
                let events = subscriptions::parse_events(&events)?;
                if let Some(secret) = &secret {
                    subscriptions::check_secret(secret)?;
                }
                let store = open(&db)?;
                let generated = secret.is_none();
                let secret = secret.unwrap_or_else(subscriptions::new_secret);
                store
                    .ensure_company(company, &format!("Company {company}"))
                    .and_then(|()| {
                        Ok(subscriptions::add(
                            &store.connection(),
                            company,
                            &url,
                            &events,
                            &secret,
                            store::now(),
                        )?)
                    })
                    .map(|id| {
                        println!("id\t{id}");
                        if generated {
                            println!("secret\t{secret}");
                        }
                    })
                    .map_err(|error| error.to_string())
            }
            Command::List { db, company } => {
                let store = open(&db)?;
                let found = subscriptions::list(&store.connection(), company)
                    .map_err(|error| error.to_string())?;
                println!("id\tcompany\turl\tevents\tcreated");
                for Subscription {
                    id,
                    company,
                    url,
                    events,
                    created_at,
                } in found
                {
                    let events = subscriptions::event_names(&events);
                    println!("{id}\t{company}\t{url}\t{events}\t{created_at}");
                }
                Ok(())
            }
            Command::Remove { db, id } => {
                let store = open(&db)?;
                let removed = subscriptions::remove(&store.connection(), &id);
                match removed {
                    Ok(true) => Ok(()),
                    Ok(false) => Err(format!("no subscription {id}")),
                    Err(error) => Err(error.to_string()),
                }
            }
            Command::Deliveries {
                db,
                subscription,
                failed,
            } => {
                let store = open(&db)?;
                let reports =
                    delivery_log::reports(&store.connection(), subscription.as_deref(), failed)
                        .map_err(|error| error.to_string())?;
                println!("event_id\tevent\tsubscription\tstate\tattempts\tlast_status\tlast_attempt\tnext_retry\tlast_error");
                for report in reports {
                    print_report(&report);
                }
                Ok(())
            }
            Command::Redeliver { db, event_id } => redeliver(&db, &event_id),
        }
    }
}

fn print_report(report: &Report) {
    let or_none = |value: Option<String>| value.unwrap_or_else(|| NONE.to_owned());
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        report.event_id,
        report.event,
        report.subscription,
        report.state,
        report.attempts,
        or_none(report.last_status.map(|status| status.to_string())),
        or_none(report.last_attempt_at.clone()),
        or_none(report.next_attempt_at.clone()),
        or_none(report.last_error.clone()),
    );
}

/// Sends the event once more to each of its subscriptions and records the
/// attempt: a success marks the delivery delivered, a failure leaves it as it was.
fn redeliver(db: &str, event_id: &str) -> Result<(), String> {
    let store = open(db)?;
    let targets =
        delivery_log::of_event(&store.connection(), event_id).map_err(|error| error.to_string())?;
    if targets.is_empty() {
        return Err(format!(
            "no delivery of {event_id}: no such event, or no subscription wanted it"
        ));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| error.to_string())?;
    let sender = Sender::new().map_err(|error| format!("cannot set up TLS: {error}"))?;
    let mut failures = 0;
    for target in targets {
        let outcome = runtime.block_on(sender.send(&target.outgoing()));
        let next = if outcome.delivered() {
            Next::Delivered
        } else {
            failures += 1;
            Next::Unchanged
        };
        delivery_log::record_attempt(&store.connection(), target.id, &outcome, Utc::now(), next)
            .map_err(|error| error.to_string())?;
        println!(
            "{}\t{}\t{}",
            target.subscription,
            if outcome.delivered() {
                "delivered"
            } else {
                "failed"
            },
            outcome
                .error
                .or(outcome.status.map(|status| status.to_string()))
                .unwrap_or_default()
        );
    }
    if failures == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failures} delivery attempt(s) of {event_id} failed"
        ))
    }
}

fn open(db: &str) -> Result<Store, String> {
    Store::open(db, 1).map_err(|error| format!("cannot open database {db}: {error}"))
}
