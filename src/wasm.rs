//! The JS face: `#[wasm_bindgen]` shims over `api`, nothing worth testing
//! natively. Converts `JsValue` in, serializes plain objects out, throws
//! `Error`s with `code`, `variant`, `field` and `values`, and supplies
//! "today" in Asia/Tokyo (UTC+9 all year: Japan has no summer time).
//!
//! These functions speak in codes: `www/myna-hoken-api.js` (the module pages
//! import) wraps them and adds the words from the catalogs.

use chrono::NaiveDate;
use js_sys::{Array, Date, Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::{self, RawObject, RawValue};
use crate::error::ApiError;

// A small allocator (~1 KB against dlmalloc's ~7 KB). SAFETY: wasm32 without
// atomics runs on one thread. `memory_stays_bounded_over_many_calls` in
// tests/web.rs checks that it gives memory back.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[wasm_bindgen(typescript_custom_section)]
const TS_VALUES: &str = r#"
/** The values of a coded item: ISO dates ("2024-09-18"), months ("2024-06"), numbers, enum codes, lists of codes. */
export type Values = Record<string, string | number | string[]>;
"#;

thread_local! {
    /// The profile `setProfile` was given (already read from JS, and
    /// checked): inputs without a `profile` key use it, so a page's calls do
    /// not cross into JS for every value of it each time.
    static PROFILE: std::cell::RefCell<Option<crate::profile::Profile>> = const { std::cell::RefCell::new(None) };
}

/// Today in Japan, from the browser's clock (not its time zone).
fn today_in_tokyo() -> NaiveDate {
    crate::date::tokyo_date_from_unix_ms(Date::now())
}

fn to_js_error(e: ApiError) -> JsValue {
    // The message is the code until the API module puts the words in.
    let err = Error::new(e.code());
    err.set_name("MynaHokenError");
    let field = e.field.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let values = to_plain(&e.values).unwrap_or(JsValue::NULL);
    // Reflect::set only fails on frozen objects; a fresh Error is not.
    let _ = Reflect::set(&err, &"code".into(), &e.code().into());
    let _ = Reflect::set(
        &err,
        &"variant".into(),
        &e.variant().map_or(JsValue::NULL, JsValue::from_str),
    );
    let _ = Reflect::set(&err, &"field".into(), &field);
    let _ = Reflect::set(&err, &"values".into(), &values);
    err.into()
}

/// A plain JS object: the value as a `Node` tree, then serde-wasm-bindgen
/// (one instantiation for every answer; see `node`).
fn to_plain<T: Serialize>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    crate::node::to_node(value).serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    to_plain(value).map_err(|_| to_js_error(api::not_an_object()))
}

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, with a thrown exception (a getter, a Proxy trap)
    /// caught instead of unwinding through the engine.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn object_entries(value: &JsValue) -> Result<Array, JsValue>;
}

/// Reads a plain object's own enumerable string keys. Never iterates the
/// value (an object whose prototype is an array would yield inherited junk)
/// and never follows nested objects: a nested value is just "not a scalar".
fn object(input: JsValue) -> Result<RawObject, JsValue> {
    if !input.is_object() || Array::is_array(&input) || input.is_function() {
        return Err(to_js_error(api::not_an_object()));
    }
    let entries = object_entries(&input).map_err(|_| to_js_error(api::not_an_object()))?;
    let mut fields = Vec::with_capacity(entries.length() as usize);
    for entry in entries.iter() {
        let pair = Array::from(&entry);
        let key = pair.get(0).as_string().unwrap_or_default();
        // Only the insurer's profile is read below the top level.
        let value = if key == "profile" {
            tree(pair.get(1), 0, &mut 400)
        } else {
            scalar(pair.get(1))
        };
        fields.push((key, value));
    }
    if !fields.iter().any(|(k, _)| k == "profile") {
        if let Some(p) = PROFILE.with(|p| p.borrow().clone()) {
            fields.push(("profile".to_string(), RawValue::Checked(Box::new(p))));
        }
    }
    Ok(RawObject(fields))
}

/// A nested value (a profile), read with `Object.entries` like the top level:
/// at most 6 levels and `budget` values in all, anything else "not read".
fn tree(input: JsValue, depth: u32, budget: &mut u32) -> RawValue {
    if *budget == 0 || depth > 6 {
        return RawValue::Other;
    }
    *budget -= 1;
    if !input.is_object() || input.is_function() {
        return scalar(input);
    }
    let Ok(entries) = object_entries(&input) else {
        return RawValue::Other;
    };
    let list = Array::is_array(&input);
    let mut items = Vec::with_capacity(entries.length().min(64) as usize);
    for entry in entries.iter() {
        let pair = Array::from(&entry);
        let key = pair.get(0).as_string().unwrap_or_default();
        items.push((key, tree(pair.get(1), depth + 1, budget)));
    }
    if list {
        RawValue::Array(items.into_iter().map(|(_, v)| v).collect())
    } else {
        RawValue::Object(RawObject(items))
    }
}

fn scalar(input: JsValue) -> RawValue {
    if input.is_null() || input.is_undefined() {
        RawValue::Null
    } else if let Some(s) = input.as_string() {
        RawValue::Text(s)
    } else if let Some(b) = input.as_bool() {
        RawValue::Bool(b)
    } else if let Some(n) = input.as_f64() {
        RawValue::Number(n)
    } else {
        RawValue::Other
    }
}

