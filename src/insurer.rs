//! 保険者の事実: one insurer's facts as the engine computes with them (a
//! profile once read and checked by `profile`): the routes of each
//! membership, how long its 資格確認書 runs, and how it issues one for each
//! reason. Below the input reader and the profile's contract.

use chrono::{Datelike, NaiveDate};

use crate::answer::Msg;
use crate::date::{add_months_ym, month_end, prev_day, ymd};
use crate::error::ApiError;
use crate::vocabulary::{Delivery, Issue, Membership, Reason, ReturnTo};

/// How a 資格確認書's expiry follows from its issue date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validity {
    /// The last day of the month before the month of the date `months` after
    /// issue (KDDI 60: 2024-12-02 → 2029-11-30; メルテック 3: 2025-01-08 → 2025-03-31).
    MonthsToMonthEnd(u32),
    /// The expiry of the period holding the issue date.
    Fixed(Vec<Period>),
    /// The last 31 December on or before the day before the `years`-th
    /// anniversary of issue (5: 2025-06-01 → 2029-12-31).
    YearEnd(u32),
    /// Only the card tells: the visitor gives the printed expiry.
    Printed,
}

/// One issuing period of a `fixed` validity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub issued_from: NaiveDate,
    pub issued_to: NaiveDate,
    pub expires: NaiveDate,
}

/// A validity that applies only in some cases (`validityFor`): to a new
/// member (メルテック's 3-month one), or for some reasons (日本郵政共済).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidityFor {
    /// `Some(true)`: only for a new member; `Some(false)`: only for others.
    pub new_member: Option<bool>,
    /// Only for a 資格確認書 issued for one of these reasons (empty: any).
    pub reasons: Vec<Reason>,
    pub validity: Validity,
}

/// What decides which validity applies to a 資格確認書.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Issued {
    /// The visitor joined recently and got it as a new member.
    pub new_member: Option<bool>,
    /// The reason it was issued for, if the visitor said.
    pub reason: Option<Reason>,
}

/// How a 資格確認書 reaches a member, and where it goes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub delivery: Delivery,
    pub return_to: ReturnTo,
}

/// The facts of one insurer that the engine computes with. (Its names,
/// sources and contacts are checked here too, and worded by the API module.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// By `Membership as usize`; `None` for a membership the insurer does not have.
    pub memberships: [Option<Route>; 4],
    pub validity: Validity,
    /// Validities for some cases, the first that applies winning over `validity`.
    pub validity_for: Vec<ValidityFor>,
    /// The insurer's reasons in its own order (its ① first), each automatic or on application.
    pub reasons: Vec<(Reason, Issue)>,
    /// Reasons issued automatically the first time only: at expiry, a new one
    /// needs an application (日本郵政共済: 「初回のみ申請不要」).
    pub first_time_only: Vec<Reason>,
    /// A new member to whom a listed reason applies gets one without
    /// applying, whatever the reason's own `issue` (メルテック健保:
    /// 「新規加入(入社)者についてのみ、「資格確認書交付申請書」の提出は不要」).
    pub new_members_automatic: bool,
    /// At expiry, a new one comes without application (`automatic`) or not.
    pub renewed_automatically: bool,
    /// A 資格確認書 follows an expired, unrenewed certificate after the last day
    /// of this month after the expiry month (1-3; KDDI 3).
    pub months_after_certificate_expiry: u32,
    /// The 資格情報のお知らせ went to all members, not only registered ones.
    pub notice_to_all: bool,
}

impl Profile {
    /// The route for a membership.
    ///
    /// # Errors
    /// `invalid_value` on `membership` for a membership the insurer does not have.
    pub fn route(&self, m: Membership) -> Result<Route, ApiError> {
        self.memberships
            .get(m as usize)
            .copied()
            .flatten()
            .ok_or_else(|| ApiError::new(Msg::MembershipNotInProfile, Some("membership")))
    }

