//! Writes `lang/<tag>.txt` for every language but English (which is built
//! into the widget) into the folder given: scripts/release-bundle.sh puts
//! them beside the widget.

use std::path::PathBuf;

use deals_i18n::{catalogue, Lang};

fn main() -> std::io::Result<()> {
    let folder = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "lang".to_owned()));
    std::fs::create_dir_all(&folder)?;
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        std::fs::write(folder.join(format!("{}.txt", lang.tag())), catalogue(lang))?;
    }
    Ok(())
}
