//! 資格確認書: the eligibility certificate — how long it is valid, who gets one
//! (①-⑩) and how it reaches them, and giving it back.
//!
//! RULES.md, "資格確認書 (eligibility certificate)": rules
//! **eligibility-certificate-validity**, **eligibility-certificate-who** and
//! **eligibility-certificate-return**, in this one place, with each insurer's
//! own facts from its profile (`profile`).

use chrono::NaiveDate;
use serde::Serialize;

use crate::answer::{IsoDate, Msg, Note, Said, Step, Values};
use crate::card::num;
use crate::date::legal_age_reached_on;
use crate::error::ApiError;
use crate::insurer::{expiry_by, Issued};
use crate::profile::{Profile, Validity};
use crate::rules::Rule;
pub use crate::vocabulary::{Delivery, Issue, Membership, Reason, ReturnTo};

/// The first day a 資格確認書 could be issued (令和6年12月2日, society).
pub const FIRST_ISSUE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2024, 12, 2) {
    Some(d) => d,
    None => panic!("2024-12-02 exists"),
};

api_enum! {
    /// 資格確認書の状態.
    pub enum EligibilityStatus {
        Valid = "valid",
        Expired = "expired",
    }
}

/// 返却: what the visitor must know about giving it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ReturnDuty {
    /// Leaving the society (退職等) before the expiry means giving it back.
    pub if_leaving_before_expiry: bool,
    /// Where it goes back to.
    pub to: ReturnTo,
    /// After the expiry it need not be returned (false).
    pub after_expiry: bool,
    /// At expiry, a visitor who still cannot use マイナ保険証 gets a new one
    /// without applying.
    pub renewed_automatically: bool,
}

/// The answer of `eligibilityCertificateDates`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct EligibilityDates {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub as_of: IsoDate,
    /// The one sentence that opens the answer.
    pub headline: Said,
    /// The one thing to do next.
    pub next: Said,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub issued: IsoDate,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string"))]
    pub expires: IsoDate,
    pub status: EligibilityStatus,
    /// Days from `asOf` to `expires` (negative once past).
    pub days_left: i32,
    #[serde(rename = "return")]
    pub return_duty: ReturnDuty,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

/// Where it is returned, for a membership (rule **eligibility-certificate-return**,
/// the insurer's `memberships.*.returnTo`).
///
/// # Errors
/// `invalid_value` on `membership` for one the insurer does not have.
pub fn return_to(membership: Option<Membership>, profile: &Profile) -> Result<ReturnTo, ApiError> {
    match membership {
        Some(m) => Ok(profile.route(m)?.return_to),
        // Not said: still known when every membership of the insurer returns the same way.
        None => {
            let mut all = profile.memberships.iter().flatten().map(|r| r.return_to);
            let first = all.next().unwrap_or(ReturnTo::Unknown);
            Ok(if all.all(|t| t == first) {
                first
            } else {
                ReturnTo::Unknown
            })
        }
    }
}

/// The memberships of the insurer that return a 資格確認書 a given way.
fn returning(profile: &Profile, to: ReturnTo) -> Vec<&'static str> {
    profile
        .memberships
        .iter()
        .zip(Membership::API)
        .filter(|(r, _)| r.is_some_and(|r| r.return_to == to))
        .map(|(_, name)| *name)
        .collect()
}

/// What the visitor said about their 資格確認書 (validated by `api`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EligibilityQuery {
    /// 交付日
    pub issued: NaiveDate,
    /// Issued to a new member, or for which reason (where the validity depends on it).
    pub how: Issued,
    /// 有効期限 as printed (required when only the card tells).
    pub printed: Option<NaiveDate>,
    pub birthday: Option<NaiveDate>,
    pub membership: Option<Membership>,
    pub as_of: NaiveDate,
    pub as_of_given: bool,
}

