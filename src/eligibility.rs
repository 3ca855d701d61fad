//! 資格確認書: the eligibility certificate — how long it is valid, and giving it
//! back. Who gets one is in `advice` (rule eligibility-certificate-who).
//!
//! RULES.md, "資格確認書 (eligibility certificate)".

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::date::{add_months_ym, legal_age_reached_on, month_end};
use crate::error::{ApiError, ErrorCode};
use crate::rules::{Lang, Note, Rule, Step};
use crate::text::{day_with_era, fill};

/// The first day a 資格確認書 could be issued (令和6年12月2日, society).
pub const FIRST_ISSUE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2024, 12, 2) {
    Some(d) => d,
    None => panic!("2024-12-02 exists"),
};

/// 加入区分: the visitor's membership of the society.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Membership {
    /// 被保険者 (in employment).
    Insured,
    /// 被扶養者 (their family).
    Dependent,
    /// 任意継続被保険者.
    VoluntaryInsured,
    /// 任意継続被保険者の被扶養者.
    VoluntaryDependent,
}

impl Membership {
    /// Parses the API value (`insured`, `dependent`, `voluntary-insured`,
    /// `voluntary-dependent`).
    pub fn from_api(s: &str) -> Option<Membership> {
        match s {
            "insured" => Some(Membership::Insured),
            "dependent" => Some(Membership::Dependent),
            "voluntary-insured" => Some(Membership::VoluntaryInsured),
            "voluntary-dependent" => Some(Membership::VoluntaryDependent),
            _ => None,
        }
    }

    /// 任意継続: the society deals with the member directly, by post.
    pub fn is_voluntary(self) -> bool {
        matches!(
            self,
            Membership::VoluntaryInsured | Membership::VoluntaryDependent
        )
    }
}

/// Where a 資格確認書 goes back to (or comes from): 所属会社 or the society.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReturnTo {
    /// Through the employer (被保険者 and 被扶養者 in employment).
    Employer,
    /// To the society directly (任意継続).
    Society,
    /// Membership not given: the steps explain both.
    Unknown,
}

/// 資格確認書の状態.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EligibilityStatus {
    Valid,
    Expired,
}

