//! Every case table of `tests/cases/` through the plain-Rust API (the same
//! functions the JS face calls), natively.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::Outcome;
use myna_hoken::api::{self, RawObject, RawValue};
use myna_hoken::error::ApiError;
use serde::Serialize;
use serde_json::Value;

/// "Today" for cases that do not give `asOf` (only error cases rely on it).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A JSON value as the JS face would hand it over.
pub fn raw(v: &Value) -> RawValue {
    match v {
        Value::Null => RawValue::Null,
        Value::Bool(b) => RawValue::Bool(*b),
        Value::Number(n) => RawValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => RawValue::Text(s.clone()),
        _ => RawValue::Other,
    }
}

fn object(v: &Value) -> RawObject {
    RawObject(
        v.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), raw(v))).collect())
            .unwrap_or_default(),
    )
}

fn outcome<T: Serialize>(r: Result<T, ApiError>) -> Outcome {
    match r {
        Ok(v) => Outcome::Answer(serde_json::to_value(v).unwrap()),
        Err(e) => Outcome::Error {
            code: e.code.as_str().to_string(),
            field: e.field,
        },
    }
}

fn call(function: &str, input: &Value) -> Outcome {
    match function {
        "cardDates" => outcome(api::card_dates(object(input), today())),
        "eligibilityCertificateDates" => {
            outcome(api::eligibility_certificate_dates(object(input), today()))
        }
        "adviseDocuments" => outcome(api::advise_documents(object(input), today())),
        "parseDate" => outcome(api::parse_date_text(
            &raw(input),
            myna_hoken::rules::Lang::Ja,
        )),
        "formatWareki" => outcome(api::format_wareki_text(&raw(input))),
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn every_case_table_passes_natively() {
    let (count, failures) = common::run_all(&call);
    assert!(count > 150, "only {count} cases were read");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_matcher_catches_a_wrong_date() {
    // The table runner itself must be able to fail.
    let want: Value = serde_json::json!({"card": {"expires": "2029-09-18"}});
    let got: Value = serde_json::json!({"card": {"expires": "2029-09-17", "status": "valid"}});
    assert!(common::matches(&want, &got, "").is_err());
    let got_ok: Value = serde_json::json!({"card": {"expires": "2029-09-18", "status": "valid"}});
    assert!(common::matches(&want, &got_ok, "").is_ok());
}

#[test]
fn every_error_code_is_documented_in_the_readme() {
    let readme = include_str!("../README.md");
    for code in myna_hoken::error::ErrorCode::ALL {
        assert!(
            readme.contains(&format!("`{}`", code.as_str())),
            "README does not document {}",
            code.as_str()
        );
    }
}