/// Rule **eligibility-certificate-validity** by the insurer's profile: the
/// expiry and the step that says why.
///
/// # Errors
/// `out_of_range` (no fixed period), `missing_field` on `expires` (printed
/// only), `inconsistent_input` (a printed expiry before the issue date).
pub fn validity(q: &EligibilityQuery, profile: &Profile) -> Result<(NaiveDate, Step), ApiError> {
    // The printed date wins; without it, the insurer's rule, if it gives one.
    // validityFor: a validity for new members, or for some reasons; if it
    // depends on what the visitor has not said, the printed date decides.
    let (rule, unsure) = profile.validity_of(q.how);
    let expires = match q.printed {
        Some(printed) if printed < q.issued => {
            return Err(ApiError::new(Msg::PrintedBeforeIssued, Some("expires")))
        }
        Some(printed) => printed,
        None if unsure => {
            return Err(ApiError::new(
                Msg::MissingPrintedExpiryDepends,
                Some("expires"),
            ))
        }
        None => expiry_by(rule, q.issued)?
            .ok_or_else(|| ApiError::new(Msg::MissingPrintedExpiry, Some("expires")))?,
    };
    let step = |msg, values| Step::new(Rule::EligibilityCertificateValidity, msg, values);
    let base = Values::new().date("issued", q.issued);
    let step = match (rule, q.printed) {
        (_, Some(_)) | (Validity::Printed, _) => step(
            Msg::EligibilityValidityPrinted,
            Values::new().date("expires", expires),
        ),
        (Validity::MonthsToMonthEnd(m), _) if m % 12 == 0 => step(
            Msg::EligibilityValidityYears,
            base.num("years", num(m / 12)).date("expires", expires),
        ),
        (Validity::MonthsToMonthEnd(m), _) => step(
            Msg::EligibilityValidityMonths,
            base.num("months", num(*m)).date("expires", expires),
        ),
        (Validity::YearEnd(y), _) => step(
            Msg::EligibilityValidityYearEnd,
            base.num("years", num(*y)).date("expires", expires),
        ),
        (Validity::Fixed(_), _) => {
            step(Msg::EligibilityValidityFixed, base.date("expires", expires))
        }
    };
    Ok((expires, step))
}

/// The return rule as an explanation step.
///
/// Not knowing the membership, it says which memberships of the insurer
/// return it which way.
pub fn return_step(to: ReturnTo, membership: Option<Membership>, profile: &Profile) -> Step {
    let (msg, values) = match to {
        // A family member's goes back through the insured member's employer.
        ReturnTo::Employer if membership == Some(Membership::Dependent) => {
            (Msg::ReturnEmployerFamily, Values::new())
        }
        ReturnTo::Employer => (Msg::ReturnEmployer, Values::new()),
        ReturnTo::Society => (Msg::ReturnSociety, Values::new()),
        ReturnTo::Unknown => (
            Msg::ReturnUnknown,
            Values::new()
                .codes("throughEmployer", returning(profile, ReturnTo::Employer))
                .codes("toSociety", returning(profile, ReturnTo::Society)),
        ),
    };
    Step::new(Rule::EligibilityCertificateReturn, msg, values)
}

/// `eligibilityCertificateDates`.
///
/// # Errors
/// `out_of_range` (issued before 2024-12-02), `start_before_birth`,
/// `missing_field` on `expires` (the insurer's rule gives no date),
/// `inconsistent_input` (issued at 75 or over), `date_after_as_of`.
pub fn eligibility_dates(
    q: &EligibilityQuery,
    profile: &Profile,
) -> Result<EligibilityDates, ApiError> {
    let (issued, as_of, as_of_given) = (q.issued, q.as_of, q.as_of_given);
    if issued < FIRST_ISSUE_DAY {
        return Err(ApiError::new(Msg::EligibilityBefore2024, Some("issued")));
    }
    if as_of < issued {
        return Err(crate::card_dates::after_as_of("issued", as_of, as_of_given));
    }
    let overflow = || ApiError::new(Msg::OutOfRange, Some("issued"));
    let to = return_to(q.membership, profile)?;
    let (mut expires, step) = validity(q, profile)?;
    let mut steps = vec![step];
    let mut notes = Vec::new();
    if let Some(birth) = q.birthday {
        if birth > as_of {
            return Err(crate::card_dates::after_as_of(
                "birthday",
                as_of,
                as_of_given,
            ));
        }
        if issued < birth {
            return Err(ApiError::new(Msg::StartBeforeBirth, Some("issued")));
        }
        // Membership ends at 75 (後期高齢者医療): the last day is the day the
        // age is legally reached, the day before the 75th birthday.
        let last_day = legal_age_reached_on(birth, 75).ok_or_else(overflow)?;
        if issued > last_day {
            return Err(ApiError::new(Msg::IssuedAt75, Some("issued")));
        }
        if last_day < expires {
            expires = last_day;
            steps.push(Step::new(
                Rule::EligibilityCertificateValidity,
                Msg::EligibilityEndsAt75,
                Values::new().date("lastDay", last_day),
            ));
            notes.push(Note::bare(Msg::EndsAt75));
        }
    }
    let status = if as_of <= expires {
        EligibilityStatus::Valid
    } else {
        EligibilityStatus::Expired
    };
    steps.push(return_step(to, q.membership, profile));
    let renewed = profile.renewed_automatically_for(q.how.reason);
    notes.push(Note::bare(match renewed {
        Some(true) => Msg::RenewedAutomatically,
        Some(false) => Msg::RenewalOnApplication,
        None => Msg::RenewalDependsOnReason,
    }));
    let days_left = crate::card::days_between(as_of, expires);
    let (headline, next) = match status {
        EligibilityStatus::Valid => (
            Said::new(
                Msg::HeadlineEligibilityValid,
                Values::new()
                    .date("expires", expires)
                    .num("daysLeft", days_left),
            ),
            Said::bare(match to {
                ReturnTo::Employer if q.membership == Some(Membership::Dependent) => {
                    Msg::NextKeepItFamily
                }
                ReturnTo::Employer => Msg::NextKeepItEmployer,
                ReturnTo::Society => Msg::NextKeepItSociety,
                ReturnTo::Unknown => Msg::NextKeepIt,
            }),
        ),
        EligibilityStatus::Expired => (
            Said::new(
                Msg::HeadlineEligibilityExpired,
                Values::new().date("expires", expires),
            ),
            // At expiry a new one comes by itself, or on application (the insurer's renewalAtExpiry).
            Said::bare(if renewed == Some(true) {
                Msg::NextExpiredNoReturn
            } else {
                Msg::NextExpiredNoReturnApply
            }),
        ),
    };
    Ok(EligibilityDates {
        as_of: IsoDate(as_of),
        headline,
        next,
        issued: IsoDate(issued),
        expires: IsoDate(expires),
        status,
        days_left,
        return_duty: ReturnDuty {
            if_leaving_before_expiry: status == EligibilityStatus::Valid,
            to,
            after_expiry: false,
            renewed_automatically: renewed == Some(true),
        },
        notes,
        steps,
    })
}

