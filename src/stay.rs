//! 在留期間のある外国籍の方: a card that ends with the period of stay.
//!
//! RULES.md, "Foreign residents with a period of stay": rules
//! **stay-caps-card**, **stay-extended**, **stay-pending**, **stay-lapsed**
//! and **tokutei-zairyu-card**. The card's usual dates stay `card`'s; this
//! module decides when a date may be the end of the stay instead, and what a
//! holder must do before it.

use chrono::NaiveDate;

use crate::answer::{Msg, Said, Values};
use crate::date::nth_birthday_after;
use crate::error::ApiError;
use crate::explained::Explained;
use crate::rules::Rule;

/// What the visitor said about their stay (`periodOfStay: true`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stay {
    /// 在留期間の満了日 on the current residence card, if given.
    pub until: Option<NaiveDate>,
}

/// From this day a foreign resident may hold a 特定在留カード (rule
/// **tokutei-zairyu-card**).
pub const TOKUTEI_ZAIRYU_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 14) {
    Some(d) => d,
    None => panic!("2026-06-14 exists"),
};

/// How sure the card's expiry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardBound {
    /// Read off the card, or computed for a holder without a period of stay.
    Exact,
    /// Read off the card (or the certificate), and ended by the period of
    /// stay rather than by a birthday (stay-caps-card).
    StayBased,
    /// The usual expiry from the issue date, for a holder with a period of
    /// stay: the card may end earlier, with the stay (stay-caps-card).
    Latest,
}

/// The card's expiry and how sure it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardExpiry {
    pub date: Option<NaiveDate>,
    pub bound: CardBound,
}

/// Rule **stay-caps-card**: the latest a card can run for someone born on
/// `birth` and asked about on `as_of`, when its issue date is not known: the
/// 11th birthday after `as_of` (a card made no later than that day, renewed
/// inside the window of the one before).
pub fn latest_usual_expiry(birth: NaiveDate, as_of: NaiveDate) -> Option<NaiveDate> {
    nth_birthday_after(birth, as_of, 11)
}

/// Rule **stay-caps-card**: a date that ends a card with the stay may be any day, but never after the usual expiry `latest`.
///
/// # Errors
/// `impossible_card_expiry.after_usual` on `cardExpires`. (A certificate's
/// own date has its own limit: `certificate::read_handwritten`.)
pub fn check_not_past_usual(date: NaiveDate, latest: NaiveDate) -> Result<(), ApiError> {
    if date > latest {
        return Err(ApiError::with(
            Msg::ExpiryStayAfterUsual,
            Some("cardExpires"),
            Values::new().date("latest", latest),
        ));
    }
    Ok(())
}

/// The card cannot outlive the stay written on the current residence card
/// (stay-caps-card: a card ends with the stay it was made or changed for,
/// and a stay only grows when it is extended).
///
/// # Errors
/// `inconsistent_input.card_after_stay` on `stayUntil`.
pub fn check_card_within_stay(stay: &Stay, card: &CardExpiry) -> Result<(), ApiError> {
    if let (Some(until), Some(card), CardBound::Exact | CardBound::StayBased) =
        (stay.until, card.date, card.bound)
    {
        if card > until {
            return Err(ApiError::new(Msg::CardAfterStay, Some("stayUntil")));
        }
    }
    Ok(())
}

/// The steps and notes of a holder with a period of stay, and the next thing
/// to do when the stay decides it (stay-extended, stay-pending, stay-lapsed,
/// tokutei-zairyu-card). `card` is the card's expiry as far as it is known.
pub fn explain(
    stay: &Stay,
    card: &CardExpiry,
    as_of: NaiveDate,
    ex: &mut Explained,
) -> Option<Said> {
    let mut next = None;
    match (card.date, card.bound) {
        (Some(e), CardBound::StayBased) => {
            ex.step(
                Rule::StayCapsCard,
                Msg::StayCardEnds,
                Values::new().date("expires", e),
            );
            // stay-extended: no notice is mailed for a stay-based expiry.
            ex.note(Msg::StayNoNotice, Values::new());
            match stay.until {
                _ if as_of > e => {
                    // stay-lapsed: past its expiry, a card cannot be extended.
                    ex.note(Msg::StayLapsed, Values::new().date("expired", e));
                }
                Some(until) if until > e => {
                    ex.note(
                        Msg::StayExtended,
                        Values::new()
                            .date("cardExpires", e)
                            .date("stayUntil", until),
                    );
                    next = Some(Said::new(
                        Msg::NextStayChangeValidity,
                        Values::new().date("by", e),
                    ));
                }
                _ => {
                    ex.note(Msg::StayPending, Values::new().date("cardExpires", e));
                    next = Some(Said::new(
                        Msg::NextStayExtendCard,
                        Values::new().date("by", e),
                    ));
                }
            }
        }
        (Some(e), CardBound::Latest) => {
            ex.note(Msg::StayCardDateNeeded, Values::new().date("latest", e));
            next = Some(Said::bare(Msg::NextEnterCardDate));
        }
        _ => ex.note(Msg::StayGeneral, Values::new()),
    }
    if stay.until.is_some_and(|u| u < as_of) {
        ex.note(Msg::StayUntilPast, Values::new());
    }
    if as_of >= TOKUTEI_ZAIRYU_FROM {
        ex.note(Msg::TokuteiZairyuCard, Values::new());
    }
    next
}