/// `cardDates(input)`: the dates of the card and its certificate.
#[wasm_bindgen(js_name = cardDates, unchecked_return_type = "CardDates")]
pub fn card_dates(
    #[wasm_bindgen(unchecked_param_type = "CardDatesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = api::card_dates(object(input)?, today_in_tokyo()).map_err(to_js_error)?;
    to_js(&result)
}

/// `eligibilityCertificateDates(input)`: the 資格確認書's expiry and return duty.
#[wasm_bindgen(
    js_name = eligibilityCertificateDates,
    unchecked_return_type = "EligibilityDates"
)]
pub fn eligibility_certificate_dates(
    #[wasm_bindgen(unchecked_param_type = "EligibilityCertificateDatesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = api::eligibility_certificate_dates(object(input)?, today_in_tokyo())
        .map_err(to_js_error)?;
    to_js(&result)
}

/// `adviseDocuments(situation)`: what to bring and what happens next.
#[wasm_bindgen(js_name = adviseDocuments, unchecked_return_type = "Advice")]
pub fn advise_documents(
    #[wasm_bindgen(unchecked_param_type = "AdviseDocumentsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = api::advise_documents(object(input)?, today_in_tokyo()).map_err(to_js_error)?;
    to_js(&result)
}

/// `parseDate(text)`: "YYYY-MM-DD" from 西暦 or 和暦.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date(text: JsValue) -> Result<String, JsValue> {
    api::parse_date_text(&scalar(text)).map_err(to_js_error)
}

/// `formatWareki(date)`: "令和7年12月2日".
#[wasm_bindgen(js_name = formatWareki)]
pub fn format_wareki(date: JsValue) -> Result<String, JsValue> {
    api::format_wareki_text(&scalar(date)).map_err(to_js_error)
}

/// `describeDate(date)`: `[iso, seireki, wareki, warekiYear, era, eraYear,
/// english, weekday]` (the API module names them; an array costs the wasm
/// less code than an object).
#[wasm_bindgen(js_name = describeDate)]
pub fn describe_date(date: JsValue) -> Result<Array, JsValue> {
    let d = api::describe_date(&scalar(date)).map_err(to_js_error)?;
    let out = Array::new();
    for text in [&d.iso, &d.seireki, &d.wareki, &d.wareki_year] {
        out.push(&JsValue::from_str(text));
    }
    out.push(&JsValue::from_str(d.era));
    out.push(&JsValue::from(d.era_year));
    out.push(&JsValue::from_str(&d.english));
    out.push(&JsValue::from(d.weekday));
    Ok(out)
}

/// `todayInTokyo()`: today's date in Japan, "YYYY-MM-DD".
#[wasm_bindgen(js_name = todayInTokyo)]
pub fn today() -> String {
    crate::text::iso(today_in_tokyo())
}

/// `questions(function, input)`: the questions that apply now, in order
/// (`{ key, required, missing? }`: `missing` the wording of `missing_field` for it),
/// `[{ key, required }]` (the page shows these and no others).
#[wasm_bindgen(js_name = questions)]
pub fn questions(function: JsValue, input: JsValue) -> Array {
    let name = function.as_string().unwrap_or_default();
    let input = object(input).unwrap_or_default();
    let out = Array::new();
    for q in crate::questions::questions(&name, &input) {
        let item = js_sys::Object::new();
        let _ = Reflect::set(&item, &"key".into(), &q.key.into());
        let _ = Reflect::set(&item, &"required".into(), &q.required.into());
        if let Some(variant) = q.missing {
            let _ = Reflect::set(&item, &"missing".into(), &variant.into());
        }
        out.push(&item);
    }
    out
}

/// `eras()`: the eras the date pickers offer, newest first: `[{ kanji, romaji, years }]`.
#[wasm_bindgen(js_name = eras)]
pub fn eras() -> Array {
    let out = Array::new();
    for e in api::eras(today_in_tokyo()) {
        let item = js_sys::Object::new();
        let _ = Reflect::set(&item, &"kanji".into(), &e.kanji.into());
        let _ = Reflect::set(&item, &"romaji".into(), &e.romaji.into());
        let _ = Reflect::set(&item, &"years".into(), &e.years.into());
        out.push(&item);
    }
    out
}

/// `profileProblems(profile)`: every problem of an insurer's profile, each
/// `{ code, variant, field, values }` with the path in `field` (empty: none).
#[wasm_bindgen(js_name = profileProblems)]
pub fn profile_problems(profile: JsValue) -> Array {
    let out = Array::new();
    if let Err(problems) = crate::profile::read(&tree(profile, 0, &mut 400)) {
        for p in problems {
            let _ = out.push(&to_js_error(p));
        }
    }
    out
}

/// `setProfile(profile)`: the profile for inputs that carry none. Returns its
/// problems as `profileProblems` does; with any, the one before stays.
#[wasm_bindgen(js_name = setProfile)]
pub fn set_profile(profile: JsValue) -> Array {
    let raw = tree(profile, 0, &mut 400);
    let out = Array::new();
    match crate::profile::read(&raw) {
        Ok(read) => PROFILE.with(|p| *p.borrow_mut() = Some(read)),
        Err(problems) => {
            for p in problems {
                let _ = out.push(&to_js_error(p));
            }
        }
    }
    out
}

/// `rulesChecked()`: the day RULES.md was last checked against its sources.
#[wasm_bindgen(js_name = rulesChecked)]
pub fn rules_checked() -> String {
    crate::rules::RULES_CHECKED.to_string()
}

/// `inputSchema()`: every function's input keys, types and when they are
/// required, as JSON text (the API module parses it).
#[wasm_bindgen(js_name = inputSchema)]
pub fn input_schema() -> String {
    crate::schema::JSON.to_string()
}
