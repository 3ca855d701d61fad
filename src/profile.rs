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
pub use crate::insurer::{Period, Profile, Route, Validity, ValidityFor};
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
/// shape, so the contract is this table and not code; the JSON Schema, the
/// TypeScript type and the README's table are written from it (`contract`).
#[derive(Clone, Copy)]
enum Shape {
    /// A non-empty string of at most 300 characters, or the same per language
    /// (`{ "ja": …, "en": … }`, `ja` required); `null` too where `nullable`.
    Text {
        nullable: bool,
    },
    /// The maintainers' notes: one string, up to 4000 characters.
    Notes,
    /// Any string (the `$schema` an editor reads).
    AnyText,
    /// An `http(s)://` address; `null` too where `nullable`.
    Url {
        nullable: bool,
    },
    /// "YYYY-MM-DD", a real day from 1900 to 2200.
    Date,
    /// `true` or `false`.
    Bool,
    Choice(&'static [&'static str]),
    /// A whole number in a range.
    Whole(u32, u32),
    /// A list of strings (a source's `covers`).
    Strings,
    /// An object with exactly these keys (`Key::optional` ones may be absent).
    Object(&'static [Key]),
    /// An object with these optional keys, of which at least one is given.
    AnyOf(&'static [Key]),
    /// A non-empty list of values of one shape.
    List(&'static Shape),
    /// A validity: its keys depend on its `kind`.
    Validity,
}

/// One key of an object: its name, its shape, whether it may be absent, and
/// what it means (for the schema's descriptions and the README; not in the
/// wasm: a const fn drops them there).
#[derive(Clone, Copy)]
struct Key {
    name: &'static str,
    shape: Shape,
    optional: bool,
    #[cfg(not(target_arch = "wasm32"))]
    doc: [&'static str; 2],
}

const fn key(name: &'static str, shape: Shape, doc: [&'static str; 2]) -> Key {
    let _ = doc;
    Key {
        name,
        shape,
        optional: false,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

const fn optional(name: &'static str, shape: Shape, doc: [&'static str; 2]) -> Key {
    let _ = doc;
    Key {
        name,
        shape,
        optional: true,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

const TEXT: Shape = Shape::Text { nullable: false };
const TEXT_OR_NULL: Shape = Shape::Text { nullable: true };
const ROUTE: Shape = Shape::Object(&[
    key(
        "delivery",
        Shape::Choice(Delivery::API),
        [
            "資格確認書の届け方: employer (勤め先を通じて)、home (自宅へ郵送)",
            "How a 資格確認書 reaches the member: employer (through the employer), home (by post)",
        ],
    ),
    key(
        "returnTo",
        Shape::Choice(&["employer", "society"]),
        [
            "資格がなくなったときの返し方: employer (勤め先を通じて)、society (保険者へ直接)",
            "Where it goes back when membership ends: employer (through the employer), society (to the insurer directly)",
        ],
    ),
    optional(
        "label",
        TEXT,
        [
            "この加入のしかたの、保険者自身の呼び方 (「組合員」など)。ないときは計算機の言葉",
            "The insurer's own name for this membership (「組合員」…); without it, the widget's words",
        ],
    ),
]);
/// How an insurer issues a 資格確認書 for a reason.
pub const ISSUES: &[&str] = &["automatic", "on-application", "automatic-first-time"];
const RENEWAL: &[&str] = &["automatic", "on-application"];
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
/// The validity kinds, in the order of `VALIDITY`.
pub const KINDS: &[&str] = &["months-to-month-end", "fixed", "year-end", "printed"];
const KIND: Key = key(
    "kind",
    Shape::Choice(KINDS),
    [
        "有効期限の決まり方: months-to-month-end (交付から◯か月の直前の月末)、fixed (交付時期ごとの日付)、year-end (◯年以内の最後の12月31日)、printed (印字された日付だけ)",
        "How the expiry follows: months-to-month-end, fixed (a date per issuing period), year-end (the last 31 December within the years), printed (only the printed date tells)",
    ],
);
const PERIOD: Shape = Shape::Object(&[
    key(
        "issuedFrom",
        Shape::Date,
        ["この期間の最初の交付日", "First issue day of this period"],
    ),
    key(
        "issuedTo",
        Shape::Date,
        ["この期間の最後の交付日", "Last issue day of this period"],
    ),
    key(
        "expires",
        Shape::Date,
        [
            "この期間に交付されたものの有効期限",
            "The expiry of those issued in this period",
        ],
    ),
]);
/// The keys of each validity kind, in `KINDS` order.
const VALIDITY: [&[Key]; 4] = [
    &[
        KIND,
        key(
            "months",
            Shape::Whole(1, 60),
            [
                "交付日から何か月: その日を超えない直前の月末が有効期限 (60: 2024-12-02 → 2029-11-30)",
                "Months from issue: the expiry is the last month end before that day (60: 2024-12-02 → 2029-11-30)",
            ],
        ),
    ],
    &[
        KIND,
        key(
            "periods",
            Shape::List(&PERIOD),
            ["交付時期ごとの有効期限 (古い順、重ならない)", "The expiry for each issuing period (oldest first, no overlap)"],
        ),
    ],
    &[
        KIND,
        key(
            "years",
            Shape::Whole(1, 10),
            [
                "交付日から何年以内の、最後の12月31日まで (5: 2025-06-01 → 2029-12-31)",
                "Until the last 31 December within this many years of issue (5: 2025-06-01 → 2029-12-31)",
            ],
        ),
    ],
    &[KIND],
];
const REASON: Shape = Shape::Choice(Reason::API);
const TOP: &[Key] = &[
    optional(
        "$schema",
        Shape::AnyText,
        [
            "この形の JSON Schema (編集ソフトが補完と確認に使う): \"./profile.schema.json\"",
            "The JSON Schema of this contract, for editors: \"./profile.schema.json\"",
        ],
    ),
    key("id", TEXT, ["保険者の短い識別子 (ファイル名と同じ)", "A short id of the insurer (the file's name)"]),
    key("name", TEXT, ["保険者の正式な名前 (画面の {society})", "The insurer's full name ({society} on screen)"]),
    key("shortName", TEXT, ["保険者の短い名前 (出典の表示)", "The insurer's short name (shown with sources)"]),
    key("checked", Shape::Date, ["出典を確かめた日", "The day the sources were checked"]),
    key(
        "sources",
        Shape::List(&Shape::Object(&[
            key("title", TEXT, ["出典の題名", "The source's title"]),
            key("url", Shape::Url { nullable: false }, ["出典のURL", "The source's address"]),
            optional(
                "covers",
                Shape::Strings,
                ["この出典が裏づける値のパス (保守する人のため)", "The paths of the values it supports (for maintainers)"],
            ),
        ])),
        ["プロフィールの値の出典", "Where the profile's values come from"],
    ),
    key(
        "contacts",
        Shape::List(&Shape::Object(&[
            key("label", TEXT, ["問い合わせ先の名前", "The contact's name"]),
            key("phone", TEXT_OR_NULL, ["電話番号 (公表されていなければ null)", "Phone number (null when not published)"]),
            key("hours", TEXT_OR_NULL, ["受付時間 (null 可)", "Hours (or null)"]),
            key("url", Shape::Url { nullable: true }, ["ページのURL (null 可)", "A page's address (or null)"]),
            optional("address", TEXT_OR_NULL, ["住所 (書類の提出先など)", "Postal address (where forms go)"]),
            optional(
                "for",
                Shape::List(&Shape::Choice(CONTACT_PURPOSES)),
                [
                    "用件: card-lost, card-use, eligibility-certificate, registration-cancel, general",
                    "What it is for: card-lost, card-use, eligibility-certificate, registration-cancel, general",
                ],
            ),
        ])),
        ["問い合わせ先 (同じ番号は1回だけ、用件を添えて)", "Contacts (each number once, saying what it is for)"],
    ),
    // Every membership is optional (an insurer without 任意継続 leaves those
    // out), but not all of them.
    key(
        "memberships",
        Shape::AnyOf(&[
            optional("insured", ROUTE, ["被保険者 (組合員)", "Insured members"]),
            optional("dependent", ROUTE, ["被扶養者", "Dependents"]),
            optional("voluntary-insured", ROUTE, ["任意継続被保険者", "Voluntarily continued members"]),
            optional("voluntary-dependent", ROUTE, ["任意継続被保険者の被扶養者", "Their dependents"]),
        ]),
        [
            "加入のしかたごとの届け方と返し方 (ない加入のしかたは書かない。少なくとも1つ)",
            "Delivery and return per membership (leave out those the insurer has not; at least one)",
        ],
    ),
    key(
        "eligibilityCertificate",
        Shape::Object(&[
            key(
                "form",
                TEXT_OR_NULL,
                ["資格確認書の見た目 (「青色のプラスチックカード」など。null 可)", "What it looks like (or null)"],
            ),
            key("validity", Shape::Validity, ["有効期限の決まり方", "How its expiry follows from the issue date"]),
            optional(
                "validityFor",
                Shape::List(&Shape::Object(&[
                    optional(
                        "newMember",
                        Shape::Bool,
                        ["新しく加入した方に交付したものか (true) どうか", "For one issued to a new member (true), or not"],
                    ),
                    optional(
                        "reasons",
                        Shape::List(&REASON),
                        ["この理由で交付したものに", "For one issued for these reasons"],
                    ),
                    key("validity", Shape::Validity, ["そのときの有効期限の決まり方", "Its validity then"]),
                ])),
                [
                    "場合によって違う有効期限 (最初に当てはまるもの。どれも当てはまらなければ validity)",
                    "Validities for some cases (the first that applies; else validity)",
                ],
            ),
            key(
                "reasons",
                Shape::List(&Shape::Object(&[
                    key("reason", REASON, ["交付する理由", "The reason"]),
                    key(
                        "issue",
                        Shape::Choice(ISSUES),
                        [
                            "automatic (申請なしで)、on-application (申請で)、automatic-first-time (初回だけ申請なしで、更新は申請で)",
                            "automatic, on-application, or automatic-first-time (automatic the first time, renewed on application)",
                        ],
                    ),
                ])),
                ["交付する理由、保険者の順に (①が最初)", "The reasons it is issued for, in the insurer's order (① first)"],
            ),
            optional(
                "newMembers",
                Shape::Choice(&["automatic"]),
                [
                    "automatic: 新しく加入した方 (入社など) で理由に当てはまる方には、申請がなくても交付 (メルテック健保)。なければ reasons のとおり",
                    "automatic: a new member (joining) to whom a reason applies gets one without applying (メルテック健保); without it, as reasons say",
                ],
            ),
            key(
                "renewalAtExpiry",
                Shape::Choice(RENEWAL),
                ["有効期限が来たときの新しい資格確認書: automatic か on-application", "A new one at expiry: automatic or on-application"],
            ),
            key(
                "afterCertificateExpiry",
                Shape::Object(&[key(
                    "monthsAfterExpiryMonth",
                    Shape::Whole(1, 3),
                    [
                        "電子証明書の有効期限の月から何か月目の月末を過ぎると届くか",
                        "After the end of which month following the expiry month it comes",
                    ],
                )]),
                ["電子証明書が切れたまま更新しない方に届く時期", "When it comes after an unrenewed certificate"],
            ),
        ]),
        ["資格確認書", "The eligibility certificate (資格確認書)"],
    ),
    key(
        "eligibilityNotice",
        Shape::Object(&[key(
            "sentTo",
            Shape::Choice(&["registered", "all"]),
            ["資格情報のお知らせを送った相手: registered (登録した方) か all (全員)", "Who got the eligibility notice: registered or all"],
        )]),
        ["資格情報のお知らせ", "The eligibility notice (資格情報のお知らせ)"],
    ),
    optional("notes", Shape::Notes, ["保守する人へのメモ (表示しない)", "Notes for maintainers (never shown)"]),
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
    // At most `limit` characters: there is no character at index `limit`.
    // (`chars().count()` would link core's word-at-a-time counter, 0.3 KB
    // gzip of wasm, for texts of a few hundred characters.)
    matches!(v, RawValue::Text(t) if !t.trim().is_empty() && t.chars().nth(limit).is_none())
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
        (Shape::AnyText, RawValue::Text(_)) => None,
        (Shape::AnyText, _) => Some(bad(Msg::ProfileNotText)),
        (Shape::Bool, RawValue::Bool(_)) => None,
        (Shape::Bool, _) => Some(problem(
            Msg::ProfileChoice,
            path,
            Values::new().text("allowed", "true | false".to_string()),
        )),
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
        (Shape::Object(keys) | Shape::AnyOf(keys), RawValue::Object(o)) => {
            object(o, keys, path, out);
            // AnyOf: at least one of its optional keys is given.
            let given = |k: &Key| {
                o.0.iter()
                    .any(|(name, v)| name == k.name && !matches!(v, RawValue::Null))
            };
            if let Shape::AnyOf(keys) = shape {
                let mut options = keys.iter().filter(|k| k.optional);
                if let Some(first) = options.clone().next() {
                    if !options.any(given) {
                        out.push(problem(
                            Msg::ProfileMissing,
                            &path.key(first.name),
                            Values::new(),
                        ));
                    }
                }
            }
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
        (Shape::Object(_) | Shape::AnyOf(_) | Shape::Validity, _) => {
            Some(bad(Msg::ProfileNotObject))
        }
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

/// A checked validity.
fn validity_at(v: &RawObject) -> Option<Validity> {
    Some(match text_at(v, "kind")? {
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
    })
}

fn reason_list(o: &RawObject, key: &str) -> Option<Vec<Reason>> {
    list(o, key)
        .iter()
        .map(|r| match r {
            RawValue::Text(t) => Reason::from_api(t),
            _ => None,
        })
        .collect()
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
    let validity = validity_at(at(c, "validity")?)?;
    let validity_for = list(c, "validityFor")
        .iter()
        .map(|item| {
            let item = as_object(item)?;
            Some(ValidityFor {
                new_member: match get(item, "newMember") {
                    Some(RawValue::Bool(b)) => Some(*b),
                    _ => None,
                },
                reasons: reason_list(item, "reasons")?,
                validity: validity_at(at(item, "validity")?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let mut first_time_only = Vec::new();
    let reasons = list(c, "reasons")
        .iter()
        .map(|r| {
            let r = as_object(r)?;
            let reason = Reason::from_api(text_at(r, "reason")?)?;
            // automatic-first-time: automatic, but renewed only on application.
            let issue = match text_at(r, "issue")? {
                "automatic-first-time" => {
                    first_time_only.push(reason);
                    Issue::Automatic
                }
                other => Issue::from_api(other)?,
            };
            Some((reason, issue))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Profile {
        memberships,
        validity,
        validity_for,
        reasons,
        first_time_only,
        new_members_automatic: matches!(get(c, "newMembers"), Some(RawValue::Text(t)) if t == "automatic"),
        renewed_automatically: text_at(c, "renewalAtExpiry")? == "automatic",
        months_after_certificate_expiry: whole_at(
            at(c, "afterCertificateExpiry")?,
            "monthsAfterExpiryMonth",
        )?,
        notice_to_all: text_at(at(top, "eligibilityNotice")?, "sentTo")? == "all",
    })
}

// ---- the contract, written out for people and tools --------------------------------

/// The contract as a JSON Schema, a TypeScript type and the README's table,
/// all written from `TOP` (native builds only: `tests/contract.rs` keeps the
/// committed copies equal to them).
#[cfg(not(target_arch = "wasm32"))]
pub mod contract {
    use super::{Key, Shape, KINDS, TOP, VALIDITY};

    /// A JSON value, written with two-space indents.
    enum J {
        Str(String),
        Num(i64),
        Bool(bool),
        Arr(Vec<J>),
        Obj(Vec<(String, J)>),
    }

    fn s(t: &str) -> J {
        J::Str(t.to_string())
    }

    fn obj(pairs: Vec<(&str, J)>) -> J {
        J::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    fn quote(t: &str, out: &mut String) {
        out.push('"');
        for c in t.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    fn write(j: &J, indent: usize, out: &mut String) {
        let pad = |n: usize, out: &mut String| out.push_str(&" ".repeat(n));
        match j {
            J::Str(t) => quote(t, out),
            J::Num(n) => out.push_str(&n.to_string()),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Arr(items) if items.iter().all(|i| matches!(i, J::Str(_) | J::Num(_))) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(item, indent, out);
                }
                out.push(']');
            }
            J::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    pad(indent + 2, out);
                    write(item, indent + 2, out);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                pad(indent, out);
                out.push(']');
            }
            J::Obj(pairs) => {
                out.push_str("{\n");
                for (i, (k, v)) in pairs.iter().enumerate() {
                    pad(indent + 2, out);
                    quote(k, out);
                    out.push_str(": ");
                    write(v, indent + 2, out);
                    out.push_str(if i + 1 < pairs.len() { ",\n" } else { "\n" });
                }
                pad(indent, out);
                out.push('}');
            }
        }
    }

    /// A non-empty string of at most `max` characters with something but spaces.
    fn text_string(max: i64) -> J {
        obj(vec![
            ("type", s("string")),
            ("minLength", J::Num(1)),
            ("maxLength", J::Num(max)),
            ("pattern", s("\\S")),
        ])
    }

    fn or_null(j: J) -> J {
        obj(vec![(
            "anyOf",
            J::Arr(vec![j, obj(vec![("type", s("null"))])]),
        )])
    }

    fn schema_of(shape: &Shape) -> J {
        match shape {
            Shape::Text { nullable } => {
                let text = obj(vec![(
                    "anyOf",
                    J::Arr(vec![
                        text_string(300),
                        obj(vec![
                            ("type", s("object")),
                            ("required", J::Arr(vec![s("ja")])),
                            ("maxProperties", J::Num(8)),
                            ("propertyNames", obj(vec![("pattern", s("^[a-z-]{1,16}$"))])),
                            ("additionalProperties", text_string(300)),
                        ]),
                    ]),
                )]);
                if *nullable {
                    or_null(text)
                } else {
                    text
                }
            }
            Shape::Notes => text_string(4000),
            Shape::AnyText => obj(vec![("type", s("string"))]),
            Shape::Url { nullable } => {
                let url = obj(vec![("type", s("string")), ("pattern", s("^https?://"))]);
                if *nullable {
                    or_null(url)
                } else {
                    url
                }
            }
            Shape::Date => obj(vec![
                ("type", s("string")),
                ("format", s("date")),
                (
                    "pattern",
                    s("^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"),
                ),
            ]),
            Shape::Bool => obj(vec![("type", s("boolean"))]),
            Shape::Choice(allowed) => obj(vec![(
                "enum",
                J::Arr(allowed.iter().map(|a| s(a)).collect()),
            )]),
            Shape::Whole(min, max) => obj(vec![
                ("type", s("integer")),
                ("minimum", J::Num(i64::from(*min))),
                ("maximum", J::Num(i64::from(*max))),
            ]),
            Shape::Strings => obj(vec![
                ("type", s("array")),
                ("items", obj(vec![("type", s("string"))])),
            ]),
            Shape::List(item) => obj(vec![
                ("type", s("array")),
                ("minItems", J::Num(1)),
                ("items", schema_of(item)),
            ]),
            Shape::Object(keys) => object_schema(keys, None),
            Shape::AnyOf(keys) => {
                let options: Vec<J> = keys
                    .iter()
                    .filter(|k| k.optional)
                    .map(|k| {
                        obj(vec![
                            ("required", J::Arr(vec![s(k.name)])),
                            (
                                "properties",
                                obj(vec![(
                                    k.name,
                                    obj(vec![("not", obj(vec![("type", s("null"))]))]),
                                )]),
                            ),
                        ])
                    })
                    .collect();
                object_schema(keys, Some(J::Arr(options)))
            }
            Shape::Validity => obj(vec![(
                "oneOf",
                J::Arr(
                    KINDS
                        .iter()
                        .zip(VALIDITY)
                        .map(|(kind, keys)| {
                            let J::Obj(mut pairs) = object_schema(keys, None) else {
                                return object_schema(keys, None);
                            };
                            // Each kind's object says its kind.
                            for (k, v) in pairs.iter_mut() {
                                if k == "properties" {
                                    if let J::Obj(props) = v {
                                        for (name, p) in props.iter_mut() {
                                            if name == "kind" {
                                                *p = obj(vec![
                                                    ("const", s(kind)),
                                                    (
                                                        "description",
                                                        s(&super::KIND.doc.join(" / ")),
                                                    ),
                                                ]);
                                            }
                                        }
                                    }
                                }
                            }
                            J::Obj(pairs)
                        })
                        .collect(),
                ),
            )]),
        }
    }

    fn nullable(k: &Key) -> bool {
        matches!(
            k.shape,
            Shape::Text { nullable: true } | Shape::Url { nullable: true }
        )
    }

    fn object_schema(keys: &[Key], any_of: Option<J>) -> J {
        let properties = keys
            .iter()
            .map(|k| {
                let mut shape = schema_of(&k.shape);
                // The engine reads an optional key given as null as absent.
                if k.optional && !nullable(k) {
                    shape = or_null(shape);
                }
                if let J::Obj(pairs) = &mut shape {
                    pairs.insert(0, ("description".to_string(), s(&k.doc.join(" / "))));
                }
                (k.name.to_string(), shape)
            })
            .collect();
        let required = keys
            .iter()
            .filter(|k| !k.optional)
            .map(|k| s(k.name))
            .collect();
        let mut pairs = vec![
            ("type", s("object")),
            ("properties", J::Obj(properties)),
            ("required", J::Arr(required)),
            ("additionalProperties", J::Bool(false)),
        ];
        if let Some(options) = any_of {
            pairs.push(("anyOf", options));
        }
        obj(pairs)
    }

    /// The JSON Schema (draft 2020-12) of a profile, with the descriptions in
    /// Japanese and English.
    pub fn json_schema() -> String {
        let J::Obj(mut top) = object_schema(TOP, None) else {
            return String::new();
        };
        let head = vec![
            ("$schema".to_string(), s("https://json-schema.org/draft/2020-12/schema")),
            ("$id".to_string(), s("profile.schema.json")),
            ("title".to_string(), s("myna-hoken insurer profile / 保険者のプロフィール")),
            (
                "description".to_string(),
                s("一つの保険者の資格確認書についての事実。README「Use it for your society」。期間の順序と重なり、理由の重複は計算エンジンだけが確かめます。 / One insurer's facts about the 資格確認書. Period order and overlap and repeated reasons are checked by the engine only."),
            ),
        ];
        top.splice(0..0, head);
        let mut out = String::new();
        write(&J::Obj(top), 0, &mut out);
        out.push('\n');
        out
    }

    fn ts_of(shape: &Shape, indent: usize) -> String {
        match shape {
            Shape::Text { nullable: false } => "ProfileText".into(),
            Shape::Text { nullable: true } => "ProfileText | null".into(),
            Shape::Notes | Shape::AnyText | Shape::Date => "string".into(),
            Shape::Url { nullable: false } => "string".into(),
            Shape::Url { nullable: true } => "string | null".into(),
            Shape::Bool => "boolean".into(),
            Shape::Choice(allowed) => allowed
                .iter()
                .map(|a| format!("{a:?}"))
                .collect::<Vec<_>>()
                .join(" | "),
            Shape::Whole(..) => "number".into(),
            Shape::Strings => "string[]".into(),
            Shape::List(item) => {
                let inner = ts_of(item, indent);
                if inner.contains('|') {
                    format!("({inner})[]")
                } else {
                    format!("{inner}[]")
                }
            }
            Shape::Object(keys) | Shape::AnyOf(keys) => ts_object(keys, indent),
            // Written once as its own type (`validity` and `validityFor[].validity` both use it).
            Shape::Validity => "ProfileValidity".into(),
        }
    }

    /// The union of the validity kinds, each with its own keys.
    fn ts_validity() -> String {
        KINDS
            .iter()
            .zip(VALIDITY)
            .map(|(kind, keys)| {
                let rest: Vec<Key> = keys.iter().filter(|k| k.name != "kind").copied().collect();
                format!("({{ kind: {kind:?} }} & {})", ts_object(&rest, 0))
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn ts_object(keys: &[Key], indent: usize) -> String {
        if keys.is_empty() {
            return "{}".into();
        }
        let pad = " ".repeat(indent + 2);
        let mut out = String::from("{\n");
        for k in keys {
            let name = if k.name.chars().all(|c| c.is_ascii_alphanumeric()) {
                k.name.to_string()
            } else {
                format!("{:?}", k.name)
            };
            out.push_str(&format!("{pad}/** {} */\n", k.doc[1]));
            let ty = ts_of(&k.shape, indent + 2);
            let ty = if k.optional && !nullable(k) {
                format!("{ty} | null")
            } else {
                ty
            };
            out.push_str(&format!(
                "{pad}{name}{}: {ty};\n",
                if k.optional { "?" } else { "" }
            ));
        }
        out.push_str(&" ".repeat(indent));
        out.push('}');
        out
    }

    /// The TypeScript type `Profile` (with `ProfileText`).
    pub fn typescript() -> String {
        format!(
            "// Written from the engine's profile contract (src/profile.rs) by tests/contract.rs. Do not edit.\n\n\
             /** A text of a profile: one string, or one per language (`ja` required). */\n\
             export type ProfileText = string | ({{ ja: string }} & Record<string, string>);\n\n\
             /** How a 資格確認書's expiry follows from its issue date, by `kind`. */\n\
             export type ProfileValidity = {};\n\n\
             /** An insurer's profile (README \"Use it for your society\"; JSON Schema: profiles/profile.schema.json). */\n\
             export interface Profile {}\n",
            ts_validity(),
            ts_object(TOP, 0)
        )
    }

    fn readme_shape(shape: &Shape) -> String {
        match shape {
            Shape::Text { nullable: false } => "text".into(),
            Shape::Text { nullable: true } => "text or null".into(),
            Shape::Notes => "text (4000)".into(),
            Shape::AnyText => "string".into(),
            Shape::Url { nullable: false } => "URL".into(),
            Shape::Url { nullable: true } => "URL or null".into(),
            Shape::Date => "date".into(),
            Shape::Bool => "true / false".into(),
            Shape::Choice(allowed) => allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(" · "),
            Shape::Whole(min, max) => format!("{min}–{max}"),
            Shape::Strings => "list of strings".into(),
            Shape::List(item) => format!("list of {}", readme_shape(item)),
            Shape::Object(_) => "object".into(),
            Shape::AnyOf(_) => "object (at least one)".into(),
            Shape::Validity => "validity (by `kind`)".into(),
        }
    }

    fn readme_rows(keys: &[Key], path: &str, out: &mut Vec<String>) {
        for k in keys {
            let here = if path.is_empty() {
                k.name.to_string()
            } else {
                format!("{path}.{}", k.name)
            };
            out.push(format!(
                "| `{here}` | {} | {} | {} |",
                if k.optional { "no" } else { "yes" },
                readme_shape(&k.shape),
                k.doc[1].replace('|', "\\|")
            ));
            let mut shape = &k.shape;
            let mut here = here;
            if let Shape::List(item) = shape {
                shape = item;
                here.push_str("[]");
            }
            match shape {
                Shape::Object(inner) | Shape::AnyOf(inner) => readme_rows(inner, &here, out),
                Shape::Validity => {
                    for (kind, keys) in KINDS.iter().zip(VALIDITY) {
                        let rest: Vec<Key> =
                            keys.iter().filter(|k| k.name != "kind").copied().collect();
                        readme_rows(&rest, &format!("{here} ({kind})"), out);
                    }
                }
                _ => {}
            }
        }
    }

    /// The README's table of the contract (between its markers).
    pub fn readme_table() -> String {
        let mut rows = vec![
            "| key | required | value | meaning |".to_string(),
            "|---|---|---|---|".to_string(),
        ];
        readme_rows(TOP, "", &mut rows);
        rows.join("\n") + "\n"
    }
}
