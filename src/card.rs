//! マイナンバーカードと電子証明書: the validity of the card and of its user
//! certificate (利用者証明用電子証明書), the renewal window, the expiry notice,
//! the insurance grace period and the status on a day.
//!
//! RULES.md, "Dates of the card and its electronic certificate". Each step
//! below returns a typed fact; [`card_dates`] puts them together.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::answer::{IsoDate, Msg, Note, Said, Step, Values};
use crate::date::{
    add_months_ym, birthday_in_year, legal_age_on, legal_age_reached_on, month_end, next_day,
    nth_birthday_after, prev_day, same_day_months_before, ymd,
};
use crate::error::ApiError;
use crate::rules::Rule;

/// The first day a My Number card could be made (out_of_range before).
pub const FIRST_CARD_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2016, 1, 1) {
    Some(d) => d,
    None => panic!("2016-01-01 exists"),
};

/// Applications J-LIS received before this day use the threshold of 20
/// (rule **card-validity-before-2022-04**, 命令附則2条).
pub const AGE_18_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2022, 4, 1) {
    Some(d) => d,
    None => panic!("2022-04-01 exists"),
};

/// What the visitor told us about their card (validated by `api`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardQuery {
    /// 生年月日
    pub birthday: NaiveDate,
    /// カードの発行日 (the day J-LIS made the card, not the pick-up day).
    pub card_issued: Option<NaiveDate>,
    /// 券面の有効期限 (printed on the card).
    pub card_expires: Option<NaiveDate>,
    /// The card was issued because fewer than 3 months were left on the old one.
    pub card_renewed_in_window: bool,
    /// J-LIS received the application before 2022-04-01 (`None`: not said).
    pub applied_before_2022_april: Option<bool>,
    /// The certificate was issued or renewed separately on that day.
    pub certificate_issued: Option<NaiveDate>,
    /// That certificate renewal happened inside the 3-month window.
    pub certificate_renewed_in_window: bool,
    /// The マイナ保険証 is used on a smartphone.
    pub smartphone: bool,
    /// The day the status is for.
    pub as_of: NaiveDate,
}

api_enum! {
    /// カードの状態: `valid` | `renewable` | `expired`.
    pub enum CardStatus {
        Valid = "valid",
        Renewable = "renewable",
        Expired = "expired",
    }
}

api_enum! {
    /// 電子証明書の状態, the one certificate-status type of the engine:
    /// `valid` | `renewable` (inside the renewal window) | `grace` (expired, the
    /// card still works) | `expired` (grace over), or `unknown` when the first
    /// certificate of a still-valid card has passed its date and nothing says
    /// whether it was renewed. `adviseDocuments` takes the same values.
    pub enum CertificateStatus {
        Valid = "valid",
        Renewable = "renewable",
        Grace = "grace",
        Expired = "expired",
        Unknown = "unknown",
    }
}

/// カード本体の日付.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CardPart {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub expires: IsoDate,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub renewal_from: IsoDate,
    /// "YYYY-MM": J-LIS's notice should arrive from this month…
    pub notice_from: String,
    /// …to this one.
    pub notice_to: String,
    pub status: CardStatus,
    /// Days from `asOf` to `expires` (0 on the day, negative once past).
    pub days_left: i32,
}

/// 電子証明書 (利用者証明用) の日付.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CertificatePart {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub expires: IsoDate,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub renewal_from: IsoDate,
    pub notice_from: String,
    pub notice_to: String,
    /// The certificate would have outlived the card and ends with it.
    pub capped_by_card: bool,
    pub status: CertificateStatus,
    /// Days from `asOf` to `expires`; null when the status is `unknown`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub days_left: Option<i32>,
}

/// マイナ保険証として使える期間.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct InsurancePart {
    /// The last day it works as usual (the certificate's expiry).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub usable_until: IsoDate,
    /// The last day of the grace; null on a smartphone.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub grace_until: Option<IsoDate>,
    /// Days from `asOf` to the last day it works (`graceUntil`, or
    /// `usableUntil` on a smartphone); null when the certificate is `unknown`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub days_left: Option<i32>,
}

