//! 表記: how dates appear inside explanation texts.

use chrono::NaiveDate;

use crate::date::{format_en, format_seireki, format_wareki_year_en, to_wareki};
use crate::rules::Lang;

/// "2024年9月18日" / "18 September 2024".
pub fn day(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => format_seireki(d),
        Lang::En => format_en(d),
    }
}

/// "2024年9月18日(令和6年)" / "18 September 2024 (Reiwa 6)".
pub fn day_with_era(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => match to_wareki(d) {
            Some(w) if w.year == 1 => format!("{}({}元年)", format_seireki(d), w.era.kanji()),
            Some(w) => format!("{}({}{}年)", format_seireki(d), w.era.kanji(), w.year),
            None => format_seireki(d),
        },
        Lang::En => match format_wareki_year_en(d) {
            Some(era) => format!("{} ({era})", format_en(d)),
            None => format_en(d),
        },
    }
}
