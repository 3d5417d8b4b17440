//! Builds the English catalogue into the widget, and the Subresource
//! Integrity of every language's catalogue, which the widget fetches
//! (`lang/<tag>.txt`, written by `deals-i18n`'s `write-catalogues`): a
//! catalogue altered by a single byte is refused like a chunk would be.
//! A release build leaves out of its English the words shown only on the
//! screens fetched on demand, which the first of them fetches (the whole
//! English catalogue); a debug build, which has no chunks, has them all.

use std::fmt::Write;
use std::path::PathBuf;

use base64::Engine;
use deals_i18n::{catalogue, first_download_catalogue, Lang};
use sha2::{Digest, Sha256};

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let english = if std::env::var("PROFILE").as_deref() == Ok("release") {
        first_download_catalogue(Lang::En)
    } else {
        catalogue(Lang::En)
    };
    std::fs::write(out.join("en.txt"), english)?;
    let mut integrity = String::from("&[");
    for lang in Lang::ALL {
        let digest = Sha256::digest(catalogue(lang).as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        let _ = write!(integrity, "(Lang::{lang:?}, \"sha256-{hash}\"),");
    }
    integrity.push(']');
    std::fs::write(out.join("catalogue_integrity.rs"), integrity)
}
