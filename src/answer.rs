//! 答えの形: what the engine says, as codes and values.
//!
//! The engine never writes a sentence. Every step, note, action, headline,
//! next action and error is a message id from [`Msg`] with typed [`Values`]
//! (ISO dates, months, numbers, enum codes); the JS API module fills the
//! words from one catalog per language (`www/words/*.json`).
//!
//! [`Msg::ALL`] is the engine's own list of everything it can say, with the
//! value names of each message: the catalog test (`tests/catalogs.rs`) checks
//! every catalog against it, and in debug builds every message made is
//! checked against its declared value names.

use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::rules::{Rule, SourceRef};
use crate::text::{iso, iso_month};

/// A date in an answer, serialized "YYYY-MM-DD" (one type for every date
/// field: a `serialize_with` per field would make the wasm serialize each
/// field with code of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub NaiveDate);

impl From<IsoDate> for NaiveDate {
    fn from(d: IsoDate) -> NaiveDate {
        d.0
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso(self.0))
    }
}

/// One value inside a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// "YYYY-MM-DD"
    Date(NaiveDate),
    /// "YYYY-MM"
    Month(i32, u32),
    Num(i32),
    /// An enum code (`voluntary-insured`, `employer`).
    Code(&'static str),
    /// A list of enum codes (the reasons ①-⑩ that apply).
    Codes(Vec<&'static str>),
    /// Text that is data, not words: an input key, a key the visitor typed.
    Text(String),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Date(d) => IsoDate(*d).serialize(s),
            Value::Month(y, m) => s.serialize_str(&iso_month(*y, *m)),
            Value::Num(n) => s.serialize_i32(*n),
            Value::Code(c) => s.serialize_str(c),
            Value::Codes(list) => {
                let mut seq = s.serialize_seq(Some(list.len()))?;
                for c in list {
                    seq.serialize_element(c)?;
                }
                seq.end()
            }
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// The named values of one message, in order (a JS object).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(pub Vec<(&'static str, Value)>);

impl Values {
    pub fn new() -> Self {
        Values(Vec::new())
    }
    #[inline(never)]
    pub fn date(mut self, name: &'static str, d: impl Into<NaiveDate>) -> Self {
        self.0.push((name, Value::Date(d.into())));
        self
    }
    #[inline(never)]
    pub fn month(mut self, name: &'static str, year: i32, month: u32) -> Self {
        self.0.push((name, Value::Month(year, month)));
        self
    }
    #[inline(never)]
    pub fn num(mut self, name: &'static str, n: i32) -> Self {
        self.0.push((name, Value::Num(n)));
        self
    }
    #[inline(never)]
    pub fn code(mut self, name: &'static str, c: &'static str) -> Self {
        self.0.push((name, Value::Code(c)));
        self
    }
    #[inline(never)]
    pub fn codes(mut self, name: &'static str, list: Vec<&'static str>) -> Self {
        self.0.push((name, Value::Codes(list)));
        self
    }
    #[inline(never)]
    pub fn text(mut self, name: &'static str, t: String) -> Self {
        self.0.push((name, Value::Text(t)));
        self
    }
    /// The value called `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// What kind of item a message is, and so the catalog section it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 計算の根拠: one explanation step (`steps`).
    Step,
    /// 注意 (`notes`).
    Note,
    /// すること (`actions`).
    Action,
    /// The one sentence that opens every answer (`headlines`).
    Headline,
    /// The one thing to do next (`next`).
    Next,
    /// An error message (`errors`).
    Error,
}

impl Kind {
    /// The catalog section of this kind.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Step => "steps",
            Kind::Note => "notes",
            Kind::Action => "actions",
            Kind::Headline => "headlines",
            Kind::Next => "next",
            Kind::Error => "errors",
        }
    }
}

