//! JS API の約束: the contract of the exported functions, in plain Rust —
//! input reading and validation, defaults, error codes, output shapes.
//!
//! Inputs arrive as a list of `(key, RawValue)` so that every check (unknown
//! key, wrong type, missing field) gets its own stable code and the field at
//! fault. `wasm.rs` only converts `JsValue` to and from these types.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::advice::{self, Advice, CardState, CertificateState, Situation};
use crate::card::{self, CardDates, CardQuery};
use crate::date::weekday;
use crate::eligibility::{self, EligibilityDates, Membership};
use crate::error::{ApiError, ErrorCode};
use crate::parse::parse_date;
use crate::rules::Lang;
use crate::text::{self, fill, iso};

/// One input value, as much as the engine needs to know about it.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    /// `null` or `undefined`: treated as absent.
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An array or object where a scalar was expected.
    Other,
}

/// An input object: its keys in order, with their values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawObject(pub Vec<(String, RawValue)>);

/// The error for an input that is not a plain object.
pub fn not_an_object() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        None,
        Lang::Ja,
        "入力はオブジェクト({ birthday: \"1985-09-18\", ... } の形)で渡してください。",
        "",
    )
}

/// 項目名: the visitor-facing name of an input key.
pub fn field_label(key: &str, lang: Lang) -> &'static str {
    let (ja, en) = match key {
        "birthday" => ("生年月日", "Date of birth"),
        "cardIssued" => ("カードの発行日", "Card issue date"),
        "cardExpires" => ("カードの有効期限(券面)", "Card expiry (printed)"),
        "cardRenewedInWindow" => (
            "期限前3か月以内のカード更新",
            "Card renewed in the last 3 months",
        ),
        "appliedBefore2022April" => ("2022年4月1日より前の申請", "Applied before 1 April 2022"),
        "certificateIssued" => (
            "電子証明書の発行・更新日",
            "Certificate issue or renewal date",
        ),
        "certificateRenewedInWindow" => (
            "期限前3か月以内の電子証明書更新",
            "Certificate renewed in the last 3 months",
        ),
        "smartphone" => ("スマートフォンのマイナ保険証", "Smartphone マイナ保険証"),
        "asOf" => ("基準日", "Date to check"),
        "lang" => ("言語", "Language"),
        "issued" => ("資格確認書の交付日", "Eligibility certificate issue date"),
        "membership" => ("加入区分", "Membership"),
        "card" => ("マイナンバーカード", "My Number card"),
        "registered" => ("健康保険証の利用登録", "Registered for insurance use"),
        "registrationCancelled" => ("利用登録の解除", "Registration cancelled"),
        "certificate" => ("電子証明書", "Electronic certificate"),
        "numberOnFile" => (
            "当組合へのマイナンバー登録",
            "My Number on file with the society",
        ),
        "needsHelper" => ("介助者のサポート", "Needs a helper"),
        "eligibilityCertificateLost" => (
            "資格確認書の紛失・き損",
            "Eligibility certificate lost or damaged",
        ),
        "date" => ("日付", "Date"),
        _ => ("入力", "Input"),
    };
    lang.pick(ja, en)
}

/// Reads the keys of one input object, checking each as it is asked for.
pub struct Fields {
    entries: Vec<(String, RawValue)>,
    /// The language of texts and messages (`lang` key).
    pub lang: Lang,
}

