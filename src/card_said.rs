//! What the `cardDates` answer says: the headline that answers
//! 「今日、マイナ保険証で受診できますか」, the one thing to do next, and the
//! notes, chosen from the facts `card_dates` worked out (as codes and
//! values: the words are the catalogs').

use chrono::{Datelike, NaiveDate};

use crate::answer::{Msg, Said, Values};
use crate::card::{days_between, CardStatus};
use crate::certificate::{CertificateStatus, NoGrace, Renewed, Source, SMARTPHONE_FROM};
use crate::date::{birthday_in_year, legal_age_on};
use crate::explained::Explained;
use crate::stay::CardBound;

/// The facts the headline, the next step and the notes are chosen from.
pub struct Facts {
    pub as_of: NaiveDate,
    pub birthday: NaiveDate,
    /// The day the certificate (or the card with it) was issued, where given
    /// (under 15 then: no signature certificate).
    pub issued: Option<NaiveDate>,
    pub status: CertificateStatus,
    pub renewed: Renewed,
    /// The visitor answered 「はい」 to 「電子証明書を更新しましたか」: the new
    /// certificate's date is not known, the card's expiry bounds it.
    pub renewed_yes: bool,
    pub smartphone: bool,
    pub card_status: CardStatus,
    pub card_expires: Option<NaiveDate>,
    pub card_bound: CardBound,
    pub capped_by_card: bool,
    pub cert_expires: NaiveDate,
    pub cert_renewal_from: NaiveDate,
    /// The last day the card itself works after its certificate expires
    /// (also for a smartphone user's card), or why it has no grace.
    pub card_grace: Result<NaiveDate, NoGrace>,
    /// After this day the insurer sends a 資格確認書 (with a profile).
    pub eligibility_after: Option<NaiveDate>,
    /// What the period of stay asks for first (stay-extended, stay-pending).
    pub stay_next: Option<Said>,
}

impl Facts {
    /// The last day the card works as マイナ保険証 if the certificate was not
    /// renewed: the grace's end, or the expiry itself without a grace.
    fn card_last_day(&self) -> NaiveDate {
        self.card_grace.unwrap_or(self.cert_expires)
    }
}

/// The notes of `cardDates`.
pub fn card_notes(source: Source, f: &Facts, ex: &mut Explained) {
    let birth = f.birthday;
    if birth.month() == 2 && birth.day() == 29 {
        ex.note(Msg::LeapDayBirthday, Values::new());
    }
    let card_last = f.card_last_day();
    if f.status == CertificateStatus::Unknown {
        // Past dates read as past: "worked until", not "works until".
        let values = Values::new()
            .date("expires", f.cert_expires)
            .date("graceUntil", card_last);
        if f.as_of > card_last {
            ex.note(Msg::CertificateProbablyRenewedPast, values);
        } else {
            ex.note(Msg::CertificateProbablyRenewed, values);
        }
    }
    // insurance-grace: renewed after the grace, the registration was cancelled.
    if let (true, Ok(grace)) = (f.renewed_yes, f.card_grace) {
        if f.as_of > grace {
            ex.note(
                Msg::RenewedAfterGraceRegisterAgain,
                Values::new().date("after", grace),
            );
        }
    }
    // (A card that ends with the stay is changed, not replaced: the stay's notes say so.)
    if Some(f.cert_expires) == f.card_expires
        && f.status != CertificateStatus::Unknown
        && f.card_bound != CardBound::StayBased
    {
        ex.note(Msg::CardExpiresWithCertificate, Values::new());
    }
    // insurance-grace: the grace is the card's; a card that expires with its
    // certificate has none, and from the certificate's own date alone the
    // card's is not known.
    if f.card_expires.is_none()
        && f.card_grace.is_ok()
        && matches!(
            f.status,
            CertificateStatus::Renewable | CertificateStatus::Grace
        )
    {
        ex.note(
            Msg::GraceIfCardLater,
            Values::new().date("expires", f.cert_expires),
        );
    }
    if f.card_grace == Err(NoGrace::BeforeMeasure) && !f.renewed_yes && f.as_of > f.cert_expires {
        ex.note(
            Msg::GraceNotInForce,
            Values::new().date("expires", f.cert_expires),
        );
    }
    // The card as a backup only while it still works (to the grace's end).
    if f.smartphone && (f.as_of <= card_last || f.renewed_yes) {
        ex.note(Msg::SmartphoneCarryCard, Values::new());
    }
    if f.smartphone && f.as_of < SMARTPHONE_FROM {
        ex.note(Msg::SmartphoneNotYet, Values::new());
    }
    let start = f
        .issued
        .filter(|_| !matches!(source, Source::Handwritten | Source::HandwrittenStay))
        .unwrap_or(f.as_of);
    if legal_age_on(birth, start).is_some_and(|age| age < 15) {
        ex.note(Msg::NoSignatureCertificateUnder15, Values::new());
    }
    // eligibility-certificate-validity: membership ends the day before the
    // 75th birthday; the マイナ保険証 then serves 後期高齢者医療.
    if legal_age_on(birth, f.as_of).is_some_and(|age| age >= 74) {
        if let Some(day) = birthday_in_year(birth, birth.year() + 75) {
            ex.note(Msg::LateStageAt75, Values::new().date("birthday75", day));
        }
    }
}