/// The definition of one message: its kind, its API code, an optional
/// variant (a second wording of the same code), and its value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MsgDef {
    pub kind: Kind,
    pub code: &'static str,
    pub variant: Option<&'static str>,
    /// The names of its values (for the checks; not in the release wasm,
    /// where nothing reads them).
    #[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
    pub values: &'static [&'static str],
}

impl MsgDef {
    /// The catalog key: `code`, or `code.variant`.
    pub fn key(&self) -> String {
        match self.variant {
            Some(v) => crate::text::join(&[self.code, v], "."),
            None => self.code.to_string(),
        }
    }
}

macro_rules! messages {
    ($($kind:ident $name:ident = $code:literal $(. $variant:literal)? [$($value:ident),*];)*) => {
        /// Every message the engine can emit (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        /// The definitions, in the order of the enum (a table, not a match:
        /// a fraction of the code size).
        static DEFS: &[MsgDef] = &[$(MsgDef {
            kind: Kind::$kind,
            code: $code,
            variant: messages!(@variant $($variant)?),
            #[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
            values: &[$(stringify!($value)),*],
        }),*];

        impl Msg {
            /// Every message, for the catalog test and the README.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// Its definition.
            pub fn def(self) -> MsgDef {
                // Every variant has its entry: the table is made from the same list.
                DEFS.get(self as usize).copied().unwrap_or(MsgDef {
                    kind: Kind::Error,
                    code: "internal",
                    variant: None,
                    #[cfg(any(debug_assertions, not(target_arch = "wasm32")))]
                    values: &[],
                })
            }
        }
    };
    (@variant) => { None };
    (@variant $v:literal) => { Some($v) };
}

