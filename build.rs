//! Builds the English catalogue into the widget, and the Subresource
//! Integrity of every other language's catalogue, which the widget fetches
//! (`lang/<tag>.txt`, written by `deals-i18n`'s `write-catalogues`): a
//! catalogue altered by a single byte is refused like a chunk would be.

use std::fmt::Write;
use std::path::PathBuf;

use base64::Engine;
use deals_i18n::{catalogue, Lang};
use sha2::{Digest, Sha256};

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    std::fs::write(out.join("en.txt"), catalogue(Lang::En))?;
    let mut integrity = String::from("&[");
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        let digest = Sha256::digest(catalogue(lang).as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        let _ = write!(integrity, "(Lang::{lang:?}, \"sha256-{hash}\"),");
    }
    integrity.push(']');
    std::fs::write(out.join("catalogue_integrity.rs"), integrity)
}
