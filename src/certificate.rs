//! 電子証明書 (利用者証明用): where its expiry comes from, its status on a day,
//! and how long the マイナ保険証 works after it (the grace).
//!
//! RULES.md: **certificate-validity**, **renewal-in-window**, **from-card-face**,
//! **certificate-face**, **insurance-grace**, **smartphone-no-grace**.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::answer::{IsoDate, Msg, Values};
use crate::card::{num, overflow, read_card_face, FaceKind, FIRST_CARD_DAY};
use crate::date::{add_months_ym, birthday_in_year, month_end, nth_birthday_after};
use crate::error::ApiError;
use crate::explained::Explained;
use crate::rules::Rule;
use crate::stay::{CardBound, CardExpiry};

api_enum! {
    /// 電子証明書の状態, the one certificate-status type of the engine:
    /// `valid` | `renewable` (inside the renewal window) | `grace` (expired, the
    /// card still works) | `expired` (grace over), or `unknown` when the first
    /// certificate of a still-valid card has passed its date and the visitor may
    /// have renewed it. `adviseDocuments` takes the same values.
    pub enum CertificateStatus {
        Valid = "valid",
        Renewable = "renewable",
        Grace = "grace",
        Expired = "expired",
        Unknown = "unknown",
    }
}

api_enum! {
    /// 電子証明書を更新しましたか: the visitor's answer.
    pub enum Renewed {
        Yes = "yes",
        No = "no",
        Unknown = "unknown",
    }
}

/// 電子証明書 (利用者証明用) の日付.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CertificatePart {
    /// Null when the visitor renewed it and has not given the new date.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub expires: Option<IsoDate>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub renewal_from: Option<IsoDate>,
    /// "YYYY-MM": J-LIS's notice should arrive from this month… (null when
    /// the date is not known, or none is mailed: the end of a period of stay).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub notice_from: Option<String>,
    /// …to this one.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub notice_to: Option<String>,
    /// The certificate would have outlived the card and ends with it.
    pub capped_by_card: bool,
    pub status: CertificateStatus,
    /// Days from `asOf` to `expires`; null when the status is `unknown` or
    /// the date is not known.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub days_left: Option<i32>,
}

api_enum! {
    /// Why a マイナ保険証 has no grace after its certificate expires.
    pub enum NoGrace {
        /// On a smartphone (smartphone-no-grace).
        Smartphone = "smartphone",
        /// The card itself expires that day: no source says the grace
        /// applies then, and the engine reads it as not applying
        /// (insurance-grace, stay-lapsed).
        CardExpires = "card-expires",
        /// The certificate expired before 2024-12-02, when the grace began
        /// (insurance-grace).
        BeforeMeasure = "before-measure",
    }
}

/// マイナ保険証として使える期間.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct InsurancePart {
    /// The last day it works as usual (the certificate's expiry); null when
    /// the visitor renewed it and has not given the new date.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub usable_until: Option<IsoDate>,
    /// The last day of the grace; null when there is none (see `noGrace`)
    /// or the date is not known.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub grace_until: Option<IsoDate>,
    /// Why there is no grace; null when there is one or it is not known.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "NoGrace | null"))]
    pub no_grace: Option<NoGrace>,
    /// Days from `asOf` to the last day it works (`graceUntil`, or
    /// `usableUntil` without a grace); null when the certificate is
    /// `unknown` or its date is not known.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub days_left: Option<i32>,
    /// If the certificate is not renewed, the insurer sends a 資格確認書 after
    /// this day: the last day of its month (profile `afterCertificateExpiry`)
    /// after the expiry month; null without a profile or a date.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub eligibility_certificate_after: Option<IsoDate>,
}

/// Phones work as マイナ保険証 from this day (スマホ, rule smartphone-no-grace).
pub const SMARTPHONE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 9, 19) {
    Some(d) => d,
    None => panic!("2025-09-19 exists"),
};

