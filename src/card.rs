//! マイナンバーカード本体: how long a card runs (from its creation day or its
//! printed expiry), its renewal window and J-LIS's expiry notice.
//!
//! RULES.md, "Dates of the card and its electronic certificate": rules
//! **card-validity**, **card-validity-before-2022-04**, **renewal-in-window**,
//! **from-card-face**, **renewal-window**, **expiry-notice**.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::answer::{IsoDate, Msg, Values};
use crate::date::{
    add_months_ym, birthday_in_year, legal_age_on, legal_age_reached_on, next_day,
    nth_birthday_after, prev_day, same_day_months_before, ymd,
};
use crate::error::ApiError;
use crate::explained::Explained;
use crate::rules::Rule;
use crate::stay::{check_not_past_usual, latest_usual_expiry, CardBound, CardExpiry, Stay};

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

api_enum! {
    /// カードの状態: `valid` | `renewable` | `expired`, or `unknown` when
    /// only the certificate's own expiry was given.
    pub enum CardStatus {
        Valid = "valid",
        Renewable = "renewable",
        Expired = "expired",
        Unknown = "unknown",
    }
}

/// カード本体の日付 (all null when only the certificate's expiry was given).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CardPart {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub expires: Option<IsoDate>,
    /// `expires` is only the latest the card can run: a holder with a period
    /// of stay gave the issue date, and the card ends with the stay if that
    /// comes first (stay-caps-card).
    pub latest_possible: bool,
    /// `expires` is the end of the period of stay, not a birthday
    /// (stay-caps-card): no notice is mailed for it.
    pub stay_based: bool,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub renewal_from: Option<IsoDate>,
    /// "YYYY-MM": J-LIS's notice should arrive from this month… (null when
    /// none is mailed: an expiry that may be the end of the stay).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub notice_from: Option<String>,
    /// …to this one.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub notice_to: Option<String>,
    pub status: CardStatus,
    /// Days from `asOf` to `expires` (0 on the day, negative once past).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub days_left: Option<i32>,
}

