//! JS API の約束: the contract of the exported functions, in plain Rust —
//! input reading and validation, defaults, error codes, output shapes.
//!
//! Inputs arrive as a list of `(key, RawValue)` so that every check (unknown
//! key, wrong type, missing field) gets its own stable code and the field at
//! fault. `wasm.rs` only converts `JsValue` to and from these types. The keys
//! and their types are those of `schema`.

use chrono::NaiveDate;
use serde::Serializer;

use crate::advice::{self, Advice, CardState, Situation, Unknowns};
use crate::answer::{Msg, Values};
use crate::card::CardInput;
use crate::card_dates::{self, after_as_of, CardDates, CardQuery};
use crate::certificate::{CertificateInput, CertificateStatus, Renewed};
use crate::date::{to_wareki, weekday_index};
use crate::eligibility::{self, EligibilityDates, EligibilityQuery, Membership};
use crate::error::ApiError;
use crate::parse::parse_date;
use crate::profile::{self, Profile};
pub use crate::raw::{RawObject, RawValue};
use crate::schema::{self, FieldSpec};
use crate::stay::Stay;
use crate::text::{self, iso};

/// The error for an input that is not a plain object.
pub fn not_an_object() -> ApiError {
    ApiError::new(Msg::InvalidInput, None)
}

/// Reads the keys of one input object, checking each against the schema.
pub struct Fields {
    entries: Vec<(String, RawValue)>,
    spec: &'static [FieldSpec],
}

impl Fields {
    /// Checks that every key is one of `spec`.
    ///
    /// # Errors
    /// `unknown_field` naming the first unknown key.
    pub fn new(input: RawObject, spec: &'static [FieldSpec]) -> Result<Fields, ApiError> {
        if let Some((key, _)) = input
            .0
            .iter()
            .find(|(k, _)| !spec.iter().any(|f| f.key == k.as_str()))
        {
            let shown: String = key.chars().take(40).collect();
            return Err(ApiError::with(
                Msg::UnknownField,
                Some(&shown),
                Values::new()
                    .text("key", shown.clone())
                    .text("allowed", text::join(&schema::keys(spec), ", ")),
            ));
        }
        Ok(Fields {
            entries: input.0,
            spec,
        })
    }