/// Rule **insurance-grace**: the grace covers certificates that expire on or
/// after this day (松山市; the old 健康保険証 was still valid before).
pub const GRACE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2024, 12, 2) {
    Some(d) => d,
    None => panic!("2024-12-02 exists"),
};

/// Rule **insurance-grace**: the last day of the 3rd month after the month of
/// `expires` (2024-12-18 → 2025-03-31; any February → 31 May). Arithmetic
/// only: whether there is a grace at all is `card_grace`'s question.
pub fn grace_until(expires: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = add_months_ym(expires.year(), expires.month(), 3)?;
    month_end(y, m)
}

/// Rule **insurance-grace** for the card itself: the grace's last day, or
/// why there is none (the certificate expired before the measure, or the
/// card expires with it).
pub fn card_grace(
    expires: NaiveDate,
    card_expires: Option<NaiveDate>,
) -> Result<NaiveDate, NoGrace> {
    if expires < GRACE_FROM {
        return Err(NoGrace::BeforeMeasure);
    }
    if card_expires == Some(expires) {
        return Err(NoGrace::CardExpires);
    }
    grace_until(expires).ok_or(NoGrace::BeforeMeasure)
}

/// The certificate's status on `as_of`, from its dates.
pub fn certificate_status(
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

/// Where the certificate's expiry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Its own expiry, handwritten on the card or read in マイナポータル.
    Handwritten,
    /// Issued or renewed on its own (`certificateIssued`).
    Issued,
    /// Issued with the card (`cardIssued`): the card's first certificate.
    WithCard,
    /// Read off a 10-birthday card's printed expiry: its first certificate.
    FaceAdult,
    /// Read off a 5-birthday card's printed expiry: it ends with the card.
    FaceMinor,
    /// Read off a card that ends with the period of stay: it ends with the
    /// card at the latest (stay-caps-card).
    StayCard,
    /// Its own expiry, handwritten, on a day that is not a birthday: the end
    /// of the period of stay, when the card ends too (stay-caps-card).
    HandwrittenStay,
}

impl Source {
    /// The card's first certificate, which the visitor may have renewed since.
    pub fn is_first_of_card(self) -> bool {
        matches!(self, Source::WithCard | Source::FaceAdult)
    }
}

/// What the visitor said about the certificate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CertificateInput {
    /// 電子証明書の有効期限 (handwritten on the card, or in マイナポータル).
    pub expires: Option<NaiveDate>,
    /// The day it was issued or renewed on its own.
    pub issued: Option<NaiveDate>,
    /// That renewal was inside the last 3 months of the old certificate.
    pub renewed_in_window: bool,
}