/// The answer of `cardDates`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CardDates {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub as_of: IsoDate,
    /// The one sentence that answers 「今日、マイナ保険証で受診できますか」.
    pub headline: Said,
    /// The one thing to do next.
    pub next: Said,
    pub card: CardPart,
    pub certificate: CertificatePart,
    pub insurance: InsurancePart,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

/// Rule **renewal-window**: the first day renewal is possible, the day after
/// the date 3 months before `expires`; where that date does not exist, the
/// 1st of the following month (練馬区: 2023-05-28 → 2023-03-01).
pub fn renewal_from(expires: NaiveDate) -> Option<NaiveDate> {
    match same_day_months_before(expires, 3)? {
        Some(three_months_before) => next_day(three_months_before),
        None => {
            let (y, m) = add_months_ym(expires.year(), expires.month(), -2)?;
            ymd(y, m, 1)
        }
    }
}

/// Rule **insurance-grace**: the last day of the 3rd month after the month of
/// `expires` (2024-09-18 → 2024-12-31; any February → 31 May).
pub fn grace_until(expires: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = add_months_ym(expires.year(), expires.month(), 3)?;
    month_end(y, m)
}

/// Rule **expiry-notice**: the months E-3 and E-2, as (year, month).
pub fn notice_months(expires: NaiveDate) -> Option<((i32, u32), (i32, u32))> {
    Some((
        add_months_ym(expires.year(), expires.month(), -3)?,
        add_months_ym(expires.year(), expires.month(), -2)?,
    ))
}

/// How a card's length was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardLength {
    /// The card counts this many birthdays (5, 6, 10 or 11).
    pub birthdays: u32,
    /// The holder was at or over the adult threshold on the creation day.
    pub adult: bool,
    /// The threshold used (18, or 20 for applications before 2022-04).
    pub threshold: u32,
    /// Legal age on the creation day.
    pub age: u32,
}

/// Rule **card-validity** (and **card-validity-before-2022-04**,
/// **renewal-in-window**): how many birthdays a card made on `created` counts.
pub fn card_length(
    birth: NaiveDate,
    created: NaiveDate,
    applied_before_2022_april: bool,
    renewed_in_window: bool,
) -> Option<CardLength> {
    let age = legal_age_on(birth, created)?;
    let threshold = if applied_before_2022_april { 20 } else { 18 };
    let adult = age >= threshold;
    let birthdays = match (adult, renewed_in_window) {
        (true, false) => 10,
        (true, true) => 11,
        (false, false) => 5,
        (false, true) => 6,
    };
    Some(CardLength {
        birthdays,
        adult,
        threshold,
        age,
    })
}

/// What the printed expiry says about the card (rule **from-card-face**).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaceKind {
    /// A 10- or 11-birthday card (holder an adult when it was made): its first
    /// certificate expired on the birthday 5 years earlier.
    Adult,
    /// A 5- or 6-birthday card: its certificate expires with the card.
    Minor,
}

/// Rule **from-card-face**: checks a printed expiry and tells the card kind.
///
/// # Errors
/// `impossible_card_expiry` on `cardExpires` when no card can have that expiry.
pub fn read_card_face(birth: NaiveDate, printed: NaiveDate) -> Result<FaceKind, ApiError> {
    let impossible = |msg| ApiError::new(msg, Some("cardExpires"));
    if birthday_in_year(birth, printed.year()) != Some(printed) {
        return Err(impossible(Msg::ExpiryNotBirthday));
    }
    let age = legal_age_on(birth, printed).unwrap_or(0);
    let (kind, latest_birthdays) = if age >= 27 {
        (FaceKind::Adult, 9)
    } else if (5..=24).contains(&age) {
        (FaceKind::Minor, 4)
    } else {
        return Err(impossible(Msg::ExpiryImpossibleAge));
    };
    // The card was made before the birthday `latest_birthdays` years before
    // the expiry; that must be on or after 2016-01-01.
    let latest_created =
        birthday_in_year(birth, printed.year() - latest_birthdays).and_then(prev_day);
    if latest_created.is_none_or(|d| d < FIRST_CARD_DAY) {
        return Err(impossible(Msg::ExpiryBefore2016));
    }
    Ok(kind)
}

