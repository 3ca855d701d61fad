//! 日付の読み取り: reads a date typed by a visitor, in 西暦 or 和暦, with
//! half- or full-width digits.
//!
//! Accepted: `2025-12-02`, `2025/12/2`, `2025.12.2`, `20251202`, `2025年12月2日`,
//! `令和7年12月2日`, `令和元年5月1日`, `R7.12.2`, `S60/9/18`, `R7年12月2日`, and
//! the same with full-width characters and spaces. Everything else is an error.

use chrono::{Datelike, NaiveDate};

use crate::answer::{Msg, Values};
use crate::date::{from_wareki, ymd, Era, Wareki, MAX_DATE, MIN_DATE};
use crate::error::ApiError;

/// Longest text we try to read; anything longer is not a date.
const MAX_LEN: usize = 40;

/// Reads a date; `field` names the input key in the error.
///
/// # Errors
/// `invalid_date` for text that is not a date or a date that does not exist,
/// `invalid_era_year` for an era year outside its era, `out_of_range` for a
/// date outside 1900-2200.
pub fn parse_date(text: &str, field: Option<&str>) -> Result<NaiveDate, ApiError> {
    let invalid = || ApiError::new(Msg::InvalidDate, field);
    if text.chars().nth(MAX_LEN).is_some() {
        return Err(invalid());
    }
    let normal = normalize(text);
    if normal.is_empty() {
        return Err(ApiError::new(Msg::MissingDate, field));
    }
    let (era, rest) = split_era(strip_card_words(&normal));
    let (year, month, day) = split_numbers(rest).ok_or_else(invalid)?;
    let date = match era {
        None => {
            // A four-digit year is required: "29年3月12日" and "元年5月1日"
            // need their era (令和29年? 平成29年? 昭和29年?), "25-12-2" its century.
            let year = year.unwrap_or(1);
            if year > 9999 {
                return Err(out_of_range(field));
            }
            if year < 100 {
                return Err(ApiError::with(
                    era_hint(field, year),
                    field,
                    Values::new().num("year", year),
                ));
            }
            if year < 1000 {
                return Err(invalid());
            }
            ymd(year, month, day).ok_or_else(|| no_such_day(month, day, field))?
        }
        Some(era) => {
            let era_error = || ApiError::new(Msg::InvalidEraYear, field);
            // 2000 is a leap year: this only rejects 2月30日, 4月31日 and the like.
            if ymd(2000, month, day).is_none() {
                return Err(no_such_day(month, day, field));
            }
            let year = year.unwrap_or(1); // None: 元年
            let first_year = era.first_day().year();
            let last_year = era.last_day().map_or(MAX_DATE.year(), |d| d.year());
            let gregorian = first_year
                .checked_add(year.checked_sub(1).ok_or_else(era_error)?)
                .ok_or_else(era_error)?;
            if year < 1 || gregorian > last_year {
                return Err(era_error());
            }
            ymd(gregorian, month, day).ok_or_else(|| no_such_day(month, day, field))?;
            from_wareki(Wareki {
                era,
                year,
                month,
                day,
            })
            .ok_or_else(era_error)?
        }
    };
    check_range(date, field)?;
    Ok(date)
}

/// Which era to suggest for a year typed without one: a birthday is 昭和 or
/// 平成; a card's, certificate's or 資格確認書's date is from 2016 on, so
/// 令和, or 平成 for 28-31 (2016-2019; 令和28年 is 2046).
fn era_hint(field: Option<&str>, year: i32) -> Msg {
    match (field, year) {
        (Some("birthday"), 1..=31) => Msg::EraNeededBirthday,
        (Some("birthday"), 32..=64) => Msg::EraNeededShowa,
        (Some("birthday") | None, _) => Msg::EraNeeded,
        (Some(_), 1..=27) => Msg::EraNeededReiwa,
        (Some(_), 28..=31) => Msg::EraNeededHeisei,
        (Some(_), _) => Msg::EraNeeded,
    }
}

/// `invalid_date` for a day that does not exist, saying which (2月30日).
fn no_such_day(month: u32, day: u32, field: Option<&str>) -> ApiError {
    let day = i32::try_from(day).unwrap_or(0);
    if month == 2 {
        ApiError::with(Msg::NoSuchFebruaryDay, field, Values::new().num("day", day))
    } else {
        let month = i32::try_from(month).unwrap_or(0);
        ApiError::with(
            Msg::NoSuchDay,
            field,
            Values::new().num("month", month).num("day", day),
        )
    }
}

