//! `cardDates`: the card and its certificate on a day, and the one sentence
//! that answers 「今日、マイナ保険証で受診できますか」 with the date that
//! decides it and the one thing to do next.
//!
//! The facts come from `card` and `certificate`; this module puts them
//! together, decides what to ask next, and words nothing.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::answer::{IsoDate, Msg, Note, Said, Step, Values};
use crate::card::{
    card_expiry, days_between, notice_months, overflow, renewal_from, CardInput, CardPart,
    CardStatus,
};
use crate::certificate::{
    certificate_expiry, certificate_status, grace_until, CertificateInput, CertificatePart,
    CertificateStatus, InsurancePart, Renewed, Source,
};
use crate::date::{add_months_ym, birthday_in_year, legal_age_on, month_end};
use crate::error::ApiError;
use crate::explained::Explained;
use crate::profile::Profile;
use crate::rules::Rule;

/// What the visitor told us (validated by `api`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardQuery {
    pub card: CardInput,
    pub certificate: CertificateInput,
    /// 電子証明書を更新しましたか (`None`: not asked yet).
    pub renewed: Option<Renewed>,
    /// The マイナ保険証 is used on a smartphone.
    pub smartphone: bool,
    /// The day the status is for.
    pub as_of: NaiveDate,
    /// `as_of` was given (a "what if" day), not today.
    pub as_of_given: bool,
    /// The insurer's profile: when it sends a 資格確認書 after an expired certificate.
    pub profile: Option<Profile>,
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
    /// Input keys whose answer would change this answer (e.g. `certificateRenewed`).
    pub ask: Vec<&'static str>,
    pub card: CardPart,
    pub certificate: CertificatePart,
    pub insurance: InsurancePart,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

/// Phones work as マイナ保険証 from this day (スマホ, rule smartphone-no-grace).
pub const SMARTPHONE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 9, 19) {
    Some(d) => d,
    None => panic!("2025-09-19 exists"),
};

/// A date the visitor typed lies after the day asked about: that field is at
/// fault (it is the one typed), and the message says which day it is after.
pub fn after_as_of(field: &str, as_of: NaiveDate, as_of_given: bool) -> ApiError {
    if as_of_given {
        ApiError::with(
            Msg::DateAfterAsOfGiven,
            Some(field),
            Values::new().date("asOf", as_of),
        )
    } else {
        ApiError::new(Msg::DateAfterToday, Some(field))
    }
}

