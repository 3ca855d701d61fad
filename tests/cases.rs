//! Every case table of `tests/cases/` through the plain-Rust API (the same
//! functions the JS face calls), natively; and every catalog of
//! `www/words/` against the messages the engine emits.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::{raw, tree, Outcome};
use myna_hoken::answer::{Kind, Msg};
use myna_hoken::api::{self, RawObject};
use myna_hoken::error::ApiError;
use serde::Serialize;
use serde_json::Value;

thread_local! {
    /// Every (catalog section, key) the case tables made the engine emit.
    static EMITTED: RefCell<BTreeSet<(String, String)>> = const { RefCell::new(BTreeSet::new()) };
}

fn emitted(section: &str, item: &Value) {
    let (Some(code), variant) = (item["code"].as_str(), item["variant"].as_str()) else {
        return;
    };
    let key = match variant {
        Some(v) => format!("{code}.{v}"),
        None => code.to_string(),
    };
    EMITTED.with(|e| e.borrow_mut().insert((section.to_string(), key)));
}

fn record(answer: &Value) {
    for (field, section) in [
        ("steps", "steps"),
        ("notes", "notes"),
        ("actions", "actions"),
    ] {
        for item in answer[field].as_array().into_iter().flatten() {
            emitted(section, item);
        }
    }
    emitted("headlines", &answer["headline"]);
    // `next` is a next-step message, or the first action of the advisor.
    let next = &answer["next"];
    let is_action = Msg::ALL
        .iter()
        .any(|m| m.def().kind == Kind::Action && Some(m.def().code) == next["code"].as_str());
    emitted(if is_action { "actions" } else { "next" }, next);
}

/// "Today" for cases that do not give `asOf` (only error cases rely on it).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// An input object as `wasm.rs` reads it: anything but an object is
/// `invalid_input`; only `profile` is read below the top level.
fn object(v: &Value) -> Result<RawObject, ApiError> {
    v.as_object()
        .map(|o| {
            RawObject(
                o.iter()
                    .map(|(k, v)| (k.clone(), if k == "profile" { tree(v) } else { raw(v) }))
                    .collect(),
            )
        })
        .ok_or_else(api::not_an_object)
}

fn outcome<T: Serialize>(r: Result<T, ApiError>) -> Outcome {
    match r {
        Ok(v) => {
            let v = serde_json::to_value(v).unwrap();
            record(&v);
            Outcome::Answer(v)
        }
        Err(e) => {
            let key = match e.variant() {
                Some(v) => format!("{}.{v}", e.code()),
                None => e.code().to_string(),
            };
            EMITTED.with(|x| x.borrow_mut().insert(("errors".into(), key)));
            Outcome::Error {
                code: e.code().to_string(),
                variant: e.variant().map(str::to_string),
                field: e.field.clone(),
            }
        }
    }
}

