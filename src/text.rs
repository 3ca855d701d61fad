//! 表記: dates and numbers as data strings ("2024-09-18", "令和6年9月18日",
//! "18 September 2024"), without `format!` (its machinery is a large part of
//! a wasm binary). Sentences are not made here: they live in the catalogs.

use chrono::{Datelike, NaiveDate};

use crate::date::to_wareki;

/// Fills `{0}`…`{9}` in `template` with `args`. A placeholder without an
/// argument is left as it is (never a panic).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        let bytes = after.as_bytes();
        let value = match (bytes.get(1), bytes.get(2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match value {
            Some(v) => {
                out.push_str(v);
                rest = after.get(3..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// `items` joined with `separator` (a plain loop: `[&str]::join` costs
/// about 1 KB of wasm).
pub fn join(items: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
    out
}

/// A number in decimal (no `fmt` machinery).
pub fn num(n: i64) -> String {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut v = n.unsigned_abs();
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (v % 10) as u8;
        }
        len += 1;
        v /= 10;
        if v == 0 || len == digits.len() {
            break;
        }
    }
    let mut s = String::with_capacity(len + 1);
    if n < 0 {
        s.push('-');
    }
    for d in digits.iter().take(len).rev() {
        s.push(char::from(*d));
    }
    s
}

/// A number left-padded with zeros to `width` digits.
pub fn padded(n: i64, width: usize) -> String {
    let digits = num(n.abs());
    let mut s = String::with_capacity(width + 1);
    if n < 0 {
        s.push('-');
    }
    for _ in digits.len()..width {
        s.push('0');
    }
    s.push_str(&digits);
    s
}

/// "2024年9月18日".
pub fn seireki(d: NaiveDate) -> String {
    fill(
        "{0}年{1}月{2}日",
        &[
            &num(d.year().into()),
            &num(d.month().into()),
            &num(d.day().into()),
        ],
    )
}

/// "令和6年9月18日" (元年 for the first year); `None` before 明治.
pub fn wareki(d: NaiveDate) -> Option<String> {
    let w = to_wareki(d)?;
    Some(fill(
        "{0}{1}年{2}月{3}日",
        &[
            w.era.kanji(),
            &era_year(w.year),
            &num(w.month.into()),
            &num(w.day.into()),
        ],
    ))
}

fn era_year(year: i32) -> String {
    if year == 1 {
        "元".to_string()
    } else {
        num(year.into())
    }
}

/// "18 September 2024".
pub fn english(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("?");
    fill(
        "{0} {1} {2}",
        &[&num(d.day().into()), month, &num(d.year().into())],
    )
}

/// "令和6年" (元年 for the first year); `None` before 明治.
pub fn wareki_year(d: NaiveDate) -> Option<String> {
    let w = to_wareki(d)?;
    Some(fill("{0}{1}年", &[w.era.kanji(), &era_year(w.year)]))
}

/// "YYYY-MM-DD".
pub fn iso(d: NaiveDate) -> String {
    fill(
        "{0}-{1}-{2}",
        &[
            &padded(d.year().into(), 4),
            &padded(d.month().into(), 2),
            &padded(d.day().into(), 2),
        ],
    )
}

/// "YYYY-MM".
pub fn iso_month(year: i32, month: u32) -> String {
    fill(
        "{0}-{1}",
        &[&padded(year.into(), 4), &padded(month.into(), 2)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_values_in_any_order() {
        assert_eq!(fill("{1} then {0}", &["a", "b"]), "b then a");
        assert_eq!(fill("{0}{0}", &["x"]), "xx");
        assert_eq!(
            fill("no {9} value, {x} and {", &["a"]),
            "no {9} value, {x} and {"
        );
        assert_eq!(fill("日本語{0}です", &["2"]), "日本語2です");
    }

    #[test]
    fn numbers_without_fmt() {
        assert_eq!(num(0), "0");
        assert_eq!(num(2024), "2024");
        assert_eq!(num(-7), "-7");
        assert_eq!(num(i64::MIN), "-9223372036854775808");
        assert_eq!(padded(5, 2), "05");
        assert_eq!(padded(12345, 4), "12345");
    }

    #[test]
    fn dates_in_texts() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
        assert_eq!(iso(d), "2019-05-01");
        assert_eq!(wareki(d).unwrap(), "令和元年5月1日");
        assert_eq!(wareki_year(d).unwrap(), "令和元年");
        assert_eq!(english(d), "1 May 2019");
    }
}
