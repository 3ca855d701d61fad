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
};
use crate::card_said::{self as said, Facts};
use crate::certificate::{
    card_grace, certificate_expiry, certificate_status, CertificateInput, CertificatePart,
    CertificateStatus, InsurancePart, NoGrace, Renewed, Source,
};
use crate::date::{add_months_ym, legal_age_reached_on, month_end, next_day};
use crate::error::ApiError;
use crate::explained::Explained;
use crate::profile::Profile;
use crate::rules::Rule;
use crate::stay::{self, check_card_within_stay, CardBound, CardExpiry, Stay};

/// What the visitor told us (validated by `api`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardQuery {
    pub card: CardInput,
    pub certificate: CertificateInput,
    /// 電子証明書を更新しましたか (`None`: not asked yet).
    pub renewed: Option<Renewed>,
    /// The マイナ保険証 is used on a smartphone.
    pub smartphone: bool,
    /// A foreign resident with a period of stay (`periodOfStay`), and its end
    /// if given (`stayUntil`).
    pub stay: Option<Stay>,
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
    /// The 75th birthday: 後期高齢者医療 begins and this insurer's membership
    /// (and its 資格確認書) ends the day before (eligibility-certificate-validity).
    /// The card and its certificate go on: only the insurer changes.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub late_stage_from: Option<IsoDate>,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

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
    let mut card_expiry = card_expiry(&q.card, q.stay.as_ref(), q.as_of, &mut ex)?;
    if let Some(stay) = &q.stay {
        check_card_within_stay(stay, &card_expiry)?;
    }
    check_certificate_issued(q, card_expiry.date)?;
    let (raw_expiry, source) = certificate_expiry(
        birth,
        &q.certificate,
        q.card.issued,
        q.card.renewed_in_window,
        card_expiry,
        q.stay.is_some(),
        q.as_of,
        &mut ex,
    )?;
    // stay-caps-card: a handwritten date that is the end of the stay is the
    // card's own end too (the certificates end with the card at the latest).
    if source == Source::HandwrittenStay && card_expiry.date.is_none() {
        card_expiry = CardExpiry {
            date: Some(raw_expiry),
            bound: CardBound::StayBased,
        };
    }
    let card_expires = card_expiry.date;
    let card = CardPart::new(q.as_of, card_expiry)?;
    let capped_by_card = card_expires.is_some_and(|c| raw_expiry > c);
    let cert_expires = card_expires.map_or(raw_expiry, |c| raw_expiry.min(c));
    if capped_by_card {
        ex.step(
            Rule::CertificateValidity,
            Msg::CertificateCapped,
            Values::new().date("expires", cert_expires),
        );
    }
    let stay_next = match &q.stay {
        Some(stay) => stay::explain(stay, &card_expiry, q.as_of, &mut ex),
        None => None,
    };
    let cert_renewal_from = renewal_from(cert_expires).ok_or_else(overflow)?;
    // expiry-notice, except for a date that may be the end of the stay
    // (stay-extended: no notice is mailed for it).
    let notice = if card_expiry.bound == CardBound::Exact
        || card_expires.is_none_or(|c| c != cert_expires)
    {
        Some(notice_months(cert_expires).ok_or_else(overflow)?)
    } else {
        None
    };
    // insurance-grace is the card's; smartphone-no-grace: a phone has none.
    let card_grace = card_grace(cert_expires, card_expires);
    let grace = if q.smartphone {
        Err(NoGrace::Smartphone)
    } else {
        card_grace
    };
    // The card's first certificate has passed its date while the card is
    // valid: the visitor may have renewed it. Ask, and answer both ways.
    let first_passed = source.is_first_of_card()
        && q.as_of > cert_expires
        && card_expires.is_some_and(|c| q.as_of <= c);
    if first_passed {
        ex.ask("certificateRenewed");
    }
    let renewed = q.renewed.unwrap_or(Renewed::Unknown);
    // 「はい」: the card works with its new certificate, whose date the
    // visitor has not given; it ends with the card at the latest.
    let renewed_yes = first_passed && renewed == Renewed::Yes;
    let status = match (first_passed, renewed) {
        (true, Renewed::Yes) => CertificateStatus::Valid,
        (true, Renewed::Unknown) => CertificateStatus::Unknown,
        _ => certificate_status(q.as_of, cert_renewal_from, cert_expires, grace.ok()),
    };
    if renewed_yes {
        if let Some(card) = card_expires {
            ex.step(
                Rule::CertificateValidity,
                Msg::CertificateRenewedLatest,
                Values::new().date("cardExpires", card),
            );
        }
    } else {
        time_steps(
            &mut ex,
            cert_renewal_from,
            card.renewal_from,
            notice,
            cert_expires,
            grace,
        );
    }
    // The insurer sends a 資格確認書 after the last day of its month after the expiry month.
    let eligibility_after = match &q.profile {
        Some(p) if !renewed_yes => {
            let months = i32::try_from(p.months_after_certificate_expiry).unwrap_or(3);
            let (y, m) = add_months_ym(cert_expires.year(), cert_expires.month(), months)
                .ok_or_else(overflow)?;
            Some(month_end(y, m).ok_or_else(overflow)?)
        }
        _ => None,
    };
    let facts = Facts {
        as_of: q.as_of,
        birthday: birth,
        issued: q.certificate.issued.or(q.card.issued),
        status,
        renewed,
        renewed_yes,
        smartphone: q.smartphone,
        card_status: card.status,
        card_expires,
        card_bound: card_expiry.bound,
        capped_by_card,
        cert_expires,
        cert_renewal_from,
        card_grace,
        eligibility_after,
        stay_next,
    };
    said::card_notes(source, &facts, &mut ex);
    let known = status != CertificateStatus::Unknown && !renewed_yes;
    let last_day = grace.unwrap_or(cert_expires);
    let notice = notice.filter(|_| !renewed_yes);
    Ok(CardDates {
        as_of: IsoDate(q.as_of),
        headline: said::headline(&facts),
        next: said::next_thing(&facts),
        ask: ex.ask,
        card,
        certificate: CertificatePart {
            expires: (!renewed_yes).then_some(IsoDate(cert_expires)),
            renewal_from: (!renewed_yes).then_some(IsoDate(cert_renewal_from)),
            notice_from: notice.map(|((y, m), _)| crate::text::iso_month(y, m)),
            notice_to: notice.map(|(_, (y, m))| crate::text::iso_month(y, m)),
            capped_by_card: capped_by_card && !renewed_yes,
            status,
            days_left: known.then(|| days_between(q.as_of, cert_expires)),
        },
        insurance: InsurancePart {
            usable_until: (!renewed_yes).then_some(IsoDate(cert_expires)),
            grace_until: grace.ok().filter(|_| !renewed_yes).map(IsoDate),
            no_grace: grace.err().filter(|_| !renewed_yes),
            days_left: known.then(|| days_between(q.as_of, last_day)),
            eligibility_certificate_after: eligibility_after.map(IsoDate),
        },
        // The day after the 75th year is legally reached (the birthday; 1 March
        // for 29 February in a common year): eligibility-certificate-validity.
        late_stage_from: legal_age_reached_on(q.card.birthday, 75)
            .and_then(next_day)
            .map(IsoDate),
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
    notice: Option<((i32, u32), (i32, u32))>,
    cert_expires: NaiveDate,
    grace: Result<NaiveDate, NoGrace>,
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
    if let Some(((y1, m1), (y2, m2))) = notice {
        ex.step(
            Rule::ExpiryNotice,
            Msg::ExpiryNotice,
            Values::new().month("from", y1, m1).month("to", y2, m2),
        );
    }
    let expires = Values::new().date("expires", cert_expires);
    match grace {
        Ok(g) => ex.step(
            Rule::InsuranceGrace,
            Msg::InsuranceGrace,
            Values::new().date("until", g),
        ),
        Err(NoGrace::Smartphone) => {
            ex.step(Rule::SmartphoneNoGrace, Msg::SmartphoneNoGrace, expires)
        }
        Err(NoGrace::CardExpires) => ex.step(
            Rule::InsuranceGrace,
            Msg::InsuranceGraceCardExpires,
            expires,
        ),
        Err(NoGrace::BeforeMeasure) => ex.step(
            Rule::InsuranceGrace,
            Msg::InsuranceGraceBeforeMeasure,
            expires,
        ),
    }
}