/// 返却: what the visitor must know about giving it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
pub struct EligibilityDates {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub as_of: NaiveDate,
    #[serde(serialize_with = "crate::api::ser_date")]
    pub expires: NaiveDate,
    pub status: EligibilityStatus,
    /// Days from `asOf` to `expires` (negative once past).
    pub days_left: i32,
    #[serde(rename = "return")]
    pub return_duty: ReturnDuty,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

/// Rule **eligibility-certificate-validity**: 「交付日から5年(5年が経過する直前の
/// 月末)」 — the last day of the month before the month of the 5th anniversary
/// (2024-12-02 → 2029-11-30; 2025-04-01 → 2030-03-31).
pub fn five_year_expiry(issued: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = add_months_ym(issued.year(), issued.month(), 5 * 12 - 1)?;
    month_end(y, m)
}

/// `eligibilityCertificateDates`.
///
/// # Errors
/// `out_of_range` (issued before 2024-12-02), `start_before_birth`,
/// `inconsistent_input` (issued at 75 or over), `as_of_before_start`.
pub fn eligibility_dates(
    issued: NaiveDate,
    birthday: Option<NaiveDate>,
    membership: Option<Membership>,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<EligibilityDates, ApiError> {
    if issued < FIRST_ISSUE_DAY {
        return Err(ApiError::new(
            ErrorCode::OutOfRange,
            Some("issued"),
            lang,
            "資格確認書は2024年12月2日(令和6年12月2日)から交付されています。交付日をご確認ください。",
            "Eligibility certificates exist since 2 December 2024. Check the issue date.",
        ));
    }
    if as_of < issued {
        return Err(ApiError::new(
            ErrorCode::AsOfBeforeStart,
            Some("asOf"),
            lang,
            "基準日が資格確認書の交付日より前です。",
            "The day asked about is before the certificate was issued.",
        ));
    }
    let overflow = || {
        ApiError::new(
            ErrorCode::OutOfRange,
            Some("issued"),
            lang,
            "計算結果が扱える範囲(2200年まで)を超えます。",
            "The result falls outside the dates this tool handles (up to 2200).",
        )
    };
    let five_years = five_year_expiry(issued).ok_or_else(overflow)?;
    let mut steps = vec![Step::new(
        Rule::EligibilityCertificateValidity,
        fill(
            lang.pick(
                "資格確認書の有効期限は交付日 {0} から5年(5年が経過する直前の月末)の {1} です。",
                "An eligibility certificate issued on {0} is valid for 5 years, to the end of the month before the 5th anniversary: {1}.",
            ),
            &[&day_with_era(issued, lang), &day_with_era(five_years, lang)],
        ),
    )];
    let mut notes = Vec::new();
    let mut expires = five_years;
    if let Some(birth) = birthday {
        if issued < birth {
            return Err(ApiError::new(
                ErrorCode::StartBeforeBirth,
                Some("issued"),
                lang,
                "交付日が生年月日より前になっています。",
                "The issue date is before the date of birth.",
            ));
        }
        // Membership ends at 75 (後期高齢者医療): the last day is the day the
        // age is legally reached, the day before the 75th birthday.
        let last_day = legal_age_reached_on(birth, 75).ok_or_else(overflow)?;
        if issued > last_day {
            return Err(ApiError::new(
                ErrorCode::InconsistentInput,
                Some("issued"),
                lang,
                "75歳の誕生日からは後期高齢者医療制度に移るため、健康保険組合の資格確認書は交付されません。",
                "From the 75th birthday you move to the late-stage elderly system (後期高齢者医療), so the society issues no certificate.",
            ));
        }
        if last_day < expires {
            expires = last_day;
            steps.push(Step::new(
                Rule::EligibilityCertificateValidity,
                fill(
                    lang.pick(
                        "75歳の誕生日に後期高齢者医療制度へ移るため、その前日 {0} までです。",
                        "You move to the late-stage elderly system (後期高齢者医療) on your 75th birthday, so it ends the day before: {0}.",
                    ),
                    &[&day_with_era(last_day, lang)],
                ),
            ));
            notes.push(Note::new(
                "ends_at_75",
                lang,
                "75歳からは後期高齢者医療制度の資格確認書などをお使いください(お住まいの市区町村から届きます)。",
                "From 75, use the documents of the late-stage elderly system (後期高齢者医療), sent by your municipality.",
            ));
        }
    }
    let status = if as_of <= expires {
        EligibilityStatus::Valid
    } else {
        EligibilityStatus::Expired
    };
    let to = match membership {
        Some(m) if m.is_voluntary() => ReturnTo::Society,
        Some(_) => ReturnTo::Employer,
        None => ReturnTo::Unknown,
    };
    steps.push(Step::new(
        Rule::EligibilityCertificateReturn,
        return_text(to, lang).to_string(),
    ));
    notes.push(Note::new(
        "renewed_automatically",
        lang,
        "有効期限を迎えたとき、引き続きマイナ保険証を使えない方には、申請なしで新しい資格確認書が交付されます。",
        "At the expiry, if you still cannot use マイナ保険証, a new eligibility certificate is sent without application.",
    ));
    Ok(EligibilityDates {
        as_of,
        expires,
        status,
        days_left: crate::card::days_between(as_of, expires),
        return_duty: ReturnDuty {
            if_leaving_before_expiry: status == EligibilityStatus::Valid,
            to,
            after_expiry: false,
            renewed_automatically: true,
        },
        notes,
        steps,
    })
}

/// Rule **eligibility-certificate-return**, in words.
fn return_text(to: ReturnTo, lang: Lang) -> &'static str {
    match to {
        ReturnTo::Employer => lang.pick(
            "有効期限より前に退職等で資格を失ったときは、所属会社を経由して返却してください(誤って捨てないでください)。有効期限が切れたものは返却不要です。",
            "If you lose membership (leaving the job, etc.) before the expiry, return it through your employer (do not throw it away). An expired one need not be returned.",
        ),
        ReturnTo::Society => lang.pick(
            "有効期限より前に資格を失ったときは、当組合へ直接返却してください(任意継続被保険者)。有効期限が切れたものは返却不要です。",
            "If you lose membership before the expiry, return it to the society directly (voluntary continued members). An expired one need not be returned.",
        ),
        ReturnTo::Unknown => lang.pick(
            "有効期限より前に退職等で資格を失ったときは返却が必要です: 在職中の方とそのご家族は所属会社を経由して、任意継続被保険者の方は当組合へ直接。有効期限が切れたものは返却不要です。",
            "If you lose membership before the expiry, return it: through your employer if you are employed (or their family), directly to the society if you are a voluntary continued member. An expired one need not be returned.",
        ),
    }
}
