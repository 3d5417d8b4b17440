//! `reference-api serve …` runs the reference Deals API; `reference-api keys
//! create …` makes an API key for a database without demo data;
//! `reference-api webhooks …` manages webhook subscriptions.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use deals_contract::permission;
use mimalloc::MiMalloc;
use rand::distr::{Alphanumeric, SampleString};
use reference_api::serve::ConnectionLimits;
use reference_api::store::Store;
use reference_api::webhooks::{self, worker::WorkerOptions};
use reference_api::{app, demo, AppOptions, CorsPolicy};

/// A page of deals is some thousand small strings allocated and freed, which
/// mimalloc does faster than glibc's allocator.
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

#[derive(Parser)]
#[command(version, about = "Reference server of the ISAO Deals API")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API under /api/external.
    Serve {
        /// Address to listen on; port 0 picks a free port (printed at start).
        #[arg(long, default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// SQLite database file (created if missing).
        #[arg(long)]
        db: String,
        /// Load the demo companies, deals and keys into an empty database.
        #[arg(long)]
        demo: bool,
        /// With --demo: the demo company gets this many deals in all, the
        /// seed's two included, mostly open and due within eight months,
        /// instead of the default set.
        #[arg(
            long,
            requires = "demo",
            value_name = "N",
            value_parser = clap::value_parser!(u32).range(2..=i64::from(demo::MOST_DEMO_DEALS))
        )]
        demo_deals: Option<u32>,
        /// A browser origin allowed to call the API (repeatable).
        #[arg(long = "cors-origin")]
        cors_origins: Vec<String>,
        /// Also allow any http://127.0.0.1, localhost or [::1] origin, any port.
        #[arg(long)]
        cors_allow_loopback: bool,
        #[command(flatten)]
        webhooks: WorkerOptions,
        /// Requests per minute allowed to each API key, answered with 429 and
        /// Retry-After beyond. 0, the default, means no limit (so benchmarks
        /// and the demo are not throttled).
        #[arg(long, default_value_t = 0, value_name = "REQUESTS_PER_MINUTE")]
        rate_limit: u32,
        /// Unknown API keys a minute allowed from one client address; beyond,
        /// every request with a key from that address is answered 429 with
        /// Retry-After until its minute is over, so that keys cannot be
        /// guessed. 0 turns it off (say, behind a proxy that makes every
        /// client one address).
        #[arg(long, default_value_t = 20, value_name = "FAILURES_PER_MINUTE")]
        auth_failure_limit: u32,
        /// Seconds a client has to send a request's headers (and an idle
        /// connection stays open).
        #[arg(long, default_value_t = 10, value_name = "SECONDS")]
        header_timeout: u64,
        /// Seconds from a request's headers to its answer, body included;
        /// beyond, 408.
        #[arg(long, default_value_t = 30, value_name = "SECONDS")]
        request_timeout: u64,
        /// Most connections open at once; more wait until one closes. Keep it
        /// below the open-file limit (ulimit -n).
        #[arg(long, default_value_t = 4096)]
        max_connections: usize,
    },
    /// Manage API keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Manage webhook subscriptions and see their deliveries.
    Webhooks {
        #[command(subcommand)]
        command: webhooks::cli::Command,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Create a key and print it once; only its hash is stored.
    Create {
        #[arg(long)]
        db: String,
        /// Company the key belongs to (created if new).
        #[arg(long)]
        company: i64,
        /// Comma-separated: deals:read, deals:write, contacts:read, contacts:write.
        #[arg(long, value_delimiter = ',', required = true)]
        permissions: Vec<String>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reference-api: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve {
            addr,
            db,
            demo,
            demo_deals,
            cors_origins,
            cors_allow_loopback,
            webhooks,
            rate_limit,
            auth_failure_limit,
            header_timeout,
            request_timeout,
            max_connections,
        } => {
            let store = open(&db)?;
            if demo
                && demo::seed_if_empty(
                    &store,
                    reference_api::store::now(),
                    demo_deals.map(|total| total as usize),
                )
                .map_err(|error| error.to_string())?
            {
                eprintln!("reference-api: loaded the demo data into {db}");
            }
            let options = AppOptions {
                cors: CorsPolicy {
                    origins: cors_origins,
                    allow_loopback: cors_allow_loopback,
                },
                rate_limit_per_minute: rate_limit,
                auth_failures_per_minute: auth_failure_limit,
                request_timeout: Duration::from_secs(request_timeout),
            };
            let limits = ConnectionLimits {
                header_timeout: Duration::from_secs(header_timeout),
                max_connections,
            };
            serve(addr, app(Arc::new(store), options), limits, &db, webhooks)
        }
        Command::Keys {
            command:
                KeysCommand::Create {
                    db,
                    company,
                    permissions,
                },
        } => {
            let unknown: Vec<&String> = permissions
                .iter()
                .filter(|permission| !permission::ALL.contains(&permission.as_str()))
                .collect();
            if !unknown.is_empty() {
                return Err(format!(
                    "unknown permission {unknown:?}; use {}",
                    permission::ALL.join(", ")
                ));
            }
            let store = open(&db)?;
            let key = format!("isao_{}", Alphanumeric.sample_string(&mut rand::rng(), 40));
            let permissions: Vec<&str> = permissions.iter().map(String::as_str).collect();
            store
                .ensure_company(company, &format!("Company {company}"))
                .and_then(|()| store.add_key(&key, company, &permissions))
                .map_err(|error| error.to_string())?;
            println!("{key}");
            Ok(())
        }
        Command::Webhooks { command } => command.run(),
    }
}

/// Read connections: reads run on the async workers, one per core, so twice
/// the cores means a read never waits for a connection.
fn open(db: &str) -> Result<Store, String> {
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    let readers = u32::try_from(cores * 2).unwrap_or(u32::MAX).max(4);
    Store::open(db, readers).map_err(|error| format!("cannot open database {db}: {error}"))
}

#[tokio::main]
async fn serve(
    addr: SocketAddr,
    router: axum::Router,
    limits: ConnectionLimits,
    db: &str,
    webhooks: WorkerOptions,
) -> Result<(), String> {
    webhooks::worker::spawn(db, webhooks)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| format!("cannot listen on {addr}: {error}"))?;
    let bound = listener.local_addr().map_err(|error| error.to_string())?;
    // Scripts and tests wait for this exact line.
    println!("reference-api listening on http://{bound}");
    std::io::stdout()
        .flush()
        .map_err(|error| error.to_string())?;
    reference_api::serve::serve(listener, router, limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|error| error.to_string())
}