/// The sentence that opens the answer: can the マイナ保険証 be used today,
/// and the date that decides it. Where it works today whatever the visitor
/// answers later (renewed or not), it says so first.
pub fn headline(f: &Facts) -> Said {
    let days = |to: NaiveDate| days_between(f.as_of, to);
    if let (CardStatus::Expired, Some(card)) = (f.card_status, f.card_expires) {
        return Said::new(
            Msg::HeadlineCardExpired,
            Values::new().date("lastDay", card),
        );
    }
    let card_last = f.card_last_day();
    match f.status {
        CertificateStatus::Valid if f.renewed_yes => Said::new(
            Msg::HeadlineRenewed,
            Values::new().date("cardExpires", f.card_expires.unwrap_or(f.cert_expires)),
        ),
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
                .date("until", card_last)
                .date("expired", f.cert_expires)
                .num("daysLeft", days(card_last)),
        ),
        CertificateStatus::Expired if f.smartphone && f.as_of <= card_last => Said::new(
            Msg::HeadlinePhoneStopped,
            Values::new()
                .date("lastDay", f.cert_expires)
                .date("cardUntil", card_last),
        ),
        CertificateStatus::Expired => Said::new(
            Msg::HeadlineStopped,
            Values::new().date("lastDay", card_last),
        ),
        // Renewed or not, the card works today: say that first.
        CertificateStatus::Unknown if f.as_of <= card_last => Said::new(
            if f.smartphone {
                Msg::HeadlineUnknownPhone
            } else {
                Msg::HeadlineUnknown
            },
            Values::new()
                .date("expires", f.cert_expires)
                .date("lastDay", card_last),
        ),
        CertificateStatus::Unknown => Said::new(
            Msg::HeadlineUnknownPast,
            Values::new()
                .date("expires", f.cert_expires)
                .date("lastDay", card_last),
        ),
    }
}

/// The one thing to do next.
pub fn next_thing(f: &Facts) -> Said {
    if f.card_status == CardStatus::Expired {
        return Said::bare(Msg::NextReplaceCard);
    }
    // stay-extended / stay-pending: the card's validity is changed at the
    // office before it ends, the certificates renewed at the same visit;
    // stay-caps-card: from the issue date, its end is only the latest.
    if let Some(next) = &f.stay_next {
        if f.card_bound != CardBound::Exact {
            return next.clone();
        }
    }
    // The certificate ends with the card: a new card, not a new certificate.
    let ends_with_card = f.card_expires == Some(f.cert_expires);
    if let (CardStatus::Renewable, true, Some(card)) =
        (f.card_status, ends_with_card, f.card_expires)
    {
        return Said::new(Msg::NextRenewCard, Values::new().date("expires", card));
    }
    let card_last = f.card_last_day();
    match f.status {
        CertificateStatus::Valid if f.renewed_yes => Said::bare(Msg::NextEnterNewDate),
        CertificateStatus::Valid => Said::new(
            if ends_with_card {
                Msg::NextNothingUntilCard
            } else {
                Msg::NextNothingUntil
            },
            Values::new().date("from", f.cert_renewal_from),
        ),
        CertificateStatus::Renewable => Said::new(
            Msg::NextRenewBy,
            Values::new().date("expires", f.cert_expires),
        ),
        CertificateStatus::Grace => Said::new(
            Msg::NextRenewInGrace,
            Values::new().date("until", card_last),
        ),
        CertificateStatus::Expired if f.smartphone && f.as_of <= card_last => Said::new(
            Msg::NextRenewInGracePhone,
            Values::new().date("until", card_last),
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
        CertificateStatus::Unknown if f.as_of <= card_last && f.card_grace.is_ok() => Said::new(
            Msg::NextCheckRenewalGrace,
            Values::new().date("until", card_last),
        ),
        CertificateStatus::Unknown => Said::bare(Msg::NextCheckRenewal),
    }
}