/// The certificate's expiry before the card's cap, and where it comes from.
/// `stay`: the visitor has a period of stay, so a handwritten date that is
/// not a birthday may be the end of the stay (stay-caps-card).
///
/// # Errors
/// `impossible_certificate_expiry`, `inconsistent_input`,
/// `impossible_card_expiry`, `out_of_range`.
#[allow(clippy::too_many_arguments)]
pub fn certificate_expiry(
    birth: NaiveDate,
    cert: &CertificateInput,
    card_issued: Option<NaiveDate>,
    card_renewed_in_window: bool,
    card: CardExpiry,
    stay: bool,
    as_of: NaiveDate,
    ex: &mut Explained,
) -> Result<(NaiveDate, Source), ApiError> {
    let card_expires = card.date;
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
    if let Some(handwritten) = cert.expires {
        let exact_card = match card.bound {
            CardBound::Latest => None,
            _ => card_expires,
        };
        let stay_based =
            read_handwritten(birth, handwritten, card_issued, exact_card, stay, as_of)?;
        if let Some(start) = cert.issued.filter(|_| !stay_based) {
            let computed = from_issue(start, cert.renewed_in_window, Msg::CertificateIssued, ex)?;
            if computed != handwritten {
                ex.note(
                    Msg::HandwrittenExpiryDiffers,
                    Values::new()
                        .date("computed", computed)
                        .date("handwritten", handwritten),
                );
            }
        }
        ex.step(
            Rule::CertificateFace,
            Msg::CertificateHandwritten,
            Values::new().date("expires", handwritten),
        );
        let source = if stay_based {
            Source::HandwrittenStay
        } else {
            Source::Handwritten
        };
        return Ok((handwritten, source));
    }
    if let Some(start) = cert.issued {
        let e = from_issue(start, cert.renewed_in_window, Msg::CertificateIssued, ex)?;
        if cert.renewed_in_window {
            ex.step(Rule::RenewalInWindow, Msg::RenewedInWindow, Values::new());
        }
        return Ok((e, Source::Issued));
    }
    if let Some(created) = card_issued {
        let e = from_issue(
            created,
            card_renewed_in_window,
            Msg::CertificateWithCard,
            ex,
        )?;
        return Ok((e, Source::WithCard));
    }
    let Some(card_expires) = card_expires else {
        return Err(ApiError::new(
            Msg::MissingCardDate,
            Some("certificateExpires"),
        ));
    };
    if card.bound == CardBound::StayBased {
        // stay-caps-card: 「電子証明書の有効期限は…カードの有効期限まで」.
        ex.step(
            Rule::StayCapsCard,
            Msg::CertificateStayCard,
            Values::new().date("expires", card_expires),
        );
        return Ok((card_expires, Source::StayCard));
    }
    match read_card_face(birth, card_expires)? {
        FaceKind::Adult => {
            let first = birthday_in_year(birth, card_expires.year() - 5).ok_or_else(overflow)?;
            ex.step(
                Rule::FromCardFace,
                Msg::CertificateFaceAdult,
                Values::new().date("expires", first),
            );
            Ok((first, Source::FaceAdult))
        }
        FaceKind::Minor => {
            ex.step(
                Rule::FromCardFace,
                Msg::CertificateFaceMinor,
                Values::new().date("expires", card_expires),
            );
            Ok((card_expires, Source::FaceMinor))
        }
    }
}

/// Rule **certificate-face**: a certificate's own expiry is always a birthday
/// (28 February for a 29 February birth in a common year), since it is the
/// 5th/6th birthday after issue or the card's own expiry. It cannot come
/// before the 5th birthday after 2016-01-01 (the first cards), nor after the
/// 6th birthday after the day asked about, nor after the card's expiry.
/// For a holder with a period of stay (`stay`), it may be any day, the end of
/// the stay (stay-caps-card), within the same limits. Returns whether it is
/// such a day (not a birthday).
///
/// # Errors
/// `impossible_certificate_expiry` or `inconsistent_input` on `certificateExpires`.
pub fn read_handwritten(
    birth: NaiveDate,
    expires: NaiveDate,
    card_issued: Option<NaiveDate>,
    card_expires: Option<NaiveDate>,
    stay: bool,
    as_of: NaiveDate,
) -> Result<bool, ApiError> {
    const FIELD: Option<&str> = Some("certificateExpires");
    let stay_based = birthday_in_year(birth, expires.year()) != Some(expires);
    if stay_based && !stay {
        return Err(ApiError::new(Msg::CertificateNotBirthday, FIELD));
    }
    let earliest = if stay_based {
        FIRST_CARD_DAY
    } else {
        nth_birthday_after(birth, FIRST_CARD_DAY.max(birth), 5).ok_or_else(overflow)?
    };
    if expires < earliest {
        return Err(ApiError::with(
            Msg::CertificateTooEarly,
            FIELD,
            Values::new().date("earliest", earliest),
        ));
    }
    let latest = nth_birthday_after(birth, as_of, 6).ok_or_else(overflow)?;
    if expires > latest {
        return Err(ApiError::with(
            Msg::CertificateTooLate,
            FIELD,
            Values::new().date("latest", latest),
        ));
    }
    if card_expires.is_some_and(|c| expires > c) {
        return Err(ApiError::new(Msg::CertificateAfterCardExpiry, FIELD));
    }
    if card_issued.is_some_and(|c| expires <= c) {
        return Err(ApiError::new(Msg::CertificateBeforeCardIssue, FIELD));
    }
    Ok(stay_based)
}