/// Days from `from` to `to` (negative when `to` is earlier).
/// (i32: dates are within 1900-2200, so the difference is far from overflow;
/// an i64 would pull serde-wasm-bindgen's formatting error path into the wasm.)
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i32 {
    to.num_days_from_ce()
        .saturating_sub(from.num_days_from_ce())
}

/// A date beyond what the calendar can hold (only reachable at chrono's limits).
fn overflow() -> ApiError {
    ApiError::new(Msg::OutOfRange, None)
}

fn num(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Steps and notes, gathered as the facts are worked out.
#[derive(Default)]
struct Explained {
    steps: Vec<Step>,
    notes: Vec<Note>,
}

impl Explained {
    fn step(&mut self, rule: Rule, msg: Msg, values: Values) {
        self.steps.push(Step::new(rule, msg, values));
    }
    fn note(&mut self, msg: Msg, values: Values) {
        self.notes.push(Note::new(msg, values));
    }
}

/// Where the certificate's expiry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CertificateSource {
    /// Issued or renewed on its own (`certificateIssued`).
    Issued,
    /// Issued with the card (`cardIssued`): the card's first certificate.
    WithCard,
    /// Read off a 10-birthday card's printed expiry: its first certificate.
    FaceAdult,
    /// Read off a 5-birthday card's printed expiry: it ends with the card.
    FaceMinor,
}

/// `cardDates`: every date of the card and its certificate, with the status on
/// `q.as_of`, the headline, the next thing to do, the notes and the steps.
///
/// # Errors
/// `start_before_birth`, `out_of_range`, `impossible_card_expiry`,
/// `inconsistent_input`, `missing_field`, `as_of_before_start`.
pub fn card_dates(q: &CardQuery) -> Result<CardDates, ApiError> {
    check_query(q)?;
    let mut ex = Explained::default();
    let card_expires = card_expiry(q, &mut ex)?;
    check_certificate_issued(q, card_expires)?;
    let card = card_part(q.as_of, card_expires)?;
    let (raw_expiry, source) = certificate_expiry(q, card_expires, &mut ex)?;
    let capped_by_card = raw_expiry > card_expires;
    let cert_expires = raw_expiry.min(card_expires);
    if capped_by_card {
        ex.step(
            Rule::CertificateValidity,
            Msg::CertificateCapped,
            Values::new().date("expires", cert_expires),
        );
    }
    let cert_renewal_from = renewal_from(cert_expires).ok_or_else(overflow)?;
    let (cert_notice_from, cert_notice_to) = notice_months(cert_expires).ok_or_else(overflow)?;
    // smartphone-no-grace: a phone stops on the certificate expiry itself.
    let grace = if q.smartphone {
        None
    } else {
        Some(grace_until(cert_expires).ok_or_else(overflow)?)
    };
    let probably_renewed =
        source == CertificateSource::FaceAdult && q.as_of > cert_expires && q.as_of <= card_expires;
    let status = if probably_renewed {
        CertificateStatus::Unknown
    } else {
        certificate_status(q.as_of, cert_renewal_from, cert_expires, grace)
    };
    time_steps(
        &mut ex,
        cert_renewal_from,
        card.renewal_from.0,
        (cert_notice_from, cert_notice_to),
        cert_expires,
        grace,
    );
    card_notes(
        q,
        source,
        cert_expires,
        card_expires,
        grace,
        probably_renewed,
        &mut ex,
    );

    let known = status != CertificateStatus::Unknown;
    let last_day = grace.unwrap_or(cert_expires);
    let certificate = CertificatePart {
        expires: IsoDate(cert_expires),
        renewal_from: IsoDate(cert_renewal_from),
        notice_from: iso_month(cert_notice_from),
        notice_to: iso_month(cert_notice_to),
        capped_by_card,
        status,
        days_left: known.then(|| days_between(q.as_of, cert_expires)),
    };
    let insurance = InsurancePart {
        usable_until: IsoDate(cert_expires),
        grace_until: grace.map(IsoDate),
        days_left: known.then(|| days_between(q.as_of, last_day)),
    };
    Ok(CardDates {
        as_of: IsoDate(q.as_of),
        headline: headline(&card, &certificate, &insurance, q.smartphone),
        next: next_thing(&card, &certificate, &insurance, q.smartphone),
        card,
        certificate,
        insurance,
        notes: ex.notes,
        steps: ex.steps,
    })
}

