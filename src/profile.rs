//! 保険者のプロフィール: what differs between insurers — how long their 資格確認書
//! runs, which reasons issue one automatically or on application, how it
//! reaches a member and goes back, and when it follows an expired certificate.
//! A site writes these facts as a JSON profile (README "Use it for your
//! society"); the national rules stay in `card` and `certificate`.
//!
//! The engine reads a profile strictly: every key of the contract, no other,
//! and every problem is reported with the path of the value at fault
//! (`profile.eligibilityCertificate.validity.months`) and what is allowed.

use chrono::NaiveDate;

use crate::answer::{Msg, Values};
use crate::error::ApiError;
pub use crate::insurer::{Period, Profile, Route, Validity};
use crate::parse::parse_date;
use crate::raw::{RawObject, RawValue};
use crate::vocabulary::{Delivery, Issue, Membership, Reason, ReturnTo};

/// Reads a profile; every problem, each with its path.
///
/// # Errors
/// The list of `invalid_profile` errors (never empty when `Err`).
pub fn read(raw: &RawValue) -> Result<Profile, Vec<ApiError>> {
    let mut problems = Vec::new();
    check(raw, &Shape::Object(TOP), &ROOT, &mut problems);
    if problems.is_empty() {
        if let Some(p) = extract(raw) {
            return Ok(p);
        }
        problems.push(problem(Msg::ProfileNotObject, &ROOT, Values::new()));
    }
    Err(problems)
}

// ---- the contract, as data ---------------------------------------------------

/// What a value of the contract must be. One walker (`check`) reads every
/// shape, so the contract is this table and not code.
#[derive(Clone, Copy)]
enum Shape {
    /// A non-empty string of at most 300 characters, or the same per language
    /// (`{ "ja": …, "en": … }`, `ja` required); `null` too where `nullable`.
    Text {
        nullable: bool,
    },
    /// The maintainers' notes: one string, up to 4000 characters.
    Notes,
    /// An `http(s)://` address; `null` too where `nullable`.
    Url {
        nullable: bool,
    },
    /// "YYYY-MM-DD", a real day.
    Date,
    Choice(&'static [&'static str]),
    /// A whole number in a range.
    Whole(u32, u32),
    /// A list of strings (a source's `covers`).
    Strings,
    /// An object with exactly these keys (`Key::optional` ones may be absent).
    Object(&'static [Key]),
    /// A non-empty list of values of one shape.
    List(&'static Shape),
    /// `eligibilityCertificate.validity`: its keys depend on its `kind`.
    Validity,
}

#[derive(Clone, Copy)]
struct Key {
    name: &'static str,
    shape: Shape,
    optional: bool,
}

const fn key(name: &'static str, shape: Shape) -> Key {
    Key {
        name,
        shape,
        optional: false,
    }
}

const fn optional(name: &'static str, shape: Shape) -> Key {
    Key {
        name,
        shape,
        optional: true,
    }
}

const TEXT: Shape = Shape::Text { nullable: false };
const TEXT_OR_NULL: Shape = Shape::Text { nullable: true };
const ROUTE: Shape = Shape::Object(&[
    key("delivery", Shape::Choice(Delivery::API)),
    key("returnTo", Shape::Choice(&["employer", "society"])),
]);
const AUTOMATIC: &[&str] = &["automatic", "on-application"];
/// What a contact is for: a lost card, using the card as health insurance,
/// the 資格確認書 (one that has not come, for instance), the form that cancels
/// the registration, anything else.
pub const CONTACT_PURPOSES: &[&str] = &[
    "card-lost",
    "card-use",
    "eligibility-certificate",
    "registration-cancel",
    "general",
];
const KINDS: &[&str] = &["months-to-month-end", "fixed", "year-end", "printed"];
const PERIOD: Shape = Shape::Object(&[
    key("issuedFrom", Shape::Date),
    key("issuedTo", Shape::Date),
    key("expires", Shape::Date),
]);
/// The keys of each validity kind, in `KINDS` order.
const VALIDITY: [&[Key]; 4] = [
    &[
        key("kind", Shape::Choice(KINDS)),
        key("months", Shape::Whole(1, 60)),
    ],
    &[
        key("kind", Shape::Choice(KINDS)),
        key("periods", Shape::List(&PERIOD)),
    ],
    &[
        key("kind", Shape::Choice(KINDS)),
        key("years", Shape::Whole(1, 10)),
    ],
    &[key("kind", Shape::Choice(KINDS))],
];
const TOP: &[Key] = &[
    key("id", TEXT),
    key("name", TEXT),
    key("shortName", TEXT),
    key("checked", Shape::Date),
    key(
        "sources",
        Shape::List(&Shape::Object(&[
            key("title", TEXT),
            key("url", Shape::Url { nullable: false }),
            optional("covers", Shape::Strings),
        ])),
    ),
    key(
        "contacts",
        Shape::List(&Shape::Object(&[
            key("label", TEXT),
            key("phone", TEXT_OR_NULL),
            key("hours", TEXT_OR_NULL),
            key("url", Shape::Url { nullable: true }),
            optional("address", TEXT_OR_NULL),
            // What the visitor contacts it for (the catalogs word each).
            optional("for", Shape::List(&Shape::Choice(CONTACT_PURPOSES))),
        ])),
    ),
    // Every membership is optional (an insurer without 任意継続 leaves those
    // out), but not all of them.
    key(
        "memberships",
        Shape::Object(&[
            optional("insured", ROUTE),
            optional("dependent", ROUTE),
            optional("voluntary-insured", ROUTE),
            optional("voluntary-dependent", ROUTE),
        ]),
    ),
    key(
        "eligibilityCertificate",
        Shape::Object(&[
            key("form", TEXT_OR_NULL),
            key("validity", Shape::Validity),
            key(
                "reasons",
                Shape::List(&Shape::Object(&[
                    key("reason", Shape::Choice(Reason::API)),
                    key("issue", Shape::Choice(AUTOMATIC)),
                ])),
            ),
            key("renewalAtExpiry", Shape::Choice(AUTOMATIC)),
            key(
                "afterCertificateExpiry",
                Shape::Object(&[key("monthsAfterExpiryMonth", Shape::Whole(1, 3))]),
            ),
        ]),
    ),
    key(
        "eligibilityNotice",
        Shape::Object(&[key("sentTo", Shape::Choice(&["registered", "all"]))]),
    ),
    optional("notes", Shape::Notes),
];

// ---- the walker ----------------------------------------------------------------

/// Where a value is, below `profile`: a chain of keys and list indexes kept
/// on the stack, written out (`profile.contacts[1].phone`) only for a problem.
#[derive(Clone, Copy)]
struct Path<'a> {
    up: Option<&'a Path<'a>>,
    key: &'a str,
    /// An item of the list at `key`.
    index: Option<usize>,
}

