//! What the server's tests share: scratch databases, the demo keys, one
//! [`Answer`] shape for every way of calling the API, and the two ways
//! themselves: [`App`], the router called in process (no port, no process),
//! and [`Server`], the real binary on a free port for what needs a socket.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code, unused_imports)]

mod api;
mod in_process;
mod process;
mod scratch;

pub use api::{Answer, Api, CONTACTS, INTRANET_ORIGIN, OTHER, RO, RW};
pub use in_process::App;
pub use process::{Server, BINARY};
pub use scratch::TempDir;