/// The checks that need no computed date.
fn check_query(q: &CardQuery) -> Result<(), ApiError> {
    for (field, start) in [
        ("cardIssued", q.card_issued),
        ("certificateIssued", q.certificate_issued),
    ] {
        if start.is_some_and(|s| s < q.birthday) {
            return Err(ApiError::new(Msg::StartBeforeBirth, Some(field)));
        }
    }
    if q.card_issued.is_none() && q.card_expires.is_none() {
        return Err(ApiError::new(Msg::MissingCardDate, Some("cardIssued")));
    }
    if q.certificate_renewed_in_window && q.certificate_issued.is_none() {
        return Err(ApiError::new(
            Msg::MissingCertificateIssued,
            Some("certificateIssued"),
        ));
    }
    Ok(())
}

/// The card's expiry: computed from the issue date, read off the card, or both
/// (from-card-face: the printed date wins, with a note).
fn card_expiry(q: &CardQuery, ex: &mut Explained) -> Result<NaiveDate, ApiError> {
    let computed = match q.card_issued {
        Some(created) => Some(card_from_issue(q, created, ex)?),
        None => None,
    };
    if let Some(printed) = q.card_expires {
        read_card_face(q.birthday, printed)?;
    }
    let expires = match (q.card_expires, computed) {
        (Some(printed), Some(from_issue)) => {
            if printed != from_issue {
                ex.note(
                    Msg::PrintedExpiryDiffers,
                    Values::new()
                        .date("computed", from_issue)
                        .date("printed", printed),
                );
            }
            printed
        }
        (Some(printed), None) => printed,
        (None, Some(from_issue)) => from_issue,
        (None, None) => return Err(overflow()),
    };
    if q.card_expires.is_some() {
        ex.step(
            Rule::FromCardFace,
            Msg::CardPrinted,
            Values::new().date("expires", expires),
        );
    }
    Ok(expires)
}

/// A separately issued certificate must lie within the card's life, and the
/// day asked about must not be before the card or certificate existed.
fn check_certificate_issued(q: &CardQuery, card_expires: NaiveDate) -> Result<(), ApiError> {
    if let Some(ci) = q.certificate_issued {
        if q.card_issued.is_some_and(|created| ci < created) {
            return Err(ApiError::new(
                Msg::CertificateBeforeCard,
                Some("certificateIssued"),
            ));
        }
        if ci > card_expires {
            return Err(ApiError::new(
                Msg::CertificateAfterCard,
                Some("certificateIssued"),
            ));
        }
    }
    if let Some(start) = q.card_issued.or(q.certificate_issued) {
        if q.as_of < start {
            return Err(ApiError::new(Msg::AsOfBeforeStart, Some("asOf")));
        }
    }
    Ok(())
}

fn card_part(as_of: NaiveDate, expires: NaiveDate) -> Result<CardPart, ApiError> {
    let renewal = renewal_from(expires).ok_or_else(overflow)?;
    let (from, to) = notice_months(expires).ok_or_else(overflow)?;
    let status = if as_of > expires {
        CardStatus::Expired
    } else if as_of >= renewal {
        CardStatus::Renewable
    } else {
        CardStatus::Valid
    };
    Ok(CardPart {
        expires: IsoDate(expires),
        renewal_from: IsoDate(renewal),
        notice_from: iso_month(from),
        notice_to: iso_month(to),
        status,
        days_left: days_between(as_of, expires),
    })
}

