//! The case tables of `tests/cases/*.json`, read the same way by the native
//! tests (`cases.rs`) and the browser tests (`web.rs`).
//!
//! A table is `{ "function": "cardDates", "cases": [...] }`; a case has a
//! sentence for a `name`, an `input`, and either `expect` (a partial answer:
//! objects match on the keys given, arrays and scalars exactly) or `error`
//! (`{ code, field }`). `notesInclude` / `notesExclude` list note codes that
//! must or must not be present; `stepsInclude` lists partial steps
//! (`{ code, values }`) that some step must match. `source` / `why` say where the expected value
//! comes from. A case marked `"apiOnly": true` is about what the JS API
//! module adds (the `lang` key): the page tests run it through
//! `myna-hoken-api.js`; the engine-level runners skip it.
#![allow(dead_code)]

use serde_json::Value;

/// Every table, embedded at compile time so wasm tests need no file access.
pub const TABLES: [(&str, &str); 5] = [
    ("card_dates.json", include_str!("../cases/card_dates.json")),
    (
        "eligibility_certificate_dates.json",
        include_str!("../cases/eligibility_certificate_dates.json"),
    ),
    ("parse_date.json", include_str!("../cases/parse_date.json")),
    (
        "format_wareki.json",
        include_str!("../cases/format_wareki.json"),
    ),
    (
        "advise_documents.json",
        include_str!("../cases/advise_documents.json"),
    ),
];

/// What a call gave: an answer, or an error's code and field.
pub enum Outcome {
    Answer(Value),
    Error { code: String, field: Option<String> },
}

/// Runs every case of every table through `call(function, input)` and returns
/// the failures as readable lines, plus the number of cases run.
pub fn run_all(call: &dyn Fn(&str, &Value) -> Outcome) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in TABLES {
        let table: Value = serde_json::from_str(text).expect("case table is JSON");
        let function = table["function"].as_str().expect("function name");
        for case in table["cases"].as_array().expect("cases") {
            if case["apiOnly"] == true {
                continue;
            }
            count += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let outcome = call(function, &without_lang(&case["input"]));
            if let Err(why) = check(function, case, outcome) {
                failures.push(format!("{file}: {name}: {why}"));
            }
        }
    }
    (count, failures)
}

/// The input as the API module hands it to the engine: without `lang`
/// (languages are the module's business; the engine speaks in codes).
fn without_lang(input: &Value) -> Value {
    let mut v = input.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("lang");
    }
    v
}

fn check(function: &str, case: &Value, outcome: Outcome) -> Result<(), String> {
    match (outcome, case.get("expect"), case.get("error")) {
        (Outcome::Answer(got), Some(want), None) => {
            matches(want, &got, "")?;
            notes(case, &got)?;
            for step in case["stepsInclude"].as_array().into_iter().flatten() {
                let steps = got["steps"].as_array().cloned().unwrap_or_default();
                if !steps.iter().any(|s| matches(step, s, "").is_ok()) {
                    return Err(format!("no step matches {step}"));
                }
            }
            if function == "cardDates" || function == "eligibilityCertificateDates" {
                steps_cite_rules(&got)?;
            }
            Ok(())
        }
        (Outcome::Error { code, field }, None, Some(want)) => {
            let want_code = want["code"].as_str().unwrap_or("");
            let want_field = want["field"].as_str().map(str::to_string);
            if code == want_code && field == want_field {
                Ok(())
            } else {
                Err(format!(
                    "expected error {want_code} on {want_field:?}, got {code} on {field:?}"
                ))
            }
        }
        (Outcome::Answer(got), None, Some(want)) => {
            Err(format!("expected error {want}, got {got}"))
        }
        (Outcome::Error { code, field }, Some(_), None) => {
            Err(format!("expected an answer, got error {code} on {field:?}"))
        }
        _ => Err("a case needs exactly one of expect / error".into()),
    }
}

/// Partial match: every key of `want` must match in `got`.
pub fn matches(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let gv = g.get(k).ok_or_else(|| format!("{path}.{k} missing"))?;
                matches(wv, gv, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        _ if want == got => Ok(()),
        _ => Err(format!("{path}: expected {want}, got {got}")),
    }
}

fn notes(case: &Value, got: &Value) -> Result<(), String> {
    let codes: Vec<&str> = got["notes"]
        .as_array()
        .map(|a| a.iter().filter_map(|n| n["code"].as_str()).collect())
        .unwrap_or_default();
    for want in case["notesInclude"].as_array().into_iter().flatten() {
        let want = want.as_str().unwrap_or("");
        if !codes.contains(&want) {
            return Err(format!("note {want} missing (notes: {codes:?})"));
        }
    }
    for unwanted in case["notesExclude"].as_array().into_iter().flatten() {
        let unwanted = unwanted.as_str().unwrap_or("");
        if codes.contains(&unwanted) {
            return Err(format!("note {unwanted} should not be there"));
        }
    }
    Ok(())
}

/// Every explanation step names a rule id, a message code and a source.
fn steps_cite_rules(got: &Value) -> Result<(), String> {
    let steps = got["steps"].as_array().ok_or("no steps")?;
    if steps.is_empty() {
        return Err("no steps".into());
    }
    for s in steps {
        if !s["values"].is_object() {
            return Err(format!("step without values: {s}"));
        }
        for key in ["rule", "code", "source"] {
            if s[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("step without {key}: {s}"));
            }
        }
    }
    Ok(())
}