impl CardPart {
    /// The card's dates on `as_of`, or all unknown.
    pub fn new(as_of: NaiveDate, card: CardExpiry) -> Result<CardPart, ApiError> {
        let Some(expires) = card.date else {
            return Ok(CardPart {
                expires: None,
                latest_possible: false,
                stay_based: false,
                renewal_from: None,
                notice_from: None,
                notice_to: None,
                status: CardStatus::Unknown,
                days_left: None,
            });
        };
        let renewal = renewal_from(expires).ok_or_else(overflow)?;
        let ((y1, m1), (y2, m2)) = notice_months(expires).ok_or_else(overflow)?;
        let status = if as_of > expires {
            CardStatus::Expired
        } else if as_of >= renewal {
            CardStatus::Renewable
        } else {
            CardStatus::Valid
        };
        // stay-extended: 「有効期限切れをお知らせする通知は送付されません」.
        let notice = card.bound == CardBound::Exact;
        Ok(CardPart {
            expires: Some(IsoDate(expires)),
            latest_possible: card.bound == CardBound::Latest,
            stay_based: card.bound == CardBound::StayBased,
            renewal_from: Some(IsoDate(renewal)),
            notice_from: notice.then(|| crate::text::iso_month(y1, m1)),
            notice_to: notice.then(|| crate::text::iso_month(y2, m2)),
            status,
            days_left: Some(days_between(as_of, expires)),
        })
    }
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

/// Rule **expiry-notice**: the months E-3 and E-2, as (year, month).
pub fn notice_months(expires: NaiveDate) -> Option<((i32, u32), (i32, u32))> {
    Some((
        add_months_ym(expires.year(), expires.month(), -3)?,
        add_months_ym(expires.year(), expires.month(), -2)?,
    ))
}

/// Days from `from` to `to` (negative when `to` is earlier).
/// (i32: dates are within 1900-2200, so the difference is far from overflow;
/// an i64 would pull serde-wasm-bindgen's formatting error path into the wasm.)
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i32 {
    to.num_days_from_ce()
        .saturating_sub(from.num_days_from_ce())
}

/// A date beyond what the calendar can hold (only reachable at chrono's limits).
pub fn overflow() -> ApiError {
    ApiError::new(Msg::OutOfRange, None)
}

/// A count as a message value.
pub fn num(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
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

/// What the visitor said about the card itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardInput {
    pub birthday: NaiveDate,
    /// カードの発行日 (the day J-LIS made the card, not the pick-up day).
    pub issued: Option<NaiveDate>,
    /// 券面の有効期限 (printed on the card).
    pub printed: Option<NaiveDate>,
    /// Issued because fewer than 3 months were left on the old card.
    pub renewed_in_window: bool,
    /// J-LIS received the application before 2022-04-01 (`None`: not said).
    pub applied_before_2022_april: Option<bool>,
}

/// The card's expiry: computed from the issue date, read off the card, or both
/// (from-card-face: the printed date wins, with a note); no date when neither
/// was given. For a holder with a period of stay (`stay`), the printed date
/// may be the end of the stay instead of a birthday, and a date computed from
/// the issue day is only the latest possible (stay-caps-card).
///
/// # Errors
/// `out_of_range`, `inconsistent_input`, `impossible_card_expiry`.
pub fn card_expiry(
    c: &CardInput,
    stay: Option<&Stay>,
    as_of: NaiveDate,
    ex: &mut Explained,
) -> Result<CardExpiry, ApiError> {
    let computed = match c.issued {
        Some(created) => Some(card_from_issue(c, created, ex)?),
        None => None,
    };
    let Some(printed) = c.printed else {
        let bound = match (computed, stay) {
            (Some(_), Some(_)) => CardBound::Latest,
            _ => CardBound::Exact,
        };
        // stay-caps-card: never past the end of the stay, where it is known.
        let date = match (computed, stay.and_then(|s| s.until)) {
            (Some(c), Some(until)) if bound == CardBound::Latest => Some(c.min(until)),
            (c, _) => c,
        };
        return Ok(CardExpiry { date, bound });
    };
    let face = read_card_face(c.birthday, printed);
    let stay_based = match (stay, &face) {
        // The card says the day the stay ends: the stay decided it.
        (Some(s), _) if s.until == Some(printed) => true,
        (Some(_), Err(e)) if matches!(e.msg, Msg::ExpiryNotBirthday | Msg::ExpiryImpossibleAge) => {
            true
        }
        (_, Err(e)) => return Err(e.clone()),
        _ => false,
    };
    if stay_based {
        let latest = computed
            .or_else(|| latest_usual_expiry(c.birthday, as_of))
            .ok_or_else(overflow)?;
        check_not_past_usual(printed, latest)?;
        if printed < FIRST_CARD_DAY {
            return Err(ApiError::new(Msg::ExpiryBefore2016, Some("cardExpires")));
        }
    }
    if let Some(from_issue) = computed.filter(|d| *d != printed && !stay_based) {
        ex.note(
            Msg::PrintedExpiryDiffers,
            Values::new()
                .date("computed", from_issue)
                .date("printed", printed),
        );
    }
    ex.step(
        Rule::FromCardFace,
        Msg::CardPrinted,
        Values::new().date("expires", printed),
    );
    Ok(CardExpiry {
        date: Some(printed),
        bound: if stay_based {
            CardBound::StayBased
        } else {
            CardBound::Exact
        },
    })
}

/// The expiry of a card made on `created`, with its step and notes.
fn card_from_issue(
    c: &CardInput,
    created: NaiveDate,
    ex: &mut Explained,
) -> Result<NaiveDate, ApiError> {
    let birth = c.birthday;
    if created < FIRST_CARD_DAY {
        return Err(ApiError::new(Msg::CardBefore2016, Some("cardIssued")));
    }
    // card-validity-before-2022-04: before 2022-04-01 every application was
    // received before that day.
    let applied_before = if created < AGE_18_FROM {
        if c.applied_before_2022_april == Some(false) {
            return Err(ApiError::new(
                Msg::AppliedBefore2022Always,
                Some("appliedBefore2022April"),
            ));
        }
        true
    } else {
        c.applied_before_2022_april.unwrap_or(false)
    };
    let length =
        card_length(birth, created, applied_before, c.renewed_in_window).ok_or_else(overflow)?;
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
    if c.renewed_in_window {
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
        && c.applied_before_2022_april.is_none()
    {
        ex.note(Msg::AskAppliedBefore2022April, Values::new());
        ex.ask("appliedBefore2022April");
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