fn iso_month((y, m): (i32, u32)) -> String {
    crate::text::iso_month(y, m)
}

/// The certificate's status on `as_of`, from its dates.
fn certificate_status(
    as_of: NaiveDate,
    renewal: NaiveDate,
    expires: NaiveDate,
    grace: Option<NaiveDate>,
) -> CertificateStatus {
    if as_of <= expires {
        if as_of >= renewal {
            CertificateStatus::Renewable
        } else {
            CertificateStatus::Valid
        }
    } else if grace.is_some_and(|g| as_of <= g) {
        CertificateStatus::Grace
    } else {
        CertificateStatus::Expired
    }
}

/// The expiry of a card made on `created`, with its step and notes.
fn card_from_issue(
    q: &CardQuery,
    created: NaiveDate,
    ex: &mut Explained,
) -> Result<NaiveDate, ApiError> {
    let birth = q.birthday;
    if created < FIRST_CARD_DAY {
        return Err(ApiError::new(Msg::CardBefore2016, Some("cardIssued")));
    }
    // card-validity-before-2022-04: before 2022-04-01 every application was
    // received before that day.
    let applied_before = if created < AGE_18_FROM {
        if q.applied_before_2022_april == Some(false) {
            return Err(ApiError::new(
                Msg::AppliedBefore2022Always,
                Some("appliedBefore2022April"),
            ));
        }
        true
    } else {
        q.applied_before_2022_april.unwrap_or(false)
    };
    let length = card_length(birth, created, applied_before, q.card_renewed_in_window)
        .ok_or_else(overflow)?;
    let expires = nth_birthday_after(birth, created, length.birthdays).ok_or_else(overflow)?;
    // The 20-year threshold only changes the answer at legal age 18 or 19.
    let before_2022_decides = length.threshold == 20 && (18..20).contains(&length.age);
    let rule = if before_2022_decides {
        Rule::CardValidityBefore2022
    } else {
        Rule::CardValidity
    };
    let shown_threshold = if before_2022_decides { 20 } else { 18 };
    ex.step(
        rule,
        if length.adult {
            Msg::CardAdult
        } else {
            Msg::CardMinor
        },
        Values::new()
            .date("issued", created)
            .num("age", num(length.age))
            .num("threshold", shown_threshold)
            .num("birthdays", num(length.birthdays))
            .date("expires", expires),
    );
    if q.card_renewed_in_window {
        ex.step(Rule::RenewalInWindow, Msg::RenewedInWindow, Values::new());
    }
    if before_2022_decides {
        ex.step(
            Rule::CardValidityBefore2022,
            Msg::CardThreshold20,
            Values::new(),
        );
    }
    // card-validity-before-2022-04: ask only when the answer changes the result.
    if created >= AGE_18_FROM
        && (18..=19).contains(&length.age)
        && q.applied_before_2022_april.is_none()
    {
        ex.note(Msg::AskAppliedBefore2022April, Values::new());
    }
    // card-validity: the day before the threshold birthday (medium confidence).
    let threshold_day = legal_age_reached_on(birth, length.threshold);
    let threshold = num(length.threshold);
    if threshold_day == Some(created) {
        ex.note(Msg::LegalAgeDay, Values::new().num("threshold", threshold));
    }
    // card-validity: municipal pages take the age on the application day,
    // up to about 3 months earlier.
    let three_months_before = same_day_months_before(created, 3).flatten().or_else(|| {
        let (y, m) = add_months_ym(created.year(), created.month(), -2)?;
        ymd(y, m, 1)
    });
    if let (Some(t), Some(before)) = (threshold_day, three_months_before) {
        if t >= before && t < created {
            ex.note(
                Msg::AgeAtApplication,
                Values::new().num("threshold", threshold),
            );
        }
    }
    Ok(expires)
}