/// What decides whether a 資格確認書 is issued (rule **eligibility-certificate-who**).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WhoFacts {
    /// マイナンバーカードを作っていない.
    pub no_card: bool,
    /// The card is in the visitor's hands, lost or being renewed (not none, not returned).
    pub holds_card: bool,
    pub returned: bool,
    pub lost: bool,
    pub renewing: bool,
    /// カード本体の有効期限が切れた (its certificate with it).
    pub card_expired: bool,
    pub protected_record: bool,
    pub registered: bool,
    pub registration_cancelled: bool,
    /// The certificate has expired and the grace is over (a certificate in
    /// grace is not ③: the card works until the grace ends).
    pub certificate_expired: bool,
    pub number_on_file: bool,
    pub needs_helper: bool,
    pub eligibility_certificate_lost: bool,
    /// A working マイナ保険証 (⑩ applies only without one).
    pub working: bool,
}

/// Every reason of the society's ①-⑩ that applies (the national list; which
/// of them an insurer lists, and how it issues for each, is its profile's).
pub fn reasons(f: &WhoFacts) -> Vec<Reason> {
    let candidates = [
        (Reason::NoCard, f.no_card),
        (
            Reason::NotRegistered,
            f.holds_card && !f.registered && !f.registration_cancelled,
        ),
        (
            Reason::CertificateExpired,
            (f.holds_card && f.registered && f.certificate_expired) || f.card_expired,
        ),
        (Reason::CardReturned, f.returned),
        (Reason::RegistrationCancelled, f.registration_cancelled),
        (Reason::NumberNotOnFile, !f.number_on_file),
        (Reason::CardLost, f.lost),
        (Reason::CardRenewing, f.renewing),
        (Reason::NeedsHelper, f.needs_helper),
        (
            Reason::EligibilityCertificateLost,
            f.eligibility_certificate_lost && !f.working,
        ),
        (Reason::CardExpired, f.card_expired),
        (Reason::ProtectedRecord, f.protected_record),
    ];
    candidates
        .iter()
        .filter(|(_, applies)| *applies)
        .map(|(r, _)| *r)
        .collect()
}

/// The reasons that apply, split by the insurer's list: those it lists, in
/// its order, and those it does not (the visitor must ask it).
pub fn listed(applying: &[Reason], profile: &Profile) -> (Vec<Reason>, Vec<Reason>) {
    let ordered = profile
        .reasons
        .iter()
        .map(|(r, _)| *r)
        .filter(|r| applying.contains(r))
        .collect();
    let unlisted = applying
        .iter()
        .copied()
        .filter(|r| profile.issue_for(*r).is_none())
        .collect();
    (ordered, unlisted)
}

/// Automatic if the insurer issues automatically for any listed reason that
/// applies, else on application if any applies, else none.
pub fn issue(reasons: &[Reason], profile: &Profile) -> Issue {
    let issues: Vec<Issue> = reasons
        .iter()
        .filter_map(|r| profile.issue_for(*r))
        .collect();
    if issues.contains(&Issue::Automatic) {
        Issue::Automatic
    } else if issues.is_empty() {
        Issue::None
    } else {
        Issue::OnApplication
    }
}
