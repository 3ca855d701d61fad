//! The case tables of `tests/cases/*.json`, read the same way by the native
//! tests (`cases.rs`) and the browser tests (`web.rs`).
//!
//! A table is `{ "function": "cardDates", "cases": [...] }`; a case has a
//! sentence for a `name`, an `input`, and either `expect` (a partial answer:
//! objects match on the keys given, arrays and scalars exactly) or `error`
//! (`{ code, field }`). `notesInclude` / `notesExclude` list note codes that
//! must or must not be present; `stepsInclude` lists partial steps
//! (`{ code, values }`) that some step must match. `source` / `why` say where the expected value
//! comes from (a case may check an error's `variant` too). A case marked `"apiOnly": true` is about what the JS API
//! module adds (the `lang` key): the page tests run it through
//! `myna-hoken-api.js`; the engine-level runners skip it.
#![allow(dead_code)]

use myna_hoken::api::{RawObject, RawValue};
use serde_json::Value;

/// A JSON value as the JS face would hand it over (a scalar field).
pub fn raw(v: &Value) -> RawValue {
    match v {
        Value::Null => RawValue::Null,
        Value::Bool(b) => RawValue::Bool(*b),
        Value::Number(n) => RawValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => RawValue::Text(s.clone()),
        _ => RawValue::Other,
    }
}

/// A JSON value as `wasm.rs` reads a profile: objects and arrays too.
pub fn tree(v: &Value) -> RawValue {
    match v {
        Value::Object(o) => RawValue::Object(RawObject(
            o.iter().map(|(k, v)| (k.clone(), tree(v))).collect(),
        )),
        Value::Array(a) => RawValue::Array(a.iter().map(tree).collect()),
        other => raw(other),
    }
}

/// A shipped profile, read by the engine.
pub fn read_profile(id: &str) -> myna_hoken::profile::Profile {
    myna_hoken::profile::read(&tree(&profile(id))).expect("a shipped profile reads")
}

/// Every table, embedded at compile time so wasm tests need no file access.
pub const TABLES: [(&str, &str); 9] = [
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
    (
        "profile_eligibility.json",
        include_str!("../cases/profile_eligibility.json"),
    ),
    (
        "profile_advice.json",
        include_str!("../cases/profile_advice.json"),
    ),
    (
        "profile_card.json",
        include_str!("../cases/profile_card.json"),
    ),
    (
        "profile_errors.json",
        include_str!("../cases/profile_errors.json"),
    ),
];

/// What a call gave: an answer, or an error's code and field.
pub enum Outcome {
    Answer(Value),
    Error {
        code: String,
        variant: Option<String>,
        field: Option<String>,
    },
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

/// The shipped profiles (www/profiles/), by id.
pub const PROFILES: [(&str, &str); 9] = [
    ("kddi", include_str!("../../www/profiles/kddi.json")),
    ("brother", include_str!("../../www/profiles/brother.json")),
    ("sri", include_str!("../../www/profiles/sri.json")),
    (
        "shigaku-kyosai",
        include_str!("../../www/profiles/shigaku-kyosai.json"),
    ),
    (
        "kyoukai-kenpo",
        include_str!("../../www/profiles/kyoukai-kenpo.json"),
    ),
    ("meltec", include_str!("../../www/profiles/meltec.json")),
    ("houdou", include_str!("../../www/profiles/houdou.json")),
    (
        "yusei-kyosai",
        include_str!("../../www/profiles/yusei-kyosai.json"),
    ),
    (
        "meidensha",
        include_str!("../../www/profiles/meidensha.json"),
    ),
];

/// A shipped profile by id.
pub fn profile(id: &str) -> Value {
    let (_, text) = PROFILES
        .iter()
        .find(|(p, _)| *p == id)
        .unwrap_or_else(|| panic!("no profile {id}"));
    serde_json::from_str(text).expect("profile is JSON")
}

/// The input as the API module hands it to the engine: without `lang`
/// (languages are the module's business; the engine speaks in codes), and
/// with a profile: a case names a shipped one by id, gives one inline, or
/// gets the bundled KDDI one, as the module gives it when a caller does not
/// (`"profile": null` gives none). A case may instead write
/// `"profileFrom": { "id": "kddi", "set": { "path": value }, "remove": ["path"] }`:
/// a shipped profile with some values changed (paths like
/// `eligibilityCertificate.reasons[0].issue`), so that made-up insurers stay
/// short and say only what differs.
fn without_lang(input: &Value) -> Value {
    let mut v = input.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("lang");
        if let Some(from) = o.remove("profileFrom") {
            o.insert("profile".into(), patched(&from));
        }
        match o.get("profile") {
            Some(Value::String(id)) => {
                let p = profile(id);
                o.insert("profile".into(), p);
            }
            Some(_) => {}
            None => {
                o.insert("profile".into(), profile("kddi"));
            }
        }
    }
    v
}