messages! {
    // ---- cardDates: explanation steps.
    Step CardAdult = "card_adult" [issued, age, threshold, birthdays, expires];
    Step CardMinor = "card_minor" [issued, age, threshold, birthdays, expires];
    Step CardThreshold20 = "card_threshold_20" [];
    Step CardPrinted = "card_printed" [expires];
    Step CertificateIssued = "certificate_issued" [issued, birthdays, expires];
    Step CertificateWithCard = "certificate_with_card" [issued, birthdays, expires];
    Step RenewedInWindow = "renewed_in_window" [];
    Step CertificateFaceAdult = "certificate_face_adult" [expires];
    Step CertificateFaceMinor = "certificate_face_minor" [expires];
    Step CertificateHandwritten = "certificate_handwritten" [expires];
    Step CertificateCapped = "certificate_capped" [expires];
    Step RenewalWindow = "renewal_window" [certificateFrom, cardFrom];
    Step RenewalWindowCertificate = "renewal_window_certificate" [certificateFrom];
    Step RenewalBooking = "renewal_booking" [from];
    Step ExpiryNotice = "expiry_notice" [from, to];
    Step InsuranceGrace = "insurance_grace" [until];
    Step SmartphoneNoGrace = "smartphone_no_grace" [expires];
    Step InsuranceGraceCardExpires = "insurance_grace" . "card_expires" [expires];
    Step InsuranceGraceBeforeMeasure = "insurance_grace" . "before_measure" [expires];
    Step CertificateRenewedLatest = "certificate_renewed_latest" [cardExpires];
    Step StayCardEnds = "stay_card_ends" [expires];
    Step CertificateStayCard = "certificate_stay_card" [expires];

    // ---- cardDates: the headline and the next thing to do.
    Headline HeadlineWorks = "works" [until, daysLeft];
    Headline HeadlineWorksRenewable = "works" . "renewable" [until, daysLeft];
    Headline HeadlineWorksInGrace = "works" . "grace" [until, expired, daysLeft];
    Headline HeadlineStopped = "stopped" [lastDay];
    Headline HeadlinePhoneStopped = "stopped" . "smartphone" [lastDay, cardUntil];
    Headline HeadlineCardExpired = "card_expired" [lastDay];
    Headline HeadlineUnknown = "renewal_unknown" [expires, lastDay];
    Headline HeadlineUnknownPast = "renewal_unknown" . "past" [expires, lastDay];
    Headline HeadlineUnknownPhone = "renewal_unknown" . "smartphone" [expires, lastDay];
    Headline HeadlineRenewed = "renewed" [cardExpires];
    Next NextNothingUntil = "renew_from" [from];
    Next NextNothingUntilCard = "renew_from" . "card" [from];
    Next NextRenewBy = "renew_by" [expires];
    Next NextRenewInGrace = "renew_in_grace" [until];
    Next NextRenewInGracePhone = "renew_in_grace" . "smartphone" [until];
    Next NextRenewAndRegister = "renew_and_register" [];
    Next NextRenewAndRegisterAfter = "renew_and_register" . "after" [after];
    Next NextRenewAndSetUpPhone = "renew_and_set_up_phone" [];
    Next NextCheckRenewal = "check_renewal" [];
    Next NextCheckRenewalGrace = "check_renewal" . "grace" [until];
    Next NextReplaceCard = "replace_card" [];
    Next NextRenewCard = "renew_card" [expires];
    Next NextEnterNewDate = "enter_new_date" [];
    Next NextEnterCardDate = "enter_card_date" [];
    Next NextStayChangeValidity = "stay_change_validity" [by];
    Next NextStayExtendCard = "stay_extend_card" [by];

    // ---- cardDates: notes.
    Note LeapDayBirthday = "leap_day_birthday" [];
    Note LegalAgeDay = "legal_age_day" [threshold];
    Note AgeAtApplication = "age_at_application" [threshold];
    Note AskAppliedBefore2022April = "ask_applied_before_2022_april" [];
    Note PrintedExpiryDiffers = "printed_expiry_differs" [computed, printed];
    Note CertificateProbablyRenewed = "certificate_probably_renewed" [expires, graceUntil];
    Note CertificateProbablyRenewedPast = "certificate_probably_renewed" . "past" [expires, graceUntil];
    Note RenewedAfterGraceRegisterAgain = "renewed_after_grace" [after];
    Note GraceNotInForce = "grace_not_in_force" [expires];
    Note GraceIfCardLater = "grace_if_card_later" [expires];
    Note HandwrittenExpiryDiffers = "handwritten_expiry_differs" [computed, handwritten];
    Note SmartphoneNotYet = "smartphone_not_yet" [];
    Note LateStageAt75 = "late_stage_at_75" [birthday75];
    Note CardExpiresWithCertificate = "card_expires_with_certificate" [];
    Note SmartphoneCarryCard = "smartphone_carry_card" [];
    Note NoSignatureCertificateUnder15 = "no_signature_certificate_under_15" [];
    Note StayNoNotice = "stay_no_notice" [];
    Note StayLapsed = "stay_lapsed" [expired];
    Note StayExtended = "stay_extended" [cardExpires, stayUntil];
    Note StayPending = "stay_pending" [cardExpires];
    Note StayCardDateNeeded = "stay_card_date_needed" [latest];
    Note StayGeneral = "stay_general" [];
    Note StayUntilPast = "stay_until_past" [];
    Note TokuteiZairyuCard = "tokutei_zairyu_card" [];

    // ---- eligibilityCertificateDates.
    Step EligibilityValidityYears = "eligibility_validity" . "years" [issued, years, expires];
    Step EligibilityValidityMonths = "eligibility_validity" . "months" [issued, months, expires];
    Step EligibilityValidityYearEnd = "eligibility_validity" . "year_end" [issued, years, expires];
    Step EligibilityValidityFixed = "eligibility_validity" . "fixed" [issued, expires];
    Step EligibilityValidityPrinted = "eligibility_validity" . "printed" [expires];
    Step EligibilityEndsAt75 = "eligibility_ends_at_75" [lastDay];
    Step ReturnEmployer = "return_employer" [];
    Step ReturnEmployerFamily = "return_employer" . "family" [];
    Step ReturnSociety = "return_society" [];
    Step ReturnUnknown = "return_unknown" [throughEmployer, toSociety];
    Headline HeadlineEligibilityValid = "eligibility_valid" [expires, daysLeft];
    Headline HeadlineEligibilityExpired = "eligibility_expired" [expires];
    Next NextKeepIt = "keep_it" [];
    Next NextKeepItEmployer = "keep_it" . "employer" [];
    Next NextKeepItFamily = "keep_it" . "family" [];
    Next NextKeepItSociety = "keep_it" . "society" [];
    Next NextExpiredNoReturn = "expired_no_return" [];
    Next NextExpiredNoReturnApply = "expired_no_return" . "on_application" [];
    Note EndsAt75 = "ends_at_75" [];
    Note RenewedAutomatically = "renewed_automatically" [];
    Note RenewalOnApplication = "renewal_on_application" [];
    Note RenewalDependsOnReason = "renewal_on_application" . "depends_on_reason" [];

    // ---- adviseDocuments: steps.
    Step WhoAutomatic = "who_automatic" [reasons];
    Step WhoAutomaticNewMember = "who_automatic" . "new_member" [reasons];
    Step WhoOnApplication = "who_on_application" [reasons];
    Step WhoNone = "who_none" [];
    Step DeliveryEmployer = "delivery_employer" [];
    Step DeliveryEmployerFamily = "delivery_employer" . "family" [];
    Step DeliveryHome = "delivery_home" [];
    Step EligibilityExpiryKnown = "eligibility_expiry_known" [expires];
    Step BringPhone = "bring_phone" [];
    Step BringCard = "bring_card" [];
    Step BringEligibilityCertificate = "bring_eligibility_certificate" [];

    // ---- adviseDocuments: the headline and the next thing to do.
    Headline HeadlineCardWorks = "card_works" [];
    Headline HeadlinePhoneWorks = "phone_works" [];
    Headline HeadlineUseEligibilityAutomatic = "use_eligibility_certificate" . "automatic" [];
    Headline HeadlineUseEligibilityOnApplication = "use_eligibility_certificate" . "on_application" [];
    Headline HeadlineBringBoth = "bring_card_and_eligibility_certificate" [];
    Headline HeadlineAskTheSociety = "use_eligibility_certificate" . "ask_the_society" [];
    Next NextCarryCard = "carry_card" [];
    Next NextAskTheSociety = "ask_the_society" [];
    Next NextFindOut = "find_out" [];

    // ---- adviseDocuments: notes.
    Note SmartphoneStopped = "smartphone_stopped" [];
    Note NoticeAloneNotEnough = "notice_alone_not_enough" [];
    Note NoticeSentToAll = "notice_sent" . "all" [];
    Note NoticeSentToRegistered = "notice_sent" . "registered" [];
    Note SmartphoneSetupAgain = "smartphone_setup_again" [];
    Note NoLimitCertificateNeeded = "no_limit_certificate_needed" [];
    Note JobChangeNoRegistration = "job_change_no_registration" [];
    Note CancellationTakesTime = "cancellation_takes_time" [];
    Note OldCardUntil = "old_card_until" [];
    Note OldCardTemporary = "old_card_temporary" [];
    Note AskTheSociety = "ask_the_society" [reasons];
    Note RegistrationUnknown = "registration_unknown" [];
    Note NumberOnFileUnknown = "number_on_file_unknown" [];
    Note CertificateStatusUnknown = "certificate_status_unknown" [];

    // ---- adviseDocuments: actions (the codes are the API's; variants are wordings).
    Action ReportLostCard = "report-lost-card" [phone];
    Action RenewCertificateGrace = "renew-certificate" . "grace" [];
    Action RenewCertificateExpired = "renew-certificate" . "expired" [];
    Action ApplyEligibilityCertificateEmployer = "apply-eligibility-certificate" . "employer" [];
    Action ApplyEligibilityCertificateSociety = "apply-eligibility-certificate" . "society" [];
    Action ApplyEligibilityCertificateFamily = "apply-eligibility-certificate" . "family" [];
    Action WaitEligibilityCertificateEmployer = "wait-eligibility-certificate" . "employer" [];
    Action WaitEligibilityCertificateHome = "wait-eligibility-certificate" . "home" [];
    Action WaitEligibilityCertificateFamily = "wait-eligibility-certificate" . "family" [];
    Action SubmitMyNumberEmployer = "submit-my-number" . "employer" [];
    Action SubmitMyNumberSociety = "submit-my-number" . "society" [];
    Action SubmitMyNumberFamily = "submit-my-number" . "family" [];
    Action RegisterCard = "register-card" [];
    Action CollectNewCard = "collect-new-card" [];
    Action GetCard = "get-card" [];
    Action ApplyNewCard = "apply-new-card" [];
    Action DisposeOldCard = "dispose-old-card" [];
    Action DisposeOldCardFromAugust = "dispose-old-card" . "from_august" [];

    // ---- Errors (the codes are the API's; variants are wordings).
    Error InvalidInput = "invalid_input" [];
    Error InvalidTypeDate = "invalid_type" . "date" [];
    Error InvalidTypeBoolean = "invalid_type" . "boolean" [];
    Error InvalidTypeChoice = "invalid_type" . "choice" [];
    Error InvalidTypeAnswer = "invalid_type" . "answer" [];
    Error MissingField = "missing_field" [];
    Error MissingCardDate = "missing_field" . "card_date" [];
    Error MissingCertificateIssued = "missing_field" . "certificate_issued" [];
    Error MissingDate = "missing_field" . "date" [];
    Error UnknownField = "unknown_field" [key, allowed];
    Error InvalidValue = "invalid_value" [allowed];
    Error InvalidDate = "invalid_date" [];
    Error NoSuchDay = "invalid_date" . "no_such_day" [month, day];
    Error NoSuchFebruaryDay = "invalid_date" . "no_such_february_day" [day];
    Error InvalidEraYear = "invalid_era_year" [];
    Error OutOfRange = "out_of_range" [];
    Error CardBefore2016 = "out_of_range" . "card_before_2016" [];
    Error EligibilityBefore2024 = "out_of_range" . "eligibility_before_2024_12" [];
    Error StartBeforeBirth = "start_before_birth" [];
    Error DateAfterToday = "date_after_as_of" . "today" [];
    Error DateAfterAsOfGiven = "date_after_as_of" [asOf];
    Error EraNeeded = "era_needed" [year];
    Error EraNeededBirthday = "era_needed" . "birthday" [year];
    Error EraNeededShowa = "era_needed" . "showa" [year];
    Error EraNeededReiwa = "era_needed" . "reiwa" [year];
    Error EraNeededHeisei = "era_needed" . "heisei" [year];
    Error ExpiryNotBirthday = "impossible_card_expiry" . "not_a_birthday" [];
    Error ExpiryImpossibleAge = "impossible_card_expiry" . "age" [];
    Error ExpiryBefore2016 = "impossible_card_expiry" . "before_2016" [];
    Error ExpiryStayAfterUsual = "impossible_card_expiry" . "after_usual" [latest];
    Error CardAfterStay = "inconsistent_input" . "card_after_stay" [];
    Error StayUntilWithoutPeriod = "inconsistent_input" . "stay_until_without_period" [];
    Error CertificateNotBirthday = "impossible_certificate_expiry" . "not_a_birthday" [];
    Error CertificateTooEarly = "impossible_certificate_expiry" . "too_early" [earliest];
    Error CertificateTooLate = "impossible_certificate_expiry" . "too_late" [latest];
    Error CertificateAfterCardExpiry = "inconsistent_input" . "certificate_after_card_expiry" [];
    Error CertificateBeforeCardIssue = "inconsistent_input" . "certificate_expires_before_card" [];
    Error CertificateBeforeCard = "inconsistent_input" . "certificate_before_card" [];
    Error CertificateAfterCard = "inconsistent_input" . "certificate_after_card" [];
    Error AppliedBefore2022Always = "inconsistent_input" . "applied_before_2022" [];
    Error IssuedAt75 = "inconsistent_input" . "issued_at_75" [];
    Error NoCardButRegistered = "inconsistent_input" . "no_card_registered" [];
    Error RegisteredAndCancelled = "inconsistent_input" . "registered_and_cancelled" [];
    Error MembershipNotInProfile = "invalid_value" . "membership_not_in_profile" [];
    Error MissingPrintedExpiry = "missing_field" . "printed_expiry" [];
    Error MissingPrintedExpiryDepends = "missing_field" . "printed_expiry_depends" [];
    Error PrintedBeforeIssued = "inconsistent_input" . "printed_before_issued" [];
    Error MissingProfile = "missing_field" . "profile" [];
    Error ProfileNotObject = "invalid_profile" . "not_object" [];
    Error ProfileUnknownKey = "invalid_profile" . "unknown_key" [allowed];
    Error ProfileMissing = "invalid_profile" . "missing" [];
    Error ProfileNotText = "invalid_profile" . "not_text" [];
    Error ProfileNotTextOrNull = "invalid_profile" . "not_text_or_null" [];
    Error ProfileTranslations = "invalid_profile" . "translations" [];
    Error ProfileChoice = "invalid_profile" . "choice" [allowed];
    Error ProfileRange = "invalid_profile" . "range" [min, max];
    Error ProfileDate = "invalid_profile" . "date" [];
    Error ProfileNotList = "invalid_profile" . "not_list" [];
    Error ProfileUrl = "invalid_profile" . "url" [];
    Error ProfilePeriodOrder = "invalid_profile" . "period_order" [];
    Error ProfilePeriodOverlap = "invalid_profile" . "period_overlap" [];
    Error ProfileDuplicate = "invalid_profile" . "duplicate" [];
    // Thrown by the JS API module (www/myna-hoken-api.js), not by the engine:
    // listed here so that every code a caller can meet has one home.
    Error LanguageNotLoaded = "language_not_loaded" [lang];
    Error NotInitialized = "not_initialized" [];
    // A trap inside the engine (a fault, not an input): the module stops the
    // engine for the page rather than answer from memory it cannot trust.
    Error EngineStopped = "engine_stopped" [];
}