    /// The value of `key`, `None` when absent, null or undefined.
    fn get(&self, key: &str) -> Option<&RawValue> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, RawValue::Null))
    }

    /// A required field.
    ///
    /// # Errors
    /// `missing_field`.
    pub fn require<T>(&self, key: &str, value: Option<T>) -> Result<T, ApiError> {
        value.ok_or_else(|| ApiError::new(Msg::MissingField, Some(key)))
    }

    /// A date field ("YYYY-MM-DD", or any form `parseDate` reads).
    ///
    /// # Errors
    /// `invalid_type`, and the errors of `parse_date`.
    pub fn date(&self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Text(t)) => parse_date(t, Some(key)).map(Some),
            Some(_) => Err(ApiError::new(Msg::InvalidTypeDate, Some(key))),
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
            Some(_) => Err(ApiError::new(Msg::InvalidTypeBoolean, Some(key))),
        }
    }

    /// A yes / no question that may be answered "unknown" (`Some(None)`).
    ///
    /// # Errors
    /// `invalid_type` for anything but true, false or "unknown".
    pub fn answer(&self, key: &str) -> Result<Option<Option<bool>>, ApiError> {
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Bool(b)) => Ok(Some(Some(*b))),
            Some(RawValue::Text(t)) if t == "unknown" => Ok(Some(None)),
            Some(_) => Err(ApiError::new(Msg::InvalidTypeAnswer, Some(key))),
        }
    }

    /// The insurer's profile (`profile`).
    ///
    /// # Errors
    /// The first `invalid_profile` problem, on its path.
    pub fn profile(&self) -> Result<Option<Profile>, ApiError> {
        match self.get("profile") {
            None => Ok(None),
            Some(RawValue::Checked(p)) => Ok(Some((**p).clone())),
            Some(raw) => profile::read(raw)
                .map(Some)
                .map_err(|mut problems| problems.swap_remove(0)),
        }
    }

    /// The profile, required.
    ///
    /// # Errors
    /// `missing_field` on `profile`, or its first problem.
    pub fn required_profile(&self) -> Result<Profile, ApiError> {
        self.profile()?
            .ok_or_else(|| ApiError::new(Msg::MissingProfile, Some("profile")))
    }

    /// A field whose value is one of its schema's choices.
    ///
    /// # Errors
    /// `invalid_type` for a non-string, `invalid_value` for another string.
    pub fn choice(&self, key: &str) -> Result<Option<&'static str>, ApiError> {
        let choices = schema::choices(self.spec, key);
        match self.get(key) {
            None => Ok(None),
            Some(RawValue::Text(t)) => choices
                .iter()
                .find(|c| **c == t.as_str())
                .copied()
                .map(Some)
                .ok_or_else(|| {
                    ApiError::with(
                        Msg::InvalidValue,
                        Some(key),
                        Values::new().text("allowed", text::join(choices, " | ")),
                    )
                }),
            Some(_) => Err(ApiError::new(Msg::InvalidTypeChoice, Some(key))),
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

/// `cardDates(input)`; `today` is the default `asOf` (Asia/Tokyo, given by
/// the caller: the core never reads the clock).
///
/// # Errors
/// See README "Error codes".
pub fn card_dates(input: RawObject, today: NaiveDate) -> Result<CardDates, ApiError> {
    let f = Fields::new(input, schema::CARD_DATES)?;
    let birthday = f.require("birthday", f.date("birthday")?)?;
    let as_of = f.date("asOf")?;
    let query = CardQuery {
        card: CardInput {
            birthday,
            issued: f.date("cardIssued")?,
            printed: f.date("cardExpires")?,
            renewed_in_window: f.boolean("cardRenewedInWindow")?.unwrap_or(false),
            applied_before_2022_april: f.boolean("appliedBefore2022April")?,
        },
        certificate: CertificateInput {
            expires: f.date("certificateExpires")?,
            issued: f.date("certificateIssued")?,
            renewed_in_window: f.boolean("certificateRenewedInWindow")?.unwrap_or(false),
        },
        renewed: f.choice("certificateRenewed")?.and_then(Renewed::from_api),
        smartphone: f.boolean("smartphone")?.unwrap_or(false),
        stay: stay(&f)?,
        as_of: as_of.unwrap_or(today),
        as_of_given: as_of.is_some(),
        profile: f.profile()?,
    };
    card_dates::card_dates(&query)
}

/// `periodOfStay` and `stayUntil` (stay-caps-card): a stay only with
/// `periodOfStay: true`; its end is read only then.
///
/// # Errors
/// `inconsistent_input` on `stayUntil` given with `periodOfStay: false`.
fn stay(f: &Fields) -> Result<Option<Stay>, ApiError> {
    let until = f.date("stayUntil")?;
    match f.boolean("periodOfStay")? {
        Some(true) => Ok(Some(Stay { until })),
        Some(false) if until.is_some() => Err(ApiError::new(
            Msg::StayUntilWithoutPeriod,
            Some("stayUntil"),
        )),
        _ => Ok(None),
    }
}

/// `eligibilityCertificateDates(input)`.
///
/// # Errors
/// See README "Error codes".
pub fn eligibility_certificate_dates(
    input: RawObject,
    today: NaiveDate,
) -> Result<EligibilityDates, ApiError> {
    let f = Fields::new(input, schema::ELIGIBILITY_CERTIFICATE_DATES)?;
    let issued = f.require("issued", f.date("issued")?)?;
    let birthday = f.date("birthday")?;
    let membership = f.choice("membership")?.and_then(Membership::from_api);
    let as_of = f.date("asOf")?;
    let query = EligibilityQuery {
        issued,
        how: crate::insurer::Issued {
            new_member: f.boolean("newMember")?,
            reason: f
                .choice("reason")?
                .and_then(crate::vocabulary::Reason::from_api),
        },
        printed: f.date("expires")?,
        birthday,
        membership,
        as_of: as_of.unwrap_or(today),
        as_of_given: as_of.is_some(),
    };
    eligibility::eligibility_dates(&query, &f.required_profile()?)
}

/// `adviseDocuments(situation)`.
///
/// # Errors
/// See README "Error codes".
pub fn advise_documents(input: RawObject, today: NaiveDate) -> Result<Advice, ApiError> {
    let f = Fields::new(input, schema::ADVISE_DOCUMENTS)?;
    let membership = f.require("membership", f.choice("membership")?)?;
    let card = f.require("card", f.choice("card")?)?;
    let card = CardState::from_api(card).unwrap_or(CardState::None);
    let registered = f.answer("registered")?;
    // A visitor without a card has nothing to register: only ask when it matters.
    // (`None` inside: 「わからない」; without a card it cannot be registered.)
    let registered = match card {
        // An expired card is not used either, registered or not.
        CardState::None | CardState::Returned | CardState::Expired => {
            Some(registered.flatten().unwrap_or(false))
        }
        _ => f.require("registered", registered)?,
    };
    let number_on_file = f.answer("numberOnFile")?.unwrap_or(Some(true));
    let certificate = f
        .choice("certificate")?
        .and_then(CertificateStatus::from_api)
        .unwrap_or(CertificateStatus::Valid);
    let unknowns = Unknowns {
        registered: registered.is_none(),
        number_on_file: number_on_file.is_none(),
        certificate: certificate == CertificateStatus::Unknown,
    };
    let as_of = f.date("asOf")?;
    let as_of_day = as_of.unwrap_or(today);
    let issued = f.date("eligibilityCertificateIssued")?;
    if issued.is_some_and(|d| d > as_of_day) {
        return Err(after_as_of(
            "eligibilityCertificateIssued",
            as_of_day,
            as_of.is_some(),
        ));
    }
    let cancelled = f.boolean("registrationCancelled")?.unwrap_or(false);
    let situation = Situation {
        membership: Membership::from_api(membership).unwrap_or(Membership::Insured),
        card,
        // 「わからない」: the likelier answer first (a cancelled registration
        // is not registered); `advise_unsure` adds the other.
        registered: registered.unwrap_or(!cancelled),
        registration_cancelled: cancelled,
        certificate: if unknowns.certificate {
            CertificateStatus::Valid
        } else {
            certificate
        },
        number_on_file: number_on_file.unwrap_or(true),
        needs_helper: f.boolean("needsHelper")?.unwrap_or(false),
        eligibility_certificate_lost: f.boolean("eligibilityCertificateLost")?.unwrap_or(false),
        protected_record: f.boolean("protectedRecord")?.unwrap_or(false),
        just_joined: f.boolean("justJoined")?,
        smartphone: f.boolean("smartphone")?.unwrap_or(false),
        eligibility_certificate_issued: issued,
        as_of: as_of_day,
    };
    advice::advise_unsure(&situation, unknowns, &f.required_profile()?)
}

/// `parseDate(text)`: "YYYY-MM-DD".
///
/// # Errors
/// `invalid_type` for a non-string, `missing_field` for nothing; the errors
/// of `parse_date`.
pub fn parse_date_text(text: &RawValue) -> Result<String, ApiError> {
    match text {
        RawValue::Text(t) => parse_date(t, None).map(iso),
        RawValue::Null => Err(ApiError::new(Msg::MissingDate, None)),
        _ => Err(ApiError::new(Msg::InvalidTypeDate, None)),
    }
}

fn date_of(text: &RawValue) -> Result<NaiveDate, ApiError> {
    let iso_text = parse_date_text(text)?;
    parse_date(&iso_text, None)
}

/// `formatWareki(date)`: "令和7年12月2日".
///
/// # Errors
/// As `parseDate`.
pub fn format_wareki_text(text: &RawValue) -> Result<String, ApiError> {
    text::wareki(date_of(text)?).ok_or_else(|| ApiError::new(Msg::OutOfRange, None))
}

/// One date in every form the page shows, as data (`describeDate`; the
/// API module names the weekday in the visitor's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateDescription {
    /// "2024-09-18"
    pub iso: String,
    /// "2024年9月18日"
    pub seireki: String,
    /// "令和6年9月18日"
    pub wareki: String,
    /// "令和6年"
    pub wareki_year: String,
    /// "Reiwa"
    pub era: &'static str,
    /// 6
    pub era_year: i32,
    /// "18 September 2024"
    pub english: String,
    /// 0 (Monday) to 6 (Sunday)
    pub weekday: u32,
}