const ROOT: Path<'static> = Path {
    up: None,
    key: "profile",
    index: None,
};

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            up: Some(self),
            key,
            index: None,
        }
    }

    fn item(&'a self, i: usize) -> Path<'a> {
        Path {
            up: self.up,
            key: self.key,
            index: Some(i),
        }
    }

    /// Whether this is `profile.<key>` (a list's items count as the list).
    fn is(&self, key: &str) -> bool {
        self.key == key && self.up.is_some_and(|up| up.up.is_none())
    }

    fn write(&self, out: &mut String) {
        if let Some(up) = self.up {
            up.write(out);
            out.push('.');
        }
        out.push_str(self.key);
        if let Some(i) = self.index {
            out.push('[');
            out.push_str(&crate::text::num(i as i64));
            out.push(']');
        }
    }
}

/// A problem of the value at `path` (the field at fault).
fn problem(msg: Msg, path: &Path, values: Values) -> ApiError {
    let mut field = String::new();
    path.write(&mut field);
    ApiError::with(msg, Some(&field), values)
}

fn text_fits(v: &RawValue, limit: usize) -> bool {
    matches!(v, RawValue::Text(t) if !t.trim().is_empty() && t.chars().count() <= limit)
}

/// Checks `v` against `shape`, adding a problem for each way it is wrong.
fn check(v: &RawValue, shape: &Shape, path: &Path, out: &mut Vec<ApiError>) {
    let bad = |msg| problem(msg, path, Values::new());
    let wrong = match (shape, v) {
        (Shape::Text { .. } | Shape::Url { nullable: true }, RawValue::Null) => None,
        (Shape::Text { .. }, v) if text_fits(v, 300) => None,
        (Shape::Text { .. }, RawValue::Object(langs)) => {
            let ok = langs.0.len() <= 8
                && langs.0.iter().any(|(k, _)| k == "ja")
                && langs.0.iter().all(|(k, v)| {
                    (1..=16).contains(&k.len())
                        && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                        && text_fits(v, 300)
                });
            (!ok).then(|| bad(Msg::ProfileTranslations))
        }
        (Shape::Text { nullable: true }, _) => Some(bad(Msg::ProfileNotTextOrNull)),
        (Shape::Text { nullable: false }, _) => Some(bad(Msg::ProfileNotText)),
        (Shape::Notes, v) if text_fits(v, 4000) => None,
        (Shape::Notes, _) => Some(bad(Msg::ProfileNotText)),
        (Shape::Url { .. }, RawValue::Text(t))
            if t.starts_with("https://") || t.starts_with("http://") =>
        {
            None
        }
        (Shape::Url { .. }, _) => Some(bad(Msg::ProfileUrl)),
        (Shape::Date, RawValue::Text(t)) if date(t).is_some() => None,
        (Shape::Date, _) => Some(bad(Msg::ProfileDate)),
        (Shape::Choice(allowed), RawValue::Text(t)) if allowed.contains(&t.as_str()) => None,
        (Shape::Choice(allowed), _) => Some(problem(
            Msg::ProfileChoice,
            path,
            Values::new().text("allowed", crate::text::join(allowed, " | ")),
        )),
        (Shape::Whole(min, max), RawValue::Number(n))
            if n.fract() == 0.0 && *n >= f64::from(*min) && *n <= f64::from(*max) =>
        {
            None
        }
        (Shape::Whole(min, max), _) => Some(problem(
            Msg::ProfileRange,
            path,
            Values::new()
                .num("min", i32::try_from(*min).unwrap_or(0))
                .num("max", i32::try_from(*max).unwrap_or(0)),
        )),
        (Shape::Strings, RawValue::Array(list))
            if list.iter().all(|c| matches!(c, RawValue::Text(_))) =>
        {
            None
        }
        (Shape::Strings, _) => Some(bad(Msg::ProfileNotList)),
        (Shape::List(item), RawValue::Array(list)) if !list.is_empty() => {
            for (i, x) in list.iter().enumerate() {
                check(x, item, &path.item(i), out);
                item_spans(list, i, path, out);
            }
            None
        }
        (Shape::List(_), _) => Some(bad(Msg::ProfileNotList)),
        (Shape::Object(keys), RawValue::Object(o)) => {
            object(o, keys, path, out);
            None
        }
        (Shape::Validity, RawValue::Object(o)) => {
            match o.0.iter().find(|(k, _)| k == "kind").map(|(_, v)| v) {
                None | Some(RawValue::Null) => out.push(problem(
                    Msg::ProfileMissing,
                    &path.key("kind"),
                    Values::new(),
                )),
                Some(RawValue::Text(t)) if KINDS.contains(&t.as_str()) => {
                    let at = KINDS.iter().position(|k| *k == t.as_str()).unwrap_or(0);
                    object(o, VALIDITY.get(at).copied().unwrap_or(&[]), path, out);
                }
                Some(kind) => check(kind, &Shape::Choice(KINDS), &path.key("kind"), out),
            }
            None
        }
        (Shape::Object(_) | Shape::Validity, _) => Some(bad(Msg::ProfileNotObject)),
    };
    out.extend(wrong);
}