/// `out_of_range` unless 1900-01-01 <= date <= 2200-12-31.
pub fn check_range(date: NaiveDate, field: Option<&str>) -> Result<(), ApiError> {
    if date < MIN_DATE || date > MAX_DATE {
        return Err(out_of_range(field));
    }
    Ok(())
}

fn out_of_range(field: Option<&str>) -> ApiError {
    ApiError::new(Msg::OutOfRange, field)
}

/// Full-width → half-width, separators unified to '/', spaces removed.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32).unwrap_or(c),
            'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
            '－' | '−' | '‐' | 'ー' | '―' | '-' | '／' | '/' | '．' | '.' | '。' | '・' => {
                '/'
            }
            _ => c,
        };
        if c.is_whitespace() {
            continue;
        }
        out.push(c);
    }
    out
}

/// The words a card prints around its dates, and that visitors copy with
/// them: 「昭和60年9月18日生」, 「2031年11月14日まで有効」, 「有効期限:…」.
const CARD_PREFIXES: [&str; 6] = [
    "有効期限",
    "生年月日",
    "交付年月日",
    "交付日",
    "発行日",
    "年月日",
];
const CARD_SUFFIXES: [&str; 6] = ["まで有効", "まで", "有効", "生まれ", "生", "から"];

/// The date without the card's words around it (only when what is left
/// still ends in a digit or 日, so that no real text is cut).
fn strip_card_words(s: &str) -> &str {
    let mut out = s;
    for p in CARD_PREFIXES {
        if let Some(rest) = out.strip_prefix(p) {
            out = rest.trim_start_matches([':', '：']);
            break;
        }
    }
    for suffix in CARD_SUFFIXES {
        if let Some(rest) = out.strip_suffix(suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || c == '日') {
                out = rest;
                break;
            }
        }
    }
    out
}

/// Splits a leading era name (令和, R, 令) from the rest.
fn split_era(s: &str) -> (Option<Era>, &str) {
    for len in [6, 3, 1] {
        // 6 bytes = two kanji, 3 = one kanji, 1 = one ASCII letter.
        if let (Some(head), Some(rest)) = (s.get(..len), s.get(len..)) {
            if let Some(era) = Era::from_name(head) {
                return (Some(era), rest);
            }
        }
    }
    (None, s)
}

/// Reads "Y/M/D", "Y年M月D日" or "YYYYMMDD" into (year, month, day); a year
/// of `None` is 元年. Month and day are range-checked (1-12, 1-31) only.
fn split_numbers(s: &str) -> Option<(Option<i32>, u32, u32)> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = s.get(..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return check_md(Some(y), m, d);
    }
    // Tokens: numbers (or 元) separated by 年/月/日 or by '/', not mixed.
    let mut numbers: Vec<Option<u32>> = Vec::with_capacity(3);
    let mut current = String::new();
    let mut gannen = false;
    let mut kanji_separators: Option<bool> = None;
    let mut closed_with_day = false;
    for c in s.chars() {
        if closed_with_day {
            return None; // nothing may follow 日
        }
        match c {
            '0'..='9' if !gannen => {
                if current.len() >= 6 {
                    return None;
                }
                current.push(c);
            }
            '元' if numbers.is_empty() && current.is_empty() && !gannen => gannen = true,
            '年' | '月' | '日' | '/' => {
                let is_kanji = c != '/';
                if *kanji_separators.get_or_insert(is_kanji) != is_kanji {
                    return None;
                }
                if is_kanji && ['年', '月', '日'].get(numbers.len()) != Some(&c) {
                    return None;
                }
                closed_with_day = c == '日';
                numbers.push(take_number(&mut current, &mut gannen)?);
            }
            _ => return None,
        }
    }
    // The day may end without 日 (R7.12.2, 2025年12月2).
    if numbers.len() == 2 {
        numbers.push(take_number(&mut current, &mut gannen)?);
    }
    if !current.is_empty() || gannen {
        return None;
    }
    match numbers.as_slice() {
        [y, Some(m), Some(d)] => {
            let year = match y {
                Some(y) => Some(i32::try_from(*y).ok()?),
                None => None,
            };
            check_md(year, *m, *d)
        }
        _ => None,
    }
}

/// Takes the number being read; `Some(None)` for 元, `None` for nothing.
fn take_number(current: &mut String, gannen: &mut bool) -> Option<Option<u32>> {
    if *gannen {
        *gannen = false;
        return current.is_empty().then_some(None);
    }
    let n = current.parse::<u32>().ok()?;
    current.clear();
    Some(Some(n))
}

fn check_md(year: Option<i32>, month: u32, day: u32) -> Option<(Option<i32>, u32, u32)> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}
