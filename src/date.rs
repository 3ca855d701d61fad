//! 暦: calendar arithmetic only — birthdays, legal age, month shifts, 和暦.
//!
//! Nothing here knows about insurance. Every function is total: it returns
//! `None` instead of panicking when a date would fall outside chrono's range,
//! and the API layer turns that into an `out_of_range` error.

use chrono::{Datelike, Days, NaiveDate};

/// Earliest date the engine accepts (inclusive).
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 exists"),
};
/// Latest date the engine accepts (inclusive).
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => panic!("2200-12-31 exists"),
};

/// Builds a date, `None` when it does not exist (2月30日) .
pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The day after `d`.
pub fn next_day(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(1))
}

/// The day before `d`.
pub fn prev_day(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(1))
}

/// The last day of the given month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = add_months_ym(year, month, 1)?;
    prev_day(ymd(y, m, 1)?)
}

/// (year, month) shifted by `delta` months (may be negative).
pub fn add_months_ym(year: i32, month: u32, delta: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(delta);
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    let m = u32::try_from(index.rem_euclid(12) + 1).ok()?;
    Some((y, m))
}

/// 誕生日: the birthday of someone born on `birth`, in `year`.
///
/// Someone born on 29 February has their birthday on 28 February in a common
/// year (rule **leap-day-birthday**, 命令26条2項).
pub fn birthday_in_year(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    ymd(year, birth.month(), birth.day()).or_else(|| {
        if birth.month() == 2 && birth.day() == 29 {
            ymd(year, 2, 28)
        } else {
            None
        }
    })
}

/// The `n`-th birthday strictly after `start` (n >= 1).
///
/// Rule **birthday-count**: a birthday on the start day itself does not count
/// (命令26条「作成の日後の」, JPKI規則49条「発行の日後の」).
pub fn nth_birthday_after(birth: NaiveDate, start: NaiveDate, n: u32) -> Option<NaiveDate> {
    let this_year = birthday_in_year(birth, start.year())?;
    let first_year = if this_year > start {
        start.year()
    } else {
        start.year().checked_add(1)?
    };
    let offset = i32::try_from(n.checked_sub(1)?).ok()?;
    birthday_in_year(birth, first_year.checked_add(offset)?)
}

/// The day on which someone born on `birth` legally reaches age `age`.
///
/// 年齢計算ニ関スル法律 and 民法143条: age is counted from the day of birth, and
/// the new age is reached on the day *before* the birthday (for a 29 February
/// birth, on 28 February in every year; 民法143条2項).
pub fn legal_age_reached_on(birth: NaiveDate, age: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(age).ok()?)?;
    let anniversary = ymd(year, birth.month(), birth.day()).or_else(|| ymd(year, 3, 1))?;
    prev_day(anniversary)
}

/// 年齢: legal age on `on` (0 before the first legal birthday). `None` if `on`
/// is before `birth`.
pub fn legal_age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let years = u32::try_from(on.year().checked_sub(birth.year())?).ok()?;
    // The age is years-1, years or years+1 (born on 1 January: the new age is
    // reached on 31 December).
    for age in [years.checked_add(1)?, years] {
        if age > 0 && legal_age_reached_on(birth, age)? <= on {
            return Some(age);
        }
    }
    Some(years.saturating_sub(1))
}

/// The date `months` before `d`, or `None` where that day does not exist in
/// the target month (30 May → 30 February). Never clamps silently: callers
/// decide what a missing day means.
pub fn same_day_months_before(d: NaiveDate, months: i32) -> Option<Option<NaiveDate>> {
    let (y, m) = add_months_ym(d.year(), d.month(), months.checked_neg()?)?;
    Some(ymd(y, m, d.day()))
}