impl Msg {
    /// The API code (`card_adult`, `renew-certificate`, `invalid_date`).
    pub fn code(self) -> &'static str {
        self.def().code
    }
}

/// The value names a message declares must be exactly those it is given
/// (checked in debug builds, so every case table run checks every message).
#[cfg_attr(not(debug_assertions), allow(unused_variables))]
fn check_values(msg: Msg, values: &Values) {
    #[cfg(debug_assertions)]
    {
        let declared = msg.def().values;
        let given: Vec<&str> = values.0.iter().map(|(k, _)| *k).collect();
        assert!(
            given.len() == declared.len() && declared.iter().all(|d| given.contains(d)),
            "{msg:?} declares {declared:?} but was given {given:?}"
        );
    }
}

/// The API module fills this field with words; the engine never does.
fn filled_by_api(_: &()) -> bool {
    true
}

/// One line of the explanation (計算の根拠): which rule, what it gave, where
/// it comes from. The API module adds `text`.
/// (`code` and `variant` are the same message: serialized as its code and,
/// when it has one, the name of its wording.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Step {
    /// A rule id of RULES.md.
    pub rule: &'static str,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub code: Code,
    #[serde(skip_serializing_if = "no_variant")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string", optional))]
    pub variant: Variant,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Values"))]
    pub values: Values,
    /// The sources RULES.md gives for the rule (keys of `www/sources.json`;
    /// `profile`: the insurer's own pages).
    pub sources: &'static [SourceRef],
    /// When the step holds only for some answers to questions answered
    /// 「わからない」: the answers it assumes (all of them). Empty: it holds
    /// whatever they are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub when: Vec<Condition>,
    /// The explanation in the input's `lang` (added by the API module).
    #[serde(skip_serializing_if = "filled_by_api")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub text: (),
}