impl Fields {
    /// Checks that every key is in `allowed` (plus `lang`) and reads `lang`.
    ///
    /// # Errors
    /// `unknown_field` naming the first unknown key; `invalid_value` for a
    /// `lang` other than `ja` / `en`.
    pub fn new(input: RawObject, allowed: &[&str]) -> Result<Fields, ApiError> {
        let mut fields = Fields {
            entries: input.0,
            lang: Lang::Ja,
        };
        fields.lang = lang_argument(fields.get("lang").unwrap_or(&RawValue::Null))?;
        let lang = fields.lang;
        if let Some((key, _)) = fields
            .entries
            .iter()
            .find(|(k, _)| k != "lang" && !allowed.contains(&k.as_str()))
        {
            let shown: String = key.chars().take(40).collect();
            return Err(ApiError {
                code: ErrorCode::UnknownField,
                field: Some(shown.clone()),
                message: fill(
                    lang.pick(
                        "知らない項目「{0}」があります。使える項目: {1}",
                        "Unknown key \"{0}\". Allowed keys: {1}",
                    ),
                    &[&shown, &text::join(allowed, ", ")],
                ),
            });
        }
        Ok(fields)
    }

    /// The value of `key`, `None` when absent, null or undefined.
    fn get(&self, key: &str) -> Option<&RawValue> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != RawValue::Null)
    }

    fn error(&self, code: ErrorCode, key: &str, ja: &str, en: &str) -> ApiError {
        let label = field_label(key, self.lang);
        ApiError {
            code,
            field: Some(key.to_string()),
            message: fill("{0}: {1}", &[label, self.lang.pick(ja, en)]),
        }
    }

    /// A required field.
    ///
    /// # Errors
    /// `missing_field`.
    pub fn require<T>(&self, key: &str, value: Option<T>) -> Result<T, ApiError> {
        value.ok_or_else(|| {
            self.error(
                ErrorCode::MissingField,
                key,
                "入力してください。",
                "this is required.",
            )
        })
    }

    /// A date field ("YYYY-MM-DD", or any form `parseDate` reads).
    ///
    /// # Errors
    /// `invalid_type`, and the errors of `parse_date`.
    pub fn date(&self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Text(t)) => parse_date(t, Some(key), self.lang).map(Some).map_err(|e| {
                let label = field_label(key, self.lang);
                ApiError {
                    message: fill("{0}: {1}", &[label, &e.message]),
                    ..e
                }
            }),
            Some(_) => Err(self.error(
                ErrorCode::InvalidType,
                key,
                "日付は \"2025-12-02\" のような文字列で渡してください。",
                "pass dates as strings like \"2025-12-02\".",
            )),
        }
    }

    /// A boolean field.
    ///
    /// # Errors
    /// `invalid_type` for anything but true / false.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.error(
                ErrorCode::InvalidType,
                key,
                "true か false で渡してください。",
                "pass true or false.",
            )),
        }
    }

    /// A field whose value is one of `choices`.
    ///
    /// # Errors
    /// `invalid_type` for a non-string, `invalid_value` for another string.
    pub fn choice(
        &self,
        key: &str,
        choices: &[&'static str],
    ) -> Result<Option<&'static str>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Text(t)) => choices
                .iter()
                .find(|c| **c == t.as_str())
                .copied()
                .map(Some)
                .ok_or_else(|| {
                    let list = text::join(choices, " | ");
                    let message = fill(
                        self.lang.pick("次のどれかです: {0}", "must be one of: {0}"),
                        &[&list],
                    );
                    self.error(ErrorCode::InvalidValue, key, &message, &message)
                }),
            Some(_) => Err(self.error(
                ErrorCode::InvalidType,
                key,
                "文字列で渡してください。",
                "pass a string.",
            )),
        }
    }
}

/// Serializes a date as "YYYY-MM-DD".
pub fn ser_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso(*d))
}

/// Serializes an optional date as "YYYY-MM-DD" or null.
pub fn ser_opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&iso(*d)),
        None => s.serialize_none(),
    }
}

/// The keys `cardDates` accepts.
pub const CARD_DATES_KEYS: [&str; 10] = [
    "birthday",
    "cardIssued",
    "cardExpires",
    "cardRenewedInWindow",
    "appliedBefore2022April",
    "certificateIssued",
    "certificateRenewedInWindow",
    "smartphone",
    "asOf",
    "lang",
];

