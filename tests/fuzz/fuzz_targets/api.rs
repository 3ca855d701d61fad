//! Every byte string becomes a call: the first byte picks the function, the
//! rest is read as key/value pairs (known keys mostly, unknown ones too) or as
//! the text of a date. The engine must answer or return a coded error; any
//! panic is a crash libFuzzer reports.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use myna_hoken::api::{self, RawObject, RawValue};
use myna_hoken::schema;

fn value(kind: u8, bytes: &[u8]) -> RawValue {
    let text = String::from_utf8_lossy(bytes).into_owned();
    match kind % 6 {
        0 => RawValue::Null,
        1 => RawValue::Bool(bytes.first().is_some_and(|b| b % 2 == 0)),
        2 => RawValue::Number(f64::from_le_bytes(
            bytes
                .iter()
                .copied()
                .chain([0; 8])
                .take(8)
                .collect::<Vec<_>>()
                .try_into()
                .unwrap_or([0; 8]),
        )),
        3 => RawValue::Other,
        _ => RawValue::Text(text),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let keys: Vec<&str> = schema::FUNCTIONS
        .iter()
        .flat_map(|(_, spec)| schema::keys(spec))
        .collect();
    // Fields are separated by 0xFF: [key byte][kind byte][value bytes...]
    let mut entries = Vec::new();
    for field in rest.split(|b| *b == 0xFF) {
        let (Some(&k), Some(&kind)) = (field.first(), field.get(1)) else {
            continue;
        };
        let key = match keys.get(usize::from(k)) {
            Some(known) => (*known).to_string(),
            None => String::from_utf8_lossy(&field[2..]).into_owned(),
        };
        entries.push((key, value(kind, field.get(2..).unwrap_or(&[]))));
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let text = RawValue::Text(String::from_utf8_lossy(rest).into_owned());
    match which % 6 {
        0 => drop(api::card_dates(RawObject(entries), today)),
        1 => drop(api::eligibility_certificate_dates(
            RawObject(entries),
            today,
        )),
        2 => drop(api::advise_documents(RawObject(entries), today)),
        3 => drop(api::parse_date_text(&text)),
        4 => drop(api::format_wareki_text(&text)),
        _ => drop(api::describe_date(&text)),
    }
});