/// An answer a step assumes: an input key and one of its values
/// (`registered` `false`). The catalogs word it (`conditions.<key>.<value>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Condition {
    pub key: &'static str,
    pub value: &'static str,
}

/// Every condition a step can carry, for the catalog test: the questions
/// that may be answered 「わからない」 and the two cases of each.
pub const CONDITIONS: &[(&str, &[&str])] = &[
    ("registered", &["true", "false"]),
    ("numberOnFile", &["true", "false"]),
    ("certificate", &["valid", "expired"]),
];

impl Step {
    #[inline(never)]
    pub fn new(rule: Rule, msg: Msg, values: Values) -> Self {
        check_values(msg, &values);
        Step {
            rule: rule.id(),
            code: Code(msg),
            variant: Variant(msg),
            values,
            sources: rule.sources(),
            when: Vec::new(),
            text: (),
        }
    }
}

/// A coded item the visitor reads as a sentence: an action, the headline
/// or the next thing to do. The API module adds `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Said {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub code: Code,
    #[serde(skip_serializing_if = "no_variant")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string", optional))]
    pub variant: Variant,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Values"))]
    pub values: Values,
    /// The sentence in the input's `lang` (added by the API module).
    #[serde(skip_serializing_if = "filled_by_api")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub text: (),
}