/// The certificate's expiry before the card's cap, and where it comes from
/// (certificate-validity, renewal-in-window, from-card-face).
fn certificate_expiry(
    q: &CardQuery,
    card_expires: NaiveDate,
    ex: &mut Explained,
) -> Result<(NaiveDate, CertificateSource), ApiError> {
    let birth = q.birthday;
    let from_issue = |start: NaiveDate, in_window: bool, msg: Msg, ex: &mut Explained| {
        let n = if in_window { 6 } else { 5 };
        let expires = nth_birthday_after(birth, start, n).ok_or_else(overflow)?;
        let rule = if in_window {
            Rule::RenewalInWindow
        } else {
            Rule::CertificateValidity
        };
        ex.step(
            rule,
            msg,
            Values::new()
                .date("issued", start)
                .num("birthdays", num(n))
                .date("expires", expires),
        );
        Ok::<NaiveDate, ApiError>(expires)
    };
    if let Some(start) = q.certificate_issued {
        let in_window = q.certificate_renewed_in_window;
        let e = from_issue(start, in_window, Msg::CertificateIssued, ex)?;
        if in_window {
            ex.step(Rule::RenewalInWindow, Msg::RenewedInWindow, Values::new());
        }
        return Ok((e, CertificateSource::Issued));
    }
    if let Some(created) = q.card_issued {
        let e = from_issue(
            created,
            q.card_renewed_in_window,
            Msg::CertificateWithCard,
            ex,
        )?;
        return Ok((e, CertificateSource::WithCard));
    }
    match read_card_face(birth, card_expires)? {
        FaceKind::Adult => {
            let first = birthday_in_year(birth, card_expires.year() - 5).ok_or_else(overflow)?;
            ex.step(
                Rule::FromCardFace,
                Msg::CertificateFaceAdult,
                Values::new().date("expires", first),
            );
            Ok((first, CertificateSource::FaceAdult))
        }
        FaceKind::Minor => {
            ex.step(
                Rule::FromCardFace,
                Msg::CertificateFaceMinor,
                Values::new().date("expires", card_expires),
            );
            Ok((card_expires, CertificateSource::FaceMinor))
        }
    }
}

/// renewal-window, expiry-notice, insurance-grace, smartphone-no-grace.
fn time_steps(
    ex: &mut Explained,
    cert_renewal_from: NaiveDate,
    card_renewal_from: NaiveDate,
    ((y1, m1), (y2, m2)): ((i32, u32), (i32, u32)),
    cert_expires: NaiveDate,
    grace: Option<NaiveDate>,
) {
    ex.step(
        Rule::RenewalWindow,
        Msg::RenewalWindow,
        Values::new()
            .date("certificateFrom", cert_renewal_from)
            .date("cardFrom", card_renewal_from),
    );
    ex.step(
        Rule::ExpiryNotice,
        Msg::ExpiryNotice,
        Values::new().month("from", y1, m1).month("to", y2, m2),
    );
    match grace {
        Some(g) => ex.step(
            Rule::InsuranceGrace,
            Msg::InsuranceGrace,
            Values::new().date("until", g),
        ),
        None => ex.step(
            Rule::SmartphoneNoGrace,
            Msg::SmartphoneNoGrace,
            Values::new().date("expires", cert_expires),
        ),
    }
}