/// The date in Japan (UTC+9 all year: no summer time since 1951) at a
/// moment given as milliseconds since 1970-01-01T00:00Z. Falls back to
/// `MIN_DATE` for a clock that is not a finite number.
pub fn tokyo_date_from_unix_ms(ms: f64) -> NaiveDate {
    const MS_PER_DAY: f64 = 86_400_000.0;
    const TOKYO_OFFSET_MS: f64 = 9.0 * 3_600_000.0;
    // chrono's day number of 1970-01-01 (0001-01-01 is day 1).
    const UNIX_EPOCH_CE_DAY: i32 = 719_163;
    let days = ((ms + TOKYO_OFFSET_MS) / MS_PER_DAY).floor();
    if !days.is_finite() || days.abs() > 1.0e7 {
        return MIN_DATE;
    }
    NaiveDate::from_num_days_from_ce_opt(UNIX_EPOCH_CE_DAY + days as i32).unwrap_or(MIN_DATE)
}

/// 元号: a Japanese era.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// 明治
    Meiji,
    /// 大正
    Taisho,
    /// 昭和
    Showa,
    /// 平成
    Heisei,
    /// 令和
    Reiwa,
}

/// Eras from newest to oldest, with their first day.
const ERAS: [(Era, i32, u32, u32); 5] = [
    (Era::Reiwa, 2019, 5, 1),
    (Era::Heisei, 1989, 1, 8),
    (Era::Showa, 1926, 12, 25),
    (Era::Taisho, 1912, 7, 30),
    (Era::Meiji, 1868, 1, 25),
];