/// `cardDates(input)`; `today` is the default `asOf` (Asia/Tokyo, given by
/// the caller: the core never reads the clock).
///
/// # Errors
/// See README "Error codes".
pub fn card_dates(input: RawObject, today: NaiveDate) -> Result<CardDates, ApiError> {
    let f = Fields::new(input, &CARD_DATES_KEYS)?;
    let birthday = f.require("birthday", f.date("birthday")?)?;
    let query = CardQuery {
        birthday,
        card_issued: f.date("cardIssued")?,
        card_expires: f.date("cardExpires")?,
        card_renewed_in_window: f.boolean("cardRenewedInWindow")?.unwrap_or(false),
        applied_before_2022_april: f.boolean("appliedBefore2022April")?,
        certificate_issued: f.date("certificateIssued")?,
        certificate_renewed_in_window: f.boolean("certificateRenewedInWindow")?.unwrap_or(false),
        smartphone: f.boolean("smartphone")?.unwrap_or(false),
        as_of: f.date("asOf")?.unwrap_or(today),
    };
    if query.as_of < birthday {
        return Err(f.error(
            ErrorCode::AsOfBeforeStart,
            "asOf",
            "生年月日より前の日です。",
            "this is before the date of birth.",
        ));
    }
    card::card_dates(&query, f.lang)
}

/// The keys `eligibilityCertificateDates` accepts.
pub const ELIGIBILITY_KEYS: [&str; 5] = ["issued", "birthday", "membership", "asOf", "lang"];

/// The values of `membership`.
pub const MEMBERSHIPS: [&str; 4] = [
    "insured",
    "dependent",
    "voluntary-insured",
    "voluntary-dependent",
];

/// `eligibilityCertificateDates(input)`.
///
/// # Errors
/// See README "Error codes".
pub fn eligibility_certificate_dates(
    input: RawObject,
    today: NaiveDate,
) -> Result<EligibilityDates, ApiError> {
    let f = Fields::new(input, &ELIGIBILITY_KEYS)?;
    let issued = f.require("issued", f.date("issued")?)?;
    let birthday = f.date("birthday")?;
    let membership = f
        .choice("membership", &MEMBERSHIPS)?
        .and_then(Membership::from_api);
    let as_of = f.date("asOf")?.unwrap_or(today);
    eligibility::eligibility_dates(issued, birthday, membership, as_of, f.lang)
}

/// The keys `adviseDocuments` accepts.
pub const ADVICE_KEYS: [&str; 12] = [
    "membership",
    "card",
    "registered",
    "registrationCancelled",
    "certificate",
    "numberOnFile",
    "needsHelper",
    "eligibilityCertificateLost",
    "smartphone",
    "asOf",
    "lang",
    "eligibilityCertificateIssued",
];

/// `adviseDocuments(situation)`.
///
/// # Errors
/// See README "Error codes".
pub fn advise_documents(input: RawObject, today: NaiveDate) -> Result<Advice, ApiError> {
    let f = Fields::new(input, &ADVICE_KEYS)?;
    let membership = f.require("membership", f.choice("membership", &MEMBERSHIPS)?)?;
    let card = f.require(
        "card",
        f.choice("card", &["none", "have", "returned", "lost", "renewing"])?,
    )?;
    let card = match card {
        "none" => CardState::None,
        "have" => CardState::Have,
        "returned" => CardState::Returned,
        "lost" => CardState::Lost,
        _ => CardState::Renewing,
    };
    let registered = f.boolean("registered")?;
    // A visitor without a card has nothing to register: only ask when it matters.
    let registered = match card {
        CardState::None | CardState::Returned => registered.unwrap_or(false),
        _ => f.require("registered", registered)?,
    };
    let certificate = match f.choice("certificate", &["valid", "grace", "expired"])? {
        Some("grace") => CertificateState::Grace,
        Some("expired") => CertificateState::Expired,
        _ => CertificateState::Valid,
    };
    let situation = Situation {
        membership: Membership::from_api(membership).unwrap_or(Membership::Insured),
        card,
        registered,
        registration_cancelled: f.boolean("registrationCancelled")?.unwrap_or(false),
        certificate,
        number_on_file: f.boolean("numberOnFile")?.unwrap_or(true),
        needs_helper: f.boolean("needsHelper")?.unwrap_or(false),
        eligibility_certificate_lost: f.boolean("eligibilityCertificateLost")?.unwrap_or(false),
        smartphone: f.boolean("smartphone")?.unwrap_or(false),
        eligibility_certificate_issued: f.date("eligibilityCertificateIssued")?,
        as_of: f.date("asOf")?.unwrap_or(today),
    };
    advice::advise(&situation, f.lang)
}