/// The notes of `cardDates`.
fn card_notes(
    q: &CardQuery,
    source: CertificateSource,
    cert_expires: NaiveDate,
    card_expires: NaiveDate,
    grace: Option<NaiveDate>,
    probably_renewed: bool,
    ex: &mut Explained,
) {
    let birth = q.birthday;
    if birth.month() == 2 && birth.day() == 29 {
        ex.note(Msg::LeapDayBirthday, Values::new());
    }
    if probably_renewed && source == CertificateSource::FaceAdult {
        // Past dates read as past: "worked until", not "works until".
        let last = grace.unwrap_or(cert_expires);
        ex.note(
            if q.as_of > last {
                Msg::CertificateProbablyRenewedPast
            } else {
                Msg::CertificateProbablyRenewed
            },
            Values::new()
                .date("expires", cert_expires)
                .date("graceUntil", last),
        );
    }
    // The card's own certificate has expired but the card is valid and no
    // renewal date was given: the visitor may simply have renewed it.
    if source == CertificateSource::WithCard && q.as_of > cert_expires && q.as_of <= card_expires {
        ex.note(Msg::EnterCertificateRenewal, Values::new());
    }
    if cert_expires == card_expires && !probably_renewed {
        ex.note(Msg::CardExpiresWithCertificate, Values::new());
    }
    if q.smartphone {
        ex.note(Msg::SmartphoneCarryCard, Values::new());
    }
    let start = q.certificate_issued.or(q.card_issued).unwrap_or(q.as_of);
    if legal_age_on(birth, start).is_some_and(|age| age < 15) {
        ex.note(Msg::NoSignatureCertificateUnder15, Values::new());
    }
}

/// The sentence that opens the answer: can the マイナ保険証 be used today,
/// and the date that decides it.
fn headline(
    card: &CardPart,
    cert: &CertificatePart,
    ins: &InsurancePart,
    smartphone: bool,
) -> Said {
    let last_day = ins.grace_until.unwrap_or(cert.expires);
    let days = |d: Option<i32>| d.unwrap_or(0);
    if card.status == CardStatus::Expired {
        return Said::new(
            Msg::HeadlineCardExpired,
            Values::new().date("lastDay", card.expires),
        );
    }
    match cert.status {
        CertificateStatus::Valid => Said::new(
            Msg::HeadlineWorks,
            Values::new()
                .date("until", cert.expires)
                .num("daysLeft", days(cert.days_left)),
        ),
        CertificateStatus::Renewable => Said::new(
            Msg::HeadlineWorksRenewable,
            Values::new()
                .date("until", cert.expires)
                .num("daysLeft", days(cert.days_left)),
        ),
        CertificateStatus::Grace => Said::new(
            Msg::HeadlineWorksInGrace,
            Values::new()
                .date("until", last_day)
                .date("expired", cert.expires)
                .num("daysLeft", days(ins.days_left)),
        ),
        CertificateStatus::Expired if smartphone => Said::new(
            Msg::HeadlinePhoneStopped,
            Values::new().date("lastDay", cert.expires),
        ),
        CertificateStatus::Expired => Said::new(
            Msg::HeadlineStopped,
            Values::new().date("lastDay", last_day),
        ),
        CertificateStatus::Unknown => Said::new(
            Msg::HeadlineUnknown,
            Values::new()
                .date("expires", cert.expires)
                .date("lastDay", last_day),
        ),
    }
}

/// The one thing to do next.
fn next_thing(
    card: &CardPart,
    cert: &CertificatePart,
    ins: &InsurancePart,
    smartphone: bool,
) -> Said {
    if card.status == CardStatus::Expired {
        return Said::bare(Msg::NextReplaceCard);
    }
    if card.status == CardStatus::Renewable && cert.capped_by_card {
        return Said::new(
            Msg::NextRenewCard,
            Values::new().date("expires", card.expires),
        );
    }
    match cert.status {
        CertificateStatus::Valid => Said::new(
            Msg::NextNothingUntil,
            Values::new().date("from", cert.renewal_from),
        ),
        CertificateStatus::Renewable => Said::new(
            Msg::NextRenewBy,
            Values::new().date("expires", cert.expires),
        ),
        CertificateStatus::Grace => Said::new(
            Msg::NextRenewInGrace,
            Values::new().date("until", ins.grace_until.unwrap_or(cert.expires)),
        ),
        CertificateStatus::Expired if smartphone => Said::bare(Msg::NextRenewAndSetUpPhone),
        CertificateStatus::Expired => Said::bare(Msg::NextRenewAndRegister),
        CertificateStatus::Unknown => Said::bare(Msg::NextCheckRenewal),
    }
}