impl Era {
    /// The era's name in kanji (令和).
    pub fn kanji(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The era's name in Latin letters (Reiwa).
    pub fn romaji(self) -> &'static str {
        match self {
            Era::Meiji => "Meiji",
            Era::Taisho => "Taisho",
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The era for a kanji name or its one-letter abbreviation (M T S H R).
    pub fn from_name(name: &str) -> Option<Era> {
        match name {
            "明治" | "M" | "m" | "明" => Some(Era::Meiji),
            "大正" | "T" | "t" | "大" => Some(Era::Taisho),
            "昭和" | "S" | "s" | "昭" => Some(Era::Showa),
            "平成" | "H" | "h" | "平" => Some(Era::Heisei),
            "令和" | "R" | "r" | "令" => Some(Era::Reiwa),
            _ => None,
        }
    }

    /// The first day of the era.
    pub fn first_day(self) -> NaiveDate {
        let mut first = MIN_DATE;
        for (era, y, m, d) in ERAS {
            if era == self {
                first = ymd(y, m, d).unwrap_or(MIN_DATE);
            }
        }
        first
    }

    /// The last day of the era, `None` for the current one.
    pub fn last_day(self) -> Option<NaiveDate> {
        let mut next: Option<NaiveDate> = None;
        for (era, y, m, d) in ERAS {
            if era == self {
                return match next {
                    Some(n) => prev_day(n),
                    None => None,
                };
            }
            next = ymd(y, m, d);
        }
        None
    }
}

/// A date in 和暦: era, era year (1 = 元年), month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wareki {
    pub era: Era,
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// 和暦 for a Gregorian date (from 明治 onwards; `None` before 1868-01-25).
pub fn to_wareki(d: NaiveDate) -> Option<Wareki> {
    for (era, y, m, day) in ERAS {
        let first = ymd(y, m, day)?;
        if d >= first {
            return Some(Wareki {
                era,
                year: d.year().checked_sub(y)?.checked_add(1)?,
                month: d.month(),
                day: d.day(),
            });
        }
    }
    None
}

/// The Gregorian date of a 和暦 date; `None` if it does not exist or lies
/// outside its era (平成32年, 令和0年, 平成31年5月1日).
pub fn from_wareki(w: Wareki) -> Option<NaiveDate> {
    if w.year < 1 {
        return None;
    }
    let first = w.era.first_day();
    let year = first.year().checked_add(w.year.checked_sub(1)?)?;
    let d = ymd(year, w.month, w.day)?;
    let within_end = match w.era.last_day() {
        Some(last) => d <= last,
        None => true,
    };
    (d >= first && within_end).then_some(d)
}

/// 曜日: the day of the week, 0 for Monday to 6 for Sunday (the catalogs
/// hold the names).
pub fn weekday_index(d: NaiveDate) -> u32 {
    d.weekday().num_days_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        let mut it = s.split('-').map(|p| p.parse::<u32>().unwrap());
        let (y, m, dd) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        ymd(y as i32, m, dd).unwrap()
    }

    #[test]
    fn legal_age_is_reached_the_day_before_the_birthday() {
        let birth = d("2005-07-01");
        assert_eq!(legal_age_on(birth, d("2023-06-29")), Some(17));
        assert_eq!(legal_age_on(birth, d("2023-06-30")), Some(18));
        assert_eq!(legal_age_on(birth, d("2023-07-01")), Some(18));
    }

    #[test]
    fn born_on_new_years_day_ages_on_new_years_eve() {
        let birth = d("2000-01-01");
        assert_eq!(legal_age_on(birth, d("2017-12-30")), Some(17));
        assert_eq!(legal_age_on(birth, d("2017-12-31")), Some(18));
        assert_eq!(legal_age_on(birth, d("2000-01-01")), Some(0));
        assert_eq!(legal_age_on(birth, d("2000-12-31")), Some(1));
    }

    #[test]
    fn leap_day_births_age_on_28_february() {
        let birth = d("2004-02-29");
        assert_eq!(legal_age_on(birth, d("2022-02-27")), Some(17));
        assert_eq!(legal_age_on(birth, d("2022-02-28")), Some(18));
        assert_eq!(legal_age_on(birth, d("2024-02-27")), Some(19));
        assert_eq!(legal_age_on(birth, d("2024-02-28")), Some(20));
    }

    #[test]
    fn born_on_1_march_after_a_leap_day_ages_on_29_february_in_leap_years() {
        let birth = d("2003-03-01");
        assert_eq!(legal_age_on(birth, d("2024-02-28")), Some(20));
        assert_eq!(legal_age_on(birth, d("2024-02-29")), Some(21));
    }

    #[test]
    fn eras_start_on_their_first_day() {
        let table = [
            ("2019-04-30", "平成31年4月30日"),
            ("2019-05-01", "令和元年5月1日"),
            ("1989-01-07", "昭和64年1月7日"),
            ("1989-01-08", "平成元年1月8日"),
            ("1926-12-24", "大正15年12月24日"),
            ("1926-12-25", "昭和元年12月25日"),
            ("1912-07-29", "明治45年7月29日"),
            ("1912-07-30", "大正元年7月30日"),
            ("1900-01-01", "明治33年1月1日"),
        ];
        for (iso, wareki) in table {
            assert_eq!(
                crate::text::wareki(d(iso)).as_deref(),
                Some(wareki),
                "{iso}"
            );
        }
    }

    #[test]
    fn tokyo_is_nine_hours_ahead_of_utc() {
        // 2025-03-31T14:59:59.999Z is 23:59:59.999 in Tokyo; 15:00Z is 1 April.
        let before = 1_743_433_199_999.0;
        assert_eq!(tokyo_date_from_unix_ms(before), d("2025-03-31"));
        assert_eq!(tokyo_date_from_unix_ms(before + 1.0), d("2025-04-01"));
        assert_eq!(tokyo_date_from_unix_ms(0.0), d("1970-01-01"));
        assert_eq!(tokyo_date_from_unix_ms(f64::NAN), MIN_DATE);
    }

    #[test]
    fn month_shifts_do_not_clamp() {
        assert_eq!(same_day_months_before(d("2023-05-30"), 3), Some(None));
        assert_eq!(
            same_day_months_before(d("2023-05-28"), 3),
            Some(Some(d("2023-02-28")))
        );
        assert_eq!(month_end(2024, 2), Some(d("2024-02-29")));
        assert_eq!(month_end(2023, 12), Some(d("2023-12-31")));
    }
}