/// `describeDate(date)`.
///
/// # Errors
/// As `parseDate`.
pub fn describe_date(text: &RawValue) -> Result<DateDescription, ApiError> {
    let date = date_of(text)?;
    let w = to_wareki(date);
    Ok(DateDescription {
        iso: iso(date),
        seireki: text::seireki(date),
        wareki: text::wareki(date).unwrap_or_default(),
        wareki_year: text::wareki_year(date).unwrap_or_default(),
        era: w.map_or("", |w| w.era.romaji()),
        era_year: w.map_or(0, |w| w.year),
        english: text::english(date),
        weekday: weekday_index(date),
    })
}

/// One era for the page's 元号/年/月/日 pickers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraChoice {
    pub kanji: &'static str,
    pub romaji: &'static str,
    /// How many years to offer: the era's length, or for 令和 up to 20 years
    /// after `today` (expiry dates lie ahead).
    pub years: i32,
}

/// The eras from newest to oldest that the pickers offer (dates from 1900).
pub fn eras(today: NaiveDate) -> Vec<EraChoice> {
    use crate::date::Era;
    use chrono::Datelike;
    [Era::Reiwa, Era::Heisei, Era::Showa, Era::Taisho, Era::Meiji]
        .into_iter()
        .map(|era| {
            let first = era.first_day().year();
            let last = era.last_day().map_or(today.year() + 20, |d| d.year());
            EraChoice {
                kanji: era.kanji(),
                romaji: era.romaji(),
                years: last - first + 1,
            }
        })
        .collect()
}