    /// How the insurer issues a 資格確認書 for a reason (`None`: not listed).
    pub fn issue_for(&self, reason: Reason) -> Option<Issue> {
        self.reasons
            .iter()
            .find(|(r, _)| *r == reason)
            .map(|(_, i)| *i)
    }

    /// The reason's number in the insurer's list (1 for ①).
    pub fn number_of(&self, reason: Reason) -> Option<usize> {
        self.reasons
            .iter()
            .position(|(r, _)| *r == reason)
            .map(|i| i + 1)
    }

    /// The validity that applies to a 資格確認書 issued so (`validityFor`,
    /// else `validity`), and whether it depends on what is not known yet.
    pub fn validity_of(&self, issued: Issued) -> (&Validity, bool) {
        let mut unsure = false;
        for v in &self.validity_for {
            let member = match (v.new_member, issued.new_member) {
                (None, _) => Some(true),
                (Some(want), Some(is)) => Some(want == is),
                (Some(_), None) => None,
            };
            let reason = match (v.reasons.is_empty(), issued.reason) {
                (true, _) => Some(true),
                (false, Some(r)) => Some(v.reasons.contains(&r)),
                (false, None) => None,
            };
            match (member, reason) {
                (Some(true), Some(true)) => return (&v.validity, unsure),
                (Some(false), _) | (_, Some(false)) => {}
                _ => unsure = true,
            }
        }
        (&self.validity, unsure)
    }

    /// Whether the renewal at expiry is automatic for a reason (`None`: for
    /// a 資格確認書 whose reason is not known).
    pub fn renewed_automatically_for(&self, reason: Option<Reason>) -> Option<bool> {
        if !self.renewed_automatically {
            return Some(false);
        }
        match reason {
            Some(r) => Some(!self.first_time_only.contains(&r)),
            None if self.first_time_only.is_empty() => Some(true),
            None => None,
        }
    }

    /// The expiry by the insurer's rule, or `None` when only the printed
    /// date tells.
    ///
    /// `None` too for an issue date in none of the fixed periods.
    ///
    /// # Errors
    /// `out_of_range` on `issued` for dates past the calendar's end.
    pub fn expiry(&self, issued: NaiveDate) -> Result<Option<NaiveDate>, ApiError> {
        expiry_by(&self.validity, issued)
    }
}

/// The expiry of a 資格確認書 issued on `issued` under `validity`, or `None`
/// when only the printed date tells (`printed`, or no fixed period holds it).
///
/// # Errors
/// `out_of_range` on `issued` for dates past the calendar's end.
pub fn expiry_by(validity: &Validity, issued: NaiveDate) -> Result<Option<NaiveDate>, ApiError> {
    {
        let overflow = || ApiError::new(Msg::OutOfRange, Some("issued"));
        match validity {
            Validity::MonthsToMonthEnd(n) => {
                let (y, m) = add_months_ym(
                    issued.year(),
                    issued.month(),
                    i32::try_from(*n).unwrap_or(0) - 1,
                )
                .ok_or_else(overflow)?;
                month_end(y, m).map(Some).ok_or_else(overflow)
            }
            Validity::Fixed(periods) => periods
                .iter()
                .find(|p| p.issued_from <= issued && issued <= p.issued_to)
                .map(|p| p.expires)
                .map_or(Ok(None), |d| Ok(Some(d))),
            Validity::YearEnd(years) => {
                let year = issued.year() + i32::try_from(*years).unwrap_or(0);
                let anniversary = ymd(year, issued.month(), issued.day())
                    .or_else(|| ymd(year, 3, 1))
                    .ok_or_else(overflow)?;
                let last = prev_day(anniversary).ok_or_else(overflow)?;
                let dec31 = |y| ymd(y, 12, 31);
                let end = if last.month() == 12 && last.day() == 31 {
                    Some(last)
                } else {
                    dec31(last.year() - 1)
                };
                end.map(Some).ok_or_else(overflow)
            }
            Validity::Printed => Ok(None),
        }
    }
}