fn call(function: &str, input: &Value) -> Outcome {
    match function {
        "cardDates" => outcome(object(input).and_then(|o| api::card_dates(o, today()))),
        "eligibilityCertificateDates" => {
            outcome(object(input).and_then(|o| api::eligibility_certificate_dates(o, today())))
        }
        "adviseDocuments" => outcome(object(input).and_then(|o| api::advise_documents(o, today()))),
        "parseDate" => outcome(api::parse_date_text(&raw(input))),
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
    for code in myna_hoken::error::all_codes() {
        assert!(
            readme.contains(&format!("`{code}`")),
            "README does not document {code}"
        );
    }
}

// ---- The catalogs (www/words/*.json) against the engine's own list of messages.

/// Every catalog, by language.
const CATALOGS: [(&str, &str); 3] = [
    ("ja", include_str!("../www/words/ja.json")),
    ("en", include_str!("../www/words/en.json")),
    ("ja-easy", include_str!("../www/words/ja-easy.json")),
];

/// The sections that hold the engine's messages.
const SECTIONS: [&str; 6] = ["steps", "notes", "actions", "headlines", "next", "errors"];

/// Placeholders the JS API module fills everywhere from the insurer profile
/// (`{society}`: its `name`), whatever the message.
const GLOBALS: [&str; 1] = ["society"];

/// Errors only the JS API module throws (it has no engine call to make them).
const MODULE_ONLY: [&str; 3] = ["language_not_loaded", "not_initialized", "engine_stopped"];

fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close].chars().all(|c| c.is_ascii_alphanumeric()) && close > 0 =>
            {
                out.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// Every leaf key of a JSON object, as dotted paths (arrays are leaves).
fn leaves(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    match v.as_object() {
        Some(o) => {
            for (k, v) in o {
                leaves(v, &format!("{path}/{k}"), out);
            }
        }
        None => {
            out.insert(path.to_string());
        }
    }
}

#[test]
fn every_catalog_words_every_message_the_engine_has_and_no_other() {
    let mut failures = Vec::new();
    for (lang, text) in CATALOGS {
        let catalog: Value = serde_json::from_str(text).expect("catalog is JSON");
        for m in Msg::ALL {
            let d = m.def();
            let section = d.kind.section();
            let key = d.key();
            let Some(template) = catalog[section][&key].as_str() else {
                failures.push(format!("{lang}: {section}.{key} is missing"));
                continue;
            };
            // Errors also get {field}, the label of the field at fault.
            let mut allowed: BTreeSet<String> = d.values.iter().map(|v| v.to_string()).collect();
            allowed.extend(GLOBALS.iter().map(|g| g.to_string()));
            if d.kind == Kind::Error {
                allowed.insert("field".into());
            }
            for p in placeholders(template) {
                if !allowed.contains(&p) {
                    failures.push(format!(
                        "{lang}: {section}.{key} has {{{p}}}, which the engine never fills (values: {:?})",
                        d.values
                    ));
                }
            }
        }
        for section in SECTIONS {
            for key in catalog[section]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k)
            {
                let known = Msg::ALL
                    .iter()
                    .any(|m| m.def().kind.section() == section && &m.def().key() == key);
                if !known {
                    failures.push(format!("{lang}: {section}.{key} is emitted by nobody"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_catalog_has_the_same_words_as_the_japanese_one() {
    let ja: Value = serde_json::from_str(CATALOGS[0].1).unwrap();
    let mut want = BTreeSet::new();
    leaves(&ja, "", &mut want);
    want.remove("/meta/lang");
    want.remove("/meta/name");
    for (lang, text) in &CATALOGS[1..] {
        let catalog: Value = serde_json::from_str(text).unwrap();
        let mut got = BTreeSet::new();
        leaves(&catalog, "", &mut got);
        got.remove("/meta/lang");
        got.remove("/meta/name");
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in ja {extra:?}"
        );
        // The same placeholders in every wording, so no value is dropped in translation.
        for path in &want {
            let pointer = path.as_str();
            // Formats differ by language (西暦 and 和暦, or English month names).
            if pointer.starts_with("/format/") {
                continue;
            }
            if let (Some(a), Some(b)) = (
                ja.pointer(pointer).and_then(Value::as_str),
                catalog.pointer(pointer).and_then(Value::as_str),
            ) {
                assert_eq!(placeholders(a), placeholders(b), "{lang}: {path}");
            }
        }
    }
}

#[test]
fn the_case_tables_make_the_engine_say_every_message_it_has() {
    let (_, failures) = common::run_all(&call);
    assert!(failures.is_empty(), "{failures:?}");
    let said = EMITTED.with(|e| e.borrow().clone());
    let never: Vec<String> = Msg::ALL
        .iter()
        .map(|m| (m.def().kind.section().to_string(), m.def().key()))
        .filter(|k| !said.contains(k) && !MODULE_ONLY.contains(&k.1.as_str()))
        .map(|(s, k)| format!("{s}.{k}"))
        .collect();
    assert!(
        never.is_empty(),
        "no case makes the engine say these (add a case, or drop the message): {never:?}"
    );
}

/// The languages of `www/words/languages.json`, the one list of languages
/// (the element and the API module read it too), with their catalogs.
fn catalogs_of_languages_json() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/words");
    let names: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/languages.json")).unwrap())
            .unwrap();
    names
        .as_object()
        .expect("languages.json is an object")
        .keys()
        .map(|lang| {
            let text = std::fs::read_to_string(format!("{dir}/{lang}.json")).unwrap_or_else(|_| {
                panic!("languages.json names {lang}, but www/words/{lang}.json is missing")
            });
            (lang.clone(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn the_catalogs_tested_are_the_languages_of_languages_json() {
    let listed: BTreeSet<String> = catalogs_of_languages_json()
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let tested: BTreeSet<String> = CATALOGS.iter().map(|(l, _)| l.to_string()).collect();
    assert_eq!(listed, tested);
}

/// The keys of a catalog table, sorted.
fn keys_of(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_catalog_names_every_input_key_and_value_the_engine_has_and_no_other() {
    use myna_hoken::advice::{CardState, Document};
    use myna_hoken::card::CardStatus;
    use myna_hoken::certificate::{CertificateStatus, NoGrace};
    use myna_hoken::eligibility::{Delivery, EligibilityStatus, Issue, Membership, Reason};
    use myna_hoken::schema::{self, FieldType};

    // Every input key of every function (the JS API module adds `lang`).
    let mut inputs: BTreeSet<String> = schema::FUNCTIONS
        .iter()
        .flat_map(|(_, spec)| spec.iter().map(|f| f.key.to_string()))
        .collect();
    inputs.insert("lang".into());
    // What the visitor answers in the element: every key but the profile and the language.
    let mut asked = inputs.clone();
    asked.remove("profile");
    asked.remove("lang");
    let values: [(&str, &[&str]); 8] = [
        ("reasons", Reason::API),
        ("certificateStatus", CertificateStatus::API),
        ("cardStatus", CardStatus::API),
        ("eligibilityStatus", EligibilityStatus::API),
        ("document", Document::API),
        ("issue", Issue::API),
        ("delivery", Delivery::API),
        ("membership", Membership::API),
    ];
    let mut failures = Vec::new();
    for (lang, w) in catalogs_of_languages_json() {
        let mut expect = |what: &str, got: BTreeSet<String>, want: &BTreeSet<String>| {
            if &got != want {
                failures.push(format!(
                    "{lang}: {what} has {:?} but the engine has {:?}",
                    got.difference(want).collect::<Vec<_>>(),
                    want.difference(&got).collect::<Vec<_>>()
                ));
            }
        };
        // `fields` labels the field at fault in every error message; `date`
        // is the field of parseDate's own errors.
        let mut field_keys = inputs.clone();
        field_keys.insert("date".into());
        expect("fields", keys_of(&w["fields"]), &field_keys);
        expect("ui.fields", keys_of(&w["ui"]["fields"]), &asked);
        for (name, api) in values {
            expect(
                &format!("values.{name}"),
                keys_of(&w["values"][name]),
                &set(api),
            );
        }
        expect(
            "values",
            keys_of(&w["values"]),
            &set(&values.map(|(n, _)| n)),
        );
        // The choices the form offers: each choice question's own values.
        for (_, spec) in schema::FUNCTIONS {
            for f in spec.iter() {
                // The reason a 資格確認書 was issued reads as the reasons do (values.reasons).
                if let (FieldType::Choice(_), "reason") = (f.ty, f.key) {
                    continue;
                }
                if let FieldType::Choice(choices) = f.ty {
                    expect(
                        &format!("ui.choices.{}", f.key),
                        keys_of(&w["ui"]["choices"][f.key]),
                        &set(choices),
                    );
                }
            }
        }
        assert_eq!(
            CardState::API,
            schema::choices(schema::ADVISE_DOCUMENTS, "card")
        );
        expect(
            "ui.card.noGrace",
            keys_of(&w["ui"]["card"]["noGrace"]),
            &set(NoGrace::API),
        );
        expect(
            "ui.purposes",
            keys_of(&w["ui"]["purposes"]),
            &set(myna_hoken::profile::CONTACT_PURPOSES),
        );
        expect(
            "conditions",
            keys_of(&w["conditions"]),
            &myna_hoken::answer::CONDITIONS
                .iter()
                .map(|(k, _)| k.to_string())
                .collect(),
        );
        for (key, cases) in myna_hoken::answer::CONDITIONS {
            expect(
                &format!("conditions.{key}"),
                keys_of(&w["conditions"][key]),
                &set(cases),
            );
        }
        // Every label a visitor reads in an error is words, never the key itself.
        for key in &field_keys {
            let label = w["fields"][key].as_str().unwrap_or("");
            if label.is_empty() || label == key {
                failures.push(format!("{lang}: fields.{key} is not words: {label:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_shipped_profile_lists_each_contact_once_saying_what_it_is_for() {
    for (id, _) in common::PROFILES {
        let p = common::profile(id);
        let contacts = p["contacts"].as_array().unwrap();
        let mut phones = BTreeSet::new();
        for (i, c) in contacts.iter().enumerate() {
            if let Some(phone) = c["phone"].as_str() {
                assert!(
                    phones.insert(phone.to_string()),
                    "{id}: contacts[{i}] repeats {phone}"
                );
            }
            let purposes = c["for"].as_array().map(Vec::len).unwrap_or(0);
            assert!(
                purposes > 0,
                "{id}: contacts[{i}] does not say what it is for"
            );
        }
    }
}

#[test]
fn an_insurer_s_own_questions_are_asked_only_for_it() {
    use myna_hoken::questions::questions;
    let asked = |function: &str, id: &str, pairs: &[(&str, &str)]| -> Vec<&'static str> {
        let mut input: Vec<(String, myna_hoken::api::RawValue)> = pairs
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    myna_hoken::api::RawValue::Text(v.to_string()),
                )
            })
            .collect();
        input.push(("profile".into(), common::tree(&common::profile(id))));
        questions(function, &RawObject(input))
            .into_iter()
            .map(|q| q.key)
            .collect()
    };
    // 日本郵政共済 lists a protected record (④); KDDI does not.
    let card = [("membership", "insured"), ("card", "have")];
    assert!(asked("adviseDocuments", "yusei-kyosai", &card).contains(&"protectedRecord"));
    assert!(!asked("adviseDocuments", "kddi", &card).contains(&"protectedRecord"));
    // メルテック's validity depends on being a new member; KDDI's on nothing.
    let issued = [("issued", "2025-01-08")];
    assert!(asked("eligibilityCertificateDates", "meltec", &issued).contains(&"newMember"));
    assert!(!asked("eligibilityCertificateDates", "kddi", &issued).contains(&"newMember"));
    // 日本郵政共済 renews on application except for ⑤: the reason is asked.
    assert!(asked("eligibilityCertificateDates", "yusei-kyosai", &issued).contains(&"reason"));
    assert!(!asked("eligibilityCertificateDates", "kddi", &issued).contains(&"reason"));
    // メルテック sends a new member one unasked (newMembers): the advisor asks
    // whether the visitor just joined; KDDI issues by reason alone.
    assert!(asked("adviseDocuments", "meltec", &card).contains(&"justJoined"));
    assert!(!asked("adviseDocuments", "kddi", &card).contains(&"justJoined"));
    assert!(!asked("adviseDocuments", "brother", &card).contains(&"justJoined"));
}

#[test]
fn every_source_a_rule_names_is_in_the_sources_list_and_every_listed_one_is_named() {
    let list: Value = serde_json::from_str(include_str!("../www/sources.json")).unwrap();
    let listed = keys_of(&list);
    let mut named = BTreeSet::new();
    for rule in myna_hoken::rules::Rule::ALL {
        for s in rule.sources() {
            if s.key != "profile" {
                assert!(
                    listed.contains(s.key),
                    "{:?} cites {}, which www/sources.json does not list",
                    rule,
                    s.key
                );
                named.insert(s.key.to_string());
            }
        }
    }
    let unused: Vec<_> = listed.difference(&named).collect();
    assert!(
        unused.is_empty(),
        "www/sources.json lists sources no rule cites: {unused:?}"
    );
    for (key, s) in list.as_object().unwrap() {
        assert!(
            s["title"]["ja"].as_str().is_some_and(|t| !t.is_empty()),
            "{key}: a Japanese title"
        );
        assert!(
            s["title"]["en"].as_str().is_some_and(|t| !t.is_empty()),
            "{key}: an English title"
        );
        assert!(
            s["url"].is_null() || s["url"].as_str().is_some_and(|u| u.starts_with("https://")),
            "{key}: url"
        );
    }
}

/// The README's list of what an answer can carry is a copy of the engine's
/// messages: every headline, next step and note code (each variant in the
/// parentheses after it), and every action in `adviseDocuments`' list.
#[test]
fn the_readme_lists_every_code_and_variant_an_answer_can_carry() {
    let readme = include_str!("../README.md");
    let section = |start: &str, end: &str| -> &str {
        let from = readme
            .find(start)
            .unwrap_or_else(|| panic!("README has no {start:?}"));
        let rest = &readme[from + start.len()..];
        &rest[..rest.find(end).unwrap_or(rest.len())]
    };
    let codes = section("### The codes an answer can carry\n\n", "\n\n");
    let bullet = |name: &str| -> String {
        let rest = &codes[codes
            .find(&format!("- {name}:"))
            .unwrap_or_else(|| panic!("README lists no {name}"))..];
        rest[2..]
            .split("\n- ")
            .next()
            .unwrap_or("")
            .replace('\n', " ")
    };
    let actions = section("- `actions[]`", "\n\n").replace('\n', " ");
    let mut failures = Vec::new();
    for m in Msg::ALL {
        let d = m.def();
        let list = match d.kind {
            Kind::Headline => bullet("headlines"),
            Kind::Next => bullet("next"),
            Kind::Note => bullet("notes"),
            Kind::Action => actions.clone(),
            Kind::Step | Kind::Error => continue,
        };
        let code = format!("`{}`", d.code);
        // The backticks make the match exact: `renewed` is not in `renewed_after_grace`.
        let Some(at) = list.find(&code) else {
            failures.push(format!("{}: {} is not listed", d.kind.section(), d.code));
            continue;
        };
        if let (Some(v), false) = (d.variant, d.kind == Kind::Action) {
            let after = &list[at + code.len()..];
            let listed = after
                .strip_prefix(" (")
                .and_then(|a| a.split(')').next())
                .is_some_and(|inside| inside.contains(&format!("`{v}`")));
            if !listed {
                failures.push(format!(
                    "{}: {} lacks its variant {v}",
                    d.kind.section(),
                    d.code
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "README \"The codes an answer can carry\":\n{}",
        failures.join("\n")
    );
}