/// `cardDates`.
///
/// # Errors
/// `missing_field`, `start_before_birth`, `date_after_as_of`, `out_of_range`,
/// `impossible_card_expiry`, `impossible_certificate_expiry`, `inconsistent_input`.
pub fn card_dates(q: &CardQuery) -> Result<CardDates, ApiError> {
    check_query(q)?;
    let birth = q.card.birthday;
    let mut ex = Explained::default();
    let card_expires = card_expiry(&q.card, &mut ex)?;
    check_certificate_issued(q, card_expires)?;
    let card = CardPart::new(q.as_of, card_expires)?;
    let (raw_expiry, source) = certificate_expiry(
        birth,
        &q.certificate,
        q.card.issued,
        q.card.renewed_in_window,
        card_expires,
        q.as_of,
        &mut ex,
    )?;
    let capped_by_card = card_expires.is_some_and(|c| raw_expiry > c);
    let cert_expires = card_expires.map_or(raw_expiry, |c| raw_expiry.min(c));
    if capped_by_card {
        ex.step(
            Rule::CertificateValidity,
            Msg::CertificateCapped,
            Values::new().date("expires", cert_expires),
        );
    }
    let cert_renewal_from = renewal_from(cert_expires).ok_or_else(overflow)?;
    let ((y1, m1), (y2, m2)) = notice_months(cert_expires).ok_or_else(overflow)?;
    // insurance-grace is the card's; smartphone-no-grace: a phone has none.
    let card_grace = grace_until(cert_expires).ok_or_else(overflow)?;
    let grace = (!q.smartphone).then_some(card_grace);
    // The card's first certificate has passed its date while the card is
    // valid: the visitor may have renewed it. Ask, and answer both ways.
    let first_passed = source.is_first_of_card()
        && q.as_of > cert_expires
        && card_expires.is_some_and(|c| q.as_of <= c);
    if first_passed {
        ex.ask("certificateRenewed");
    }
    let renewed = q.renewed.unwrap_or(Renewed::Unknown);
    let status = if first_passed && renewed != Renewed::No {
        CertificateStatus::Unknown
    } else {
        certificate_status(q.as_of, cert_renewal_from, cert_expires, grace)
    };
    time_steps(
        &mut ex,
        cert_renewal_from,
        card.renewal_from,
        ((y1, m1), (y2, m2)),
        cert_expires,
        grace,
    );
    // The insurer sends a 資格確認書 after the last day of its month after the expiry month.
    let eligibility_after = match &q.profile {
        Some(p) => {
            let months = i32::try_from(p.months_after_certificate_expiry).unwrap_or(3);
            let (y, m) = add_months_ym(cert_expires.year(), cert_expires.month(), months)
                .ok_or_else(overflow)?;
            Some(month_end(y, m).ok_or_else(overflow)?)
        }
        None => None,
    };
    let facts = Facts {
        as_of: q.as_of,
        status,
        renewed,
        smartphone: q.smartphone,
        card_status: card.status,
        card_expires,
        capped_by_card,
        cert_expires,
        cert_renewal_from,
        card_grace,
        eligibility_after,
    };
    card_notes(q, source, &facts, &mut ex);
    let known = status != CertificateStatus::Unknown;
    let last_day = grace.unwrap_or(cert_expires);
    Ok(CardDates {
        as_of: IsoDate(q.as_of),
        headline: headline(&facts),
        next: next_thing(&facts),
        ask: ex.ask,
        card,
        certificate: CertificatePart {
            expires: IsoDate(cert_expires),
            renewal_from: IsoDate(cert_renewal_from),
            notice_from: crate::text::iso_month(y1, m1),
            notice_to: crate::text::iso_month(y2, m2),
            capped_by_card,
            status,
            days_left: known.then(|| days_between(q.as_of, cert_expires)),
        },
        insurance: InsurancePart {
            usable_until: IsoDate(cert_expires),
            grace_until: grace.map(IsoDate),
            days_left: known.then(|| days_between(q.as_of, last_day)),
            eligibility_certificate_after: eligibility_after.map(IsoDate),
        },
        notes: ex.notes,
        steps: ex.steps,
    })
}

/// The checks that need no computed date.
fn check_query(q: &CardQuery) -> Result<(), ApiError> {
    let birth = q.card.birthday;
    if birth > q.as_of {
        return Err(after_as_of("birthday", q.as_of, q.as_of_given));
    }
    for (field, start) in [
        ("cardIssued", q.card.issued),
        ("certificateIssued", q.certificate.issued),
    ] {
        let Some(start) = start else { continue };
        if start < birth {
            return Err(ApiError::new(Msg::StartBeforeBirth, Some(field)));
        }
        if start > q.as_of {
            return Err(after_as_of(field, q.as_of, q.as_of_given));
        }
    }
    if q.card.issued.is_none() && q.card.printed.is_none() && q.certificate.expires.is_none() {
        return Err(ApiError::new(
            Msg::MissingCardDate,
            Some("certificateExpires"),
        ));
    }
    if q.certificate.renewed_in_window && q.certificate.issued.is_none() {
        return Err(ApiError::new(
            Msg::MissingCertificateIssued,
            Some("certificateIssued"),
        ));
    }
    Ok(())
}

/// A separately issued certificate must lie within the card's life.
fn check_certificate_issued(
    q: &CardQuery,
    card_expires: Option<NaiveDate>,
) -> Result<(), ApiError> {
    if let Some(ci) = q.certificate.issued {
        if q.card.issued.is_some_and(|created| ci < created) {
            return Err(ApiError::new(
                Msg::CertificateBeforeCard,
                Some("certificateIssued"),
            ));
        }
        if card_expires.is_some_and(|e| ci > e) {
            return Err(ApiError::new(
                Msg::CertificateAfterCard,
                Some("certificateIssued"),
            ));
        }
    }
    Ok(())
}

