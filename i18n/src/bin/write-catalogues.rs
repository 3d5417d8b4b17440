//! Writes `lang/<tag>.txt` for every language into the folder given:
//! scripts/release-bundle.sh puts them beside the widget. English is built
//! into the widget but for the words of the screens fetched on demand, which
//! come with the first of them from `lang/en.txt`.

use std::path::PathBuf;

use deals_i18n::{catalogue, Lang};

fn main() -> std::io::Result<()> {
    let folder = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "lang".to_owned()));
    std::fs::create_dir_all(&folder)?;
    for lang in Lang::ALL {
        std::fs::write(folder.join(format!("{}.txt", lang.tag())), catalogue(lang))?;
    }
    Ok(())
}