/// An object: no unknown key, every required one present (`null` only where
/// its shape allows), each value checked; then what spans several values.
fn object(o: &RawObject, keys: &[Key], path: &Path, out: &mut Vec<ApiError>) {
    for (k, _) in &o.0 {
        if !keys.iter().any(|x| x.name == k) {
            let shown: String = k.chars().take(40).collect();
            let names: Vec<&str> = keys.iter().map(|x| x.name).collect();
            out.push(problem(
                Msg::ProfileUnknownKey,
                &path.key(&shown),
                Values::new().text("allowed", crate::text::join(&names, ", ")),
            ));
        }
    }
    let nullable = |k: &Key| {
        matches!(
            k.shape,
            Shape::Text { nullable: true } | Shape::Url { nullable: true }
        )
    };
    let value = |k: &Key| o.0.iter().find(|(name, _)| name == k.name).map(|(_, v)| v);
    // First what is missing (`null` counts, where its shape does not allow it)…
    for k in keys {
        let absent = match value(k) {
            None | Some(RawValue::Null) if k.optional => false,
            None => true,
            Some(RawValue::Null) => !nullable(k),
            Some(_) => false,
        };
        if absent {
            out.push(problem(
                Msg::ProfileMissing,
                &path.key(k.name),
                Values::new(),
            ));
        }
    }
    // …then every value given.
    for k in keys {
        if let Some(v) = value(k).filter(|v| !matches!(v, RawValue::Null)) {
            check(v, &k.shape, &path.key(k.name), out);
        }
    }
    if path.is("memberships") && o.0.iter().all(|(_, v)| matches!(v, RawValue::Null)) {
        out.push(problem(
            Msg::ProfileMissing,
            &path.key("insured"),
            Values::new(),
        ));
    }
}