/// A shipped profile with the changes of a `profileFrom`.
fn patched(from: &Value) -> Value {
    let mut p = profile(from["id"].as_str().expect("profileFrom.id"));
    for (path, value) in from["set"].as_object().into_iter().flatten() {
        *slot(&mut p, path, true).unwrap_or_else(|| panic!("profileFrom.set: no {path}")) =
            value.clone();
    }
    for path in from["remove"].as_array().into_iter().flatten() {
        let path = path.as_str().expect("a path");
        let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
        let holder = if parent.is_empty() {
            Some(&mut p)
        } else {
            slot(&mut p, parent, false)
        };
        let removed = holder
            .and_then(Value::as_object_mut)
            .and_then(|o| o.remove(last));
        assert!(removed.is_some(), "profileFrom.remove: no {path}");
    }
    p
}

/// The value at a dotted path (`a.b[2].c`); `create` adds a missing last key.
fn slot<'a>(v: &'a mut Value, path: &str, create: bool) -> Option<&'a mut Value> {
    let parts: Vec<&str> = path.split('.').collect();
    let mut at = v;
    for (n, part) in parts.iter().enumerate() {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (*part, None),
        };
        let last = n + 1 == parts.len() && index.is_none();
        let o = at.as_object_mut()?;
        if create && last && !o.contains_key(key) {
            o.insert(key.to_string(), Value::Null);
        }
        at = o.get_mut(key)?;
        if let Some(i) = index {
            at = at.as_array_mut()?.get_mut(i)?;
        }
    }
    Some(at)
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
        (
            Outcome::Error {
                code,
                variant,
                field,
            },
            None,
            Some(want),
        ) => {
            let want_code = want["code"].as_str().unwrap_or("");
            let want_field = want["field"].as_str().map(str::to_string);
            // The variant (which problem) is checked where the case names one.
            let variant_ok = want
                .get("variant")
                .is_none_or(|v| v.as_str() == variant.as_deref());
            if code == want_code && field == want_field && variant_ok {
                Ok(())
            } else {
                Err(format!(
                    "expected error {want}, got {code}.{variant:?} on {field:?}"
                ))
            }
        }
        (Outcome::Answer(got), None, Some(want)) => {
            Err(format!("expected error {want}, got {got}"))
        }
        (Outcome::Error { code, field, .. }, Some(_), None) => {
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

/// Every explanation step names a rule id, a message code and its sources.
fn steps_cite_rules(got: &Value) -> Result<(), String> {
    let steps = got["steps"].as_array().ok_or("no steps")?;
    if steps.is_empty() {
        return Err("no steps".into());
    }
    for s in steps {
        if !s["values"].is_object() {
            return Err(format!("step without values: {s}"));
        }
        for key in ["rule", "code"] {
            if s[key].as_str().is_none_or(str::is_empty) {
                return Err(format!("step without {key}: {s}"));
            }
        }
        let sources = s["sources"].as_array().map(Vec::len).unwrap_or(0);
        if sources == 0 || s["sources"][0]["key"].as_str().is_none() {
            return Err(format!("step without sources: {s}"));
        }
    }
    Ok(())
}