/// renewal-window, renewal-booking, expiry-notice, insurance-grace, smartphone-no-grace.
fn time_steps(
    ex: &mut Explained,
    cert_renewal_from: NaiveDate,
    card_renewal_from: Option<IsoDate>,
    ((y1, m1), (y2, m2)): ((i32, u32), (i32, u32)),
    cert_expires: NaiveDate,
    grace: Option<NaiveDate>,
) {
    match card_renewal_from {
        Some(card_from) => ex.step(
            Rule::RenewalWindow,
            Msg::RenewalWindow,
            Values::new()
                .date("certificateFrom", cert_renewal_from)
                .date("cardFrom", card_from),
        ),
        None => ex.step(
            Rule::RenewalWindow,
            Msg::RenewalWindowCertificate,
            Values::new().date("certificateFrom", cert_renewal_from),
        ),
    }
    ex.step(
        Rule::RenewalBooking,
        Msg::RenewalBooking,
        Values::new().date("from", cert_renewal_from),
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

/// The facts the headline, the next step and the notes are chosen from.
struct Facts {
    as_of: NaiveDate,
    status: CertificateStatus,
    renewed: Renewed,
    smartphone: bool,
    card_status: CardStatus,
    card_expires: Option<NaiveDate>,
    capped_by_card: bool,
    cert_expires: NaiveDate,
    cert_renewal_from: NaiveDate,
    /// The last day of the card's grace (also for a smartphone user's card).
    card_grace: NaiveDate,
    /// After this day the insurer sends a 資格確認書 (with a profile).
    eligibility_after: Option<NaiveDate>,
}

/// The notes of `cardDates`.
fn card_notes(q: &CardQuery, source: Source, f: &Facts, ex: &mut Explained) {
    let birth = q.card.birthday;
    if birth.month() == 2 && birth.day() == 29 {
        ex.note(Msg::LeapDayBirthday, Values::new());
    }
    if f.status == CertificateStatus::Unknown {
        // Past dates read as past: "worked until", not "works until".
        let last = if q.smartphone {
            f.cert_expires
        } else {
            f.card_grace
        };
        let values = Values::new()
            .date("expires", f.cert_expires)
            .date("graceUntil", last);
        match (f.renewed, q.as_of > last) {
            (Renewed::Yes, _) => ex.note(Msg::RenewedCheckNewDate, Values::new()),
            (_, true) => ex.note(Msg::CertificateProbablyRenewedPast, values),
            (_, false) => ex.note(Msg::CertificateProbablyRenewed, values),
        }
        if f.renewed == Renewed::Yes && q.as_of > f.card_grace {
            ex.note(Msg::RenewedAfterGraceRegisterAgain, Values::new());
        }
    }
    if Some(f.cert_expires) == f.card_expires && f.status != CertificateStatus::Unknown {
        ex.note(Msg::CardExpiresWithCertificate, Values::new());
    }
    // The card as a backup only while it still works (to the grace's end).
    if q.smartphone && q.as_of <= f.card_grace {
        ex.note(Msg::SmartphoneCarryCard, Values::new());
    }
    if q.smartphone && q.as_of < SMARTPHONE_FROM {
        ex.note(Msg::SmartphoneNotYet, Values::new());
    }
    let start = q
        .certificate
        .issued
        .or(q.card.issued)
        .filter(|_| source != Source::Handwritten)
        .unwrap_or(q.as_of);
    if legal_age_on(birth, start).is_some_and(|age| age < 15) {
        ex.note(Msg::NoSignatureCertificateUnder15, Values::new());
    }
    // eligibility-certificate-validity: membership ends the day before the
    // 75th birthday; the マイナ保険証 then serves 後期高齢者医療.
    if legal_age_on(birth, q.as_of).is_some_and(|age| age >= 74) {
        if let Some(day) = birthday_in_year(birth, birth.year() + 75) {
            ex.note(Msg::LateStageAt75, Values::new().date("birthday75", day));
        }
    }
}

/// The sentence that opens the answer: can the マイナ保険証 be used today,
/// and the date that decides it.
fn headline(f: &Facts) -> Said {
    let days = |to: NaiveDate| days_between(f.as_of, to);
    if let (CardStatus::Expired, Some(card)) = (f.card_status, f.card_expires) {
        return Said::new(
            Msg::HeadlineCardExpired,
            Values::new().date("lastDay", card),
        );
    }
    match f.status {
        CertificateStatus::Valid => Said::new(
            Msg::HeadlineWorks,
            Values::new()
                .date("until", f.cert_expires)
                .num("daysLeft", days(f.cert_expires)),
        ),
        CertificateStatus::Renewable => Said::new(
            Msg::HeadlineWorksRenewable,
            Values::new()
                .date("until", f.cert_expires)
                .num("daysLeft", days(f.cert_expires)),
        ),
        CertificateStatus::Grace => Said::new(
            Msg::HeadlineWorksInGrace,
            Values::new()
                .date("until", f.card_grace)
                .date("expired", f.cert_expires)
                .num("daysLeft", days(f.card_grace)),
        ),
        CertificateStatus::Expired if f.smartphone && f.as_of <= f.card_grace => Said::new(
            Msg::HeadlinePhoneStopped,
            Values::new()
                .date("lastDay", f.cert_expires)
                .date("cardUntil", f.card_grace),
        ),
        CertificateStatus::Expired => Said::new(
            Msg::HeadlineStopped,
            Values::new().date("lastDay", f.card_grace),
        ),
        CertificateStatus::Unknown => match f.renewed {
            Renewed::Yes => Said::new(
                Msg::HeadlineRenewed,
                Values::new().date("cardExpires", f.card_expires.unwrap_or(f.cert_expires)),
            ),
            _ => {
                let last = if f.smartphone {
                    f.cert_expires
                } else {
                    f.card_grace
                };
                Said::new(
                    if f.as_of > last {
                        Msg::HeadlineUnknownPast
                    } else {
                        Msg::HeadlineUnknown
                    },
                    Values::new()
                        .date("expires", f.cert_expires)
                        .date("lastDay", last),
                )
            }
        },
    }
}

/// The one thing to do next.
fn next_thing(f: &Facts) -> Said {
    if f.card_status == CardStatus::Expired {
        return Said::bare(Msg::NextReplaceCard);
    }
    if let (CardStatus::Renewable, true, Some(card)) =
        (f.card_status, f.capped_by_card, f.card_expires)
    {
        return Said::new(Msg::NextRenewCard, Values::new().date("expires", card));
    }
    match f.status {
        CertificateStatus::Valid => Said::new(
            Msg::NextNothingUntil,
            Values::new().date("from", f.cert_renewal_from),
        ),
        CertificateStatus::Renewable => Said::new(
            Msg::NextRenewBy,
            Values::new().date("expires", f.cert_expires),
        ),
        CertificateStatus::Grace => Said::new(
            Msg::NextRenewInGrace,
            Values::new().date("until", f.card_grace),
        ),
        CertificateStatus::Expired if f.smartphone && f.as_of <= f.card_grace => Said::new(
            Msg::NextRenewInGracePhone,
            Values::new().date("until", f.card_grace),
        ),
        CertificateStatus::Expired if f.smartphone => Said::bare(Msg::NextRenewAndSetUpPhone),
        // Expired means the grace is over, so the day the insurer sends a
        // 資格確認書 (at most 3 months after the expiry month) has passed.
        CertificateStatus::Expired => match f.eligibility_after {
            Some(after) => Said::new(
                Msg::NextRenewAndRegisterAfter,
                Values::new().date("after", after),
            ),
            None => Said::bare(Msg::NextRenewAndRegister),
        },
        // Renewed or not: if not, the deadline is the grace's last day, while it lasts.
        CertificateStatus::Unknown if f.as_of <= f.card_grace && !f.smartphone => Said::new(
            Msg::NextCheckRenewalGrace,
            Values::new().date("until", f.card_grace),
        ),
        CertificateStatus::Unknown => Said::bare(Msg::NextCheckRenewal),
    }
}