/// What no single item of a list shows, checked as each is read: fixed
/// periods in order without overlap, each reason once.
fn item_spans(list: &[RawValue], i: usize, path: &Path, out: &mut Vec<ApiError>) {
    let at = |p: &RawValue| -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
        let po = as_object(p)?;
        Some((
            date_at(po, "issuedFrom")?,
            date_at(po, "issuedTo")?,
            date_at(po, "expires")?,
        ))
    };
    let here = path.item(i);
    let Some(item) = list.get(i) else { return };
    if path.key == "periods" {
        let Some((from, to, expires)) = at(item) else {
            return;
        };
        // The last issue day of the periods before, in order ones only.
        let mut last: Option<NaiveDate> = None;
        for (f, t, e) in list.iter().take(i).filter_map(at) {
            if f <= t && t <= e && last.is_none_or(|l| f > l) {
                last = Some(t);
            }
        }
        if to < from || expires < to {
            out.push(problem(Msg::ProfilePeriodOrder, &here, Values::new()));
        } else if last.is_some_and(|l| from <= l) {
            out.push(problem(Msg::ProfilePeriodOverlap, &here, Values::new()));
        }
    } else if path.key == "reasons" {
        fn reason(r: &RawValue) -> Option<&str> {
            as_object(r).and_then(|ro| text_at(ro, "reason"))
        }
        if reason(item).is_some_and(|t| list.iter().take(i).any(|r| reason(r) == Some(t))) {
            out.push(problem(
                Msg::ProfileDuplicate,
                &here.key("reason"),
                Values::new(),
            ));
        }
    }
}

// ---- reading a checked profile ---------------------------------------------------

fn get<'a>(o: &'a RawObject, key: &str) -> Option<&'a RawValue> {
    o.0.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| !matches!(v, RawValue::Null))
}

fn as_object(v: &RawValue) -> Option<&RawObject> {
    match v {
        RawValue::Object(o) => Some(o),
        _ => None,
    }
}

fn list<'a>(o: &'a RawObject, key: &str) -> &'a [RawValue] {
    match get(o, key) {
        Some(RawValue::Array(items)) => items,
        _ => &[],
    }
}

fn text_at<'a>(o: &'a RawObject, key: &str) -> Option<&'a str> {
    match get(o, key) {
        Some(RawValue::Text(t)) => Some(t),
        _ => None,
    }
}

fn date_at(o: &RawObject, key: &str) -> Option<NaiveDate> {
    text_at(o, key).and_then(date)
}

fn whole_at(o: &RawObject, key: &str) -> Option<u32> {
    match get(o, key) {
        Some(RawValue::Number(n)) if *n >= 0.0 => Some(*n as u32),
        _ => None,
    }
}

fn at<'a>(o: &'a RawObject, key: &str) -> Option<&'a RawObject> {
    get(o, key).and_then(as_object)
}

/// "YYYY-MM-DD" exactly, a real day (a profile is data written once: no 和暦, no slashes).
fn date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    let iso = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso {
        parse_date(t, None).ok()
    } else {
        None
    }
}

/// The facts of a profile `check` found nothing wrong with.
fn extract(raw: &RawValue) -> Option<Profile> {
    let top = as_object(raw)?;
    let m = at(top, "memberships")?;
    let mut memberships = [None; 4];
    for (slot, name) in memberships.iter_mut().zip(Membership::API) {
        if let Some(r) = at(m, name) {
            *slot = Some(Route {
                delivery: Delivery::from_api(text_at(r, "delivery")?)?,
                return_to: ReturnTo::from_api(text_at(r, "returnTo")?)?,
            });
        }
    }
    let c = at(top, "eligibilityCertificate")?;
    let v = at(c, "validity")?;
    let validity = match text_at(v, "kind")? {
        "months-to-month-end" => Validity::MonthsToMonthEnd(whole_at(v, "months")?),
        "year-end" => Validity::YearEnd(whole_at(v, "years")?),
        "printed" => Validity::Printed,
        _ => Validity::Fixed(
            list(v, "periods")
                .iter()
                .map(|p| {
                    let p = as_object(p)?;
                    Some(Period {
                        issued_from: date_at(p, "issuedFrom")?,
                        issued_to: date_at(p, "issuedTo")?,
                        expires: date_at(p, "expires")?,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        ),
    };
    let reasons = list(c, "reasons")
        .iter()
        .map(|r| {
            let r = as_object(r)?;
            Some((
                Reason::from_api(text_at(r, "reason")?)?,
                Issue::from_api(text_at(r, "issue")?)?,
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Profile {
        memberships,
        validity,
        reasons,
        renewed_automatically: text_at(c, "renewalAtExpiry")? == "automatic",
        months_after_certificate_expiry: whole_at(
            at(c, "afterCertificateExpiry")?,
            "monthsAfterExpiryMonth",
        )?,
        notice_to_all: text_at(at(top, "eligibilityNotice")?, "sentTo")? == "all",
    })
}