/// The optional `lang` argument of the date functions.
///
/// # Errors
/// `invalid_value` for anything but absent, "ja" or "en".
pub fn lang_argument(lang: &RawValue) -> Result<Lang, ApiError> {
    match lang {
        RawValue::Null => Ok(Lang::Ja),
        RawValue::Text(t) if t == "ja" => Ok(Lang::Ja),
        RawValue::Text(t) if t == "en" && cfg!(feature = "en") => Ok(Lang::En),
        RawValue::Text(t) if t == "en" => Err(ApiError::new(
            ErrorCode::LangUnavailable,
            Some("lang"),
            Lang::Ja,
            "この版(pkg/)は日本語だけです。英語は pkg-en/ の版で。 English: use pkg-en/.",
            "",
        )),
        _ => Err(ApiError::new(
            ErrorCode::InvalidValue,
            Some("lang"),
            Lang::Ja,
            "言語(lang)は \"ja\" か \"en\" です。",
            "",
        )),
    }
}

/// `parseDate(text, lang?)`: "YYYY-MM-DD"; errors in `lang` (default ja).
///
/// # Errors
/// `invalid_type` for a non-string; the errors of `parse_date`.
pub fn parse_date_text(text: &RawValue, lang: Lang) -> Result<String, ApiError> {
    match text {
        RawValue::Text(t) => parse_date(t, None, lang).map(iso),
        RawValue::Null => Err(ApiError::new(
            ErrorCode::MissingField,
            None,
            lang,
            "日付が入力されていません。",
            "No date was entered.",
        )),
        _ => Err(ApiError::new(
            ErrorCode::InvalidType,
            None,
            lang,
            "日付は文字列で渡してください。",
            "Pass the date as a string.",
        )),
    }
}

/// `formatWareki(date)`: "令和7年12月2日".
///
/// # Errors
/// As `parseDate`.
pub fn format_wareki_text(text: &RawValue) -> Result<String, ApiError> {
    let iso_text = parse_date_text(text, Lang::Ja)?;
    let date = parse_date(&iso_text, None, Lang::Ja)?;
    text::wareki(date).ok_or_else(|| {
        ApiError::new(
            ErrorCode::OutOfRange,
            None,
            Lang::Ja,
            "明治より前の日付は和暦にできません。",
            "",
        )
    })
}

/// One date in every form the page shows (`describeDate`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateDescription {
    /// "2024-09-18"
    pub iso: String,
    /// "2024年9月18日"
    pub seireki: String,
    /// "令和6年9月18日"
    pub wareki: String,
    /// "水" / "Wed"
    pub weekday: &'static str,
    /// "18 September 2024"
    pub english: String,
}

/// `describeDate(date, lang?)`.
///
/// # Errors
/// As `parseDate`; `invalid_value` for a `lang` other than ja / en.
pub fn describe_date(text: &RawValue, lang: &RawValue) -> Result<DateDescription, ApiError> {
    let lang = lang_argument(lang)?;
    let iso_text = parse_date_text(text, lang)?;
    let date = parse_date(&iso_text, None, lang)?;
    Ok(DateDescription {
        iso: iso_text,
        seireki: text::seireki(date),
        wareki: text::wareki(date).unwrap_or_default(),
        weekday: weekday(date, lang.is_en()),
        english: text::english(date),
    })
}