impl Said {
    #[inline(never)]
    pub fn new(msg: Msg, values: Values) -> Self {
        check_values(msg, &values);
        Said {
            code: Code(msg),
            variant: Variant(msg),
            values,
            text: (),
        }
    }
    /// A message without values.
    pub fn bare(msg: Msg) -> Self {
        Said::new(msg, Values::new())
    }
}

/// A note (注意): something the visitor should know that is not a computed
/// date. The API module adds `message`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Note {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub code: Code,
    #[serde(skip_serializing_if = "no_variant")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string", optional))]
    pub variant: Variant,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Values"))]
    pub values: Values,
    /// The note in the input's `lang` (added by the API module).
    #[serde(skip_serializing_if = "filled_by_api")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub message: (),
}

impl Note {
    #[inline(never)]
    pub fn new(msg: Msg, values: Values) -> Self {
        check_values(msg, &values);
        Note {
            code: Code(msg),
            variant: Variant(msg),
            values,
            message: (),
        }
    }
    /// A note without values.
    pub fn bare(msg: Msg) -> Self {
        Note::new(msg, Values::new())
    }
}

/// A message, serialized as its API code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code(pub Msg);

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code())
    }
}

/// A message, serialized as the name of its wording (absent when it has one wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant(pub Msg);

impl Serialize for Variant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.def().variant.unwrap_or(""))
    }
}

fn no_variant(m: &Variant) -> bool {
    m.0.def().variant.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_its_definition() {
        for (i, m) in Msg::ALL.iter().enumerate() {
            assert_eq!(*m as usize, i);
            assert_ne!(m.def().code, "internal", "{m:?}");
        }
        assert_eq!(Msg::ALL.len(), DEFS.len());
    }

    #[test]
    fn catalog_keys_are_unique() {
        let keys: Vec<(Kind, String)> = Msg::ALL
            .iter()
            .map(|m| (m.def().kind, m.def().key()))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "{k:?} twice");
        }
    }

    #[test]
    #[should_panic(expected = "declares")]
    fn a_message_with_the_wrong_values_is_caught() {
        let _ = Note::new(Msg::LegalAgeDay, Values::new());
    }
}
