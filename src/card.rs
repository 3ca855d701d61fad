//! マイナンバーカードと電子証明書: the validity of the card and of its user
//! certificate (利用者証明用電子証明書), the renewal window, the expiry notice,
//! the insurance grace period and the status on a day.
//!
//! RULES.md, "Dates of the card and its electronic certificate".

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::date::{
    add_months_ym, birthday_in_year, legal_age_on, legal_age_reached_on, month_end, next_day,
    nth_birthday_after, same_day_months_before, ymd,
};
use crate::error::{ApiError, ErrorCode};
use crate::rules::{Lang, Note, Rule, Step};
use crate::text::{day, day_with_era, fill, iso_month, num};

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

/// カードの状態: `valid` | `renewable` | `expired`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardStatus {
    Valid,
    Renewable,
    Expired,
}

/// 電子証明書の状態: `valid` | `renewable` | `grace` | `expired`, or
/// `unknown` when only the printed card expiry is known and the first
/// certificate's date has passed (it was probably renewed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CertificateStatus {
    Valid,
    Renewable,
    Grace,
    Expired,
    Unknown,
}

/// カード本体の日付.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardPart {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub expires: NaiveDate,
    #[serde(serialize_with = "crate::api::ser_date")]
    pub renewal_from: NaiveDate,
    pub notice_from: String,
    pub notice_to: String,
    pub status: CardStatus,
    /// Days from `asOf` to `expires` (0 on the day, negative once past).
    pub days_left: i32,
}

/// 電子証明書 (利用者証明用) の日付.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificatePart {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub expires: NaiveDate,
    #[serde(serialize_with = "crate::api::ser_date")]
    pub renewal_from: NaiveDate,
    pub notice_from: String,
    pub notice_to: String,
    pub capped_by_card: bool,
    pub status: CertificateStatus,
    /// Days from `asOf` to `expires`; null when the status is `unknown`.
    pub days_left: Option<i32>,
}

/// マイナ保険証として使える期間.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurancePart {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub usable_until: NaiveDate,
    #[serde(serialize_with = "crate::api::ser_opt_date")]
    pub grace_until: Option<NaiveDate>,
    /// Days from `asOf` to the last day it works (`graceUntil`, or
    /// `usableUntil` on a smartphone); null when the certificate is `unknown`.
    pub days_left: Option<i32>,
}

/// The answer of `cardDates`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardDates {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub as_of: NaiveDate,
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

/// Rule **expiry-notice**: the months E-3 to E-2 as "YYYY-MM".
pub fn notice_months(expires: NaiveDate) -> Option<(String, String)> {
    let (y1, m1) = add_months_ym(expires.year(), expires.month(), -3)?;
    let (y2, m2) = add_months_ym(expires.year(), expires.month(), -2)?;
    Some((iso_month(y1, m1), iso_month(y2, m2)))
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
/// `impossible_card_expiry` when no card can have that expiry.
pub fn read_card_face(
    birth: NaiveDate,
    printed: NaiveDate,
    lang: Lang,
) -> Result<FaceKind, ApiError> {
    // Takes the message already picked (`lang.pick` is inlined at each call,
    // so the Japanese-only build keeps no English text).
    let impossible = |message: &str| ApiError {
        code: ErrorCode::ImpossibleCardExpiry,
        field: Some("cardExpires".to_string()),
        message: message.to_string(),
    };
    if birthday_in_year(birth, printed.year()) != Some(printed) {
        return Err(impossible(lang.pick(
            "カードの有効期限は必ず誕生日です。券面の「◯年◯月◯日まで有効」と生年月日をもう一度ご確認ください。",
            "A card always expires on a birthday. Check the printed expiry and the date of birth.",
        )));
    }
    let age = legal_age_on(birth, printed).unwrap_or(0);
    let (kind, latest_birthdays) = if age >= 27 {
        (FaceKind::Adult, 9)
    } else if (5..=24).contains(&age) {
        (FaceKind::Minor, 4)
    } else {
        return Err(impossible(lang.pick(
            "この有効期限のマイナンバーカードはありえません(有効期限は発行後5回目または10回目の誕生日です)。券面と生年月日をご確認ください。",
            "No card can have this expiry (cards expire on the 5th or 10th birthday after they are made). Check the card and the date of birth.",
        )));
    };
    // The card was made before the birthday `latest_birthdays` years before
    // the expiry; that must be on or after 2016-01-01.
    let latest_created =
        birthday_in_year(birth, printed.year() - latest_birthdays).and_then(crate::date::prev_day);
    if latest_created.is_none_or(|d| d < FIRST_CARD_DAY) {
        return Err(impossible(lang.pick(
            "この有効期限だと2016年より前に作られたカードになりますが、マイナンバーカードは2016年1月から交付されています。",
            "This expiry would mean a card made before 2016, but My Number cards exist since January 2016.",
        )));
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

fn card_status(as_of: NaiveDate, renewal_from: NaiveDate, expires: NaiveDate) -> CardStatus {
    if as_of > expires {
        CardStatus::Expired
    } else if as_of >= renewal_from {
        CardStatus::Renewable
    } else {
        CardStatus::Valid
    }
}

fn overflow(lang: Lang) -> ApiError {
    ApiError::new(
        ErrorCode::OutOfRange,
        None,
        lang,
        "計算結果が扱える範囲(1900年〜2200年)を超えます。",
        "The result falls outside the dates this tool handles (1900-2200).",
    )
}

/// `cardDates`: every date of the card and its certificate, with the status on
/// `q.as_of`, the notes and the explanation steps.
///
/// # Errors
/// `start_before_birth`, `out_of_range`, `impossible_card_expiry`,
/// `inconsistent_input`, `missing_field`, `as_of_before_start`.
pub fn card_dates(q: &CardQuery, lang: Lang) -> Result<CardDates, ApiError> {
    let birth = q.birthday;
    let mut notes = Vec::new();
    let mut steps = Vec::new();
    check_start("cardIssued", q.card_issued, birth, lang)?;
    check_start("certificateIssued", q.certificate_issued, birth, lang)?;
    if q.card_issued.is_none() && q.card_expires.is_none() {
        return Err(ApiError::new(
            ErrorCode::MissingField,
            Some("cardIssued"),
            lang,
            "カードの発行日か、券面の有効期限のどちらかを入力してください。",
            "Enter the card's issue date or the expiry printed on the card.",
        ));
    }
    if q.certificate_renewed_in_window && q.certificate_issued.is_none() {
        return Err(ApiError::new(
            ErrorCode::MissingField,
            Some("certificateIssued"),
            lang,
            "電子証明書を更新した日を入力してください。",
            "Enter the day the certificate was renewed.",
        ));
    }

    // ---- The card (card-validity, card-validity-before-2022-04, renewal-in-window).
    let computed = match q.card_issued {
        Some(created) => Some(card_from_issue(q, created, lang, &mut notes, &mut steps)?),
        None => None,
    };
    let face = match q.card_expires {
        Some(printed) => Some(read_card_face(birth, printed, lang)?),
        None => None,
    };
    let card_expires = match (q.card_expires, computed) {
        (Some(printed), Some(from_issue)) => {
            if printed != from_issue {
                // from-card-face: the printed date wins.
                notes.push(Note::filled(
                    "printed_expiry_differs",
                    fill(
                        lang.pick(
                            "発行日から計算した有効期限({0})と券面の有効期限({1})が違います。券面の日付を優先しました。発行日(J-LISがカードを作成した日で、受け取った日ではありません)もご確認ください。",
                            "The expiry computed from the issue date ({0}) differs from the printed one ({1}). The printed date is used. Check the issue date too (the day J-LIS made the card, not the day you picked it up).",
                        ),
                        &[&day(from_issue, lang), &day(printed, lang)],
                    ),
                ));
            }
            printed
        }
        (Some(printed), None) => printed,
        (None, Some(from_issue)) => from_issue,
        (None, None) => return Err(overflow(lang)),
    };
    if q.card_expires.is_some() {
        steps.push(Step::new(
            Rule::FromCardFace,
            fill(
                lang.pick(
                    "券面に印字された有効期限 {0} を、カード本体の有効期限として使います(券面の日付が優先)。",
                    "The expiry printed on the card, {0}, is the card's expiry (the printed date wins).",
                ),
                &[&day_with_era(card_expires, lang)],
            ),
        ));
    }
    if let Some(ci) = q.certificate_issued {
        if q.card_issued.is_some_and(|created| ci < created) {
            return Err(ApiError::new(
                ErrorCode::InconsistentInput,
                Some("certificateIssued"),
                lang,
                "電子証明書の発行日がカードの発行日より前になっています。",
                "The certificate's issue date is before the card's issue date.",
            ));
        }
        if ci > card_expires {
            return Err(ApiError::new(
                ErrorCode::InconsistentInput,
                Some("certificateIssued"),
                lang,
                "電子証明書の発行日がカードの有効期限より後になっています。",
                "The certificate's issue date is after the card's expiry.",
            ));
        }
    }
    if let Some(start) = q.card_issued.or(q.certificate_issued) {
        if q.as_of < start {
            return Err(ApiError::new(
                ErrorCode::AsOfBeforeStart,
                Some("asOf"),
                lang,
                "基準日がカード(または電子証明書)の発行日より前です。",
                "The day asked about is before the card (or certificate) was issued.",
            ));
        }
    }
    let card_renewal_from = renewal_from(card_expires).ok_or_else(|| overflow(lang))?;
    let (card_notice_from, card_notice_to) =
        notice_months(card_expires).ok_or_else(|| overflow(lang))?;
    let card = CardPart {
        expires: card_expires,
        renewal_from: card_renewal_from,
        notice_from: card_notice_from,
        notice_to: card_notice_to,
        status: card_status(q.as_of, card_renewal_from, card_expires),
        days_left: days_between(q.as_of, card_expires),
    };

    // ---- The certificate (certificate-validity, renewal-in-window, from-card-face).
    let (raw_expiry, first_from_face) = match (q.certificate_issued, q.card_issued, face) {
        (Some(start), _, _) => {
            let (n, in_window) = if q.certificate_renewed_in_window {
                (6, true)
            } else {
                (5, false)
            };
            (
                certificate_step(birth, start, n, in_window, false, lang, &mut steps)?,
                false,
            )
        }
        (None, Some(created), _) => {
            let (n, in_window) = if q.card_renewed_in_window {
                (6, true)
            } else {
                (5, false)
            };
            (
                certificate_step(birth, created, n, in_window, true, lang, &mut steps)?,
                false,
            )
        }
        (None, None, Some(FaceKind::Adult)) => {
            let first =
                birthday_in_year(birth, card_expires.year() - 5).ok_or_else(|| overflow(lang))?;
            steps.push(Step::new(
                Rule::FromCardFace,
                fill(
                    lang.pick(
                        "10年(誕生日10回)のカードなので、カードと一緒に発行された電子証明書の有効期限は、その5年前の誕生日 {0} です。",
                        "This is a 10-birthday card, so the certificate issued with it expires on the birthday 5 years earlier: {0}.",
                    ),
                    &[&day_with_era(first, lang)],
                ),
            ));
            (first, true)
        }
        (None, None, _) => {
            steps.push(Step::new(
                Rule::FromCardFace,
                lang.pick(
                    "5年(誕生日5回)のカードなので、電子証明書の有効期限はカードと同じ日です。",
                    "This is a 5-birthday card, so the certificate expires with the card.",
                )
                .to_string(),
            ));
            (card_expires, false)
        }
    };
    let capped_by_card = raw_expiry > card_expires;
    let cert_expires = raw_expiry.min(card_expires);
    if capped_by_card {
        steps.push(Step::new(
            Rule::CertificateValidity,
            fill(
                lang.pick(
                    "電子証明書はカード本体の有効期限を超えられないので、{0} までです。",
                    "A certificate never outlives its card, so it ends on {0}.",
                ),
                &[&day_with_era(cert_expires, lang)],
            ),
        ));
    }
    let cert_renewal_from = renewal_from(cert_expires).ok_or_else(|| overflow(lang))?;
    let (cert_notice_from, cert_notice_to) =
        notice_months(cert_expires).ok_or_else(|| overflow(lang))?;
    let grace = if q.smartphone {
        None
    } else {
        Some(grace_until(cert_expires).ok_or_else(|| overflow(lang))?)
    };
    let probably_renewed = first_from_face && q.as_of > cert_expires && q.as_of <= card_expires;
    let cert_status = if probably_renewed {
        CertificateStatus::Unknown
    } else if q.as_of <= cert_expires {
        if q.as_of >= cert_renewal_from {
            CertificateStatus::Renewable
        } else {
            CertificateStatus::Valid
        }
    } else if grace.is_some_and(|g| q.as_of <= g) {
        CertificateStatus::Grace
    } else {
        CertificateStatus::Expired
    };

    // ---- renewal-window, expiry-notice, insurance-grace, smartphone-no-grace.
    steps.push(Step::new(
        Rule::RenewalWindow,
        fill(
            lang.pick(
                "更新は有効期限まで3か月を切った日から、住所地の市区町村窓口でできます(オンライン不可): 電子証明書は {0} から、カード本体は {1} から。3か月より前に更新すると、新しい有効期限の数え方が通常どおりになり、期間が1年ほど短くなります。",
                "Renewal is possible at your municipal office (not online) once fewer than 3 months remain: the certificate from {0}, the card from {1}. Renewing earlier uses the normal count, so about a year is lost.",
            ),
            &[&day(cert_renewal_from, lang), &day(card_renewal_from, lang)],
        ),
    ));
    steps.push(Step::new(
        Rule::ExpiryNotice,
        fill(
            lang.pick(
                "J-LISから「有効期限通知書」が有効期限の2〜3か月前ごろ(電子証明書は{0}〜{1}ごろ)に届きます。目安であり、転居後は転送されません。",
                "J-LIS mails an expiry notice (有効期限通知書) about 2-3 months before the expiry (for the certificate around {0} to {1}). Approximate; it is not forwarded after a move.",
            ),
            &[&month_name(&cert_notice_from, lang), &month_name(&cert_notice_to, lang)],
        ),
    ));
    match grace {
        Some(g) => steps.push(Step::new(
            Rule::InsuranceGrace,
            fill(
                lang.pick(
                    "電子証明書の有効期限が切れても、有効期限の月の末日から3か月間({0} まで)はマイナ保険証で受診できます。この間は資格情報だけが確認でき、過去の診療・薬剤情報は共有されません。過ぎると健康保険証としての利用登録が解除され、資格確認書が申請なしで届きます。更新後は利用登録をやり直してください。",
                    "After the certificate expires, the card still works at clinics until the end of the 3rd month after the expiry month ({0}). Only your eligibility is shared then, not past treatment or prescriptions. After that the insurance link is cancelled and an eligibility certificate (資格確認書) is sent without application; register the card again after renewing.",
                ),
                &[&day_with_era(g, lang)],
            ),
        )),
        None => steps.push(Step::new(
            Rule::SmartphoneNoGrace,
            fill(
                lang.pick(
                    "スマートフォンのマイナ保険証には3か月の猶予がなく、電子証明書の有効期限 {0} の翌日から使えません。カードや電子証明書の更新後、機種変更後は、スマートフォンの再登録が必要です。スマートフォンに対応していない医療機関もあるので、カードも持参してください。",
                    "A smartphone マイナ保険証 has no grace period: it stops after the certificate expiry, {0}. Set it up again after renewing the card or the certificate, or after changing phones. Not every clinic reads phones: carry the card too.",
                ),
                &[&day_with_era(cert_expires, lang)],
            ),
        )),
    }

    // ---- Notes.
    if birth.month() == 2 && birth.day() == 29 {
        notes.push(Note::new(
            "leap_day_birthday",
            lang,
            "2月29日生まれの方は、うるう年以外の年は2月28日が誕生日とみなされます(命令26条2項)。電子証明書にも同じ扱いで計算しています。券面やマイナポータルに表示された日付が優先です。",
            "For people born on 29 February, the birthday in a common year is taken to be 28 February (命令26条2項). The certificate is computed the same way; the date shown on the card or in マイナポータル wins.",
        ));
    }
    if probably_renewed {
        notes.push(Note::filled(
            "certificate_probably_renewed",
            fill(
                lang.pick(
                    "カードと一緒に発行された電子証明書の有効期限({0})は過ぎていますが、カード本体は有効です。電子証明書はすでに更新済みかもしれません。更新した日を入力すると、今の有効期限を計算できます。券面の手書きの日付やマイナポータルでも確認できます。更新していない場合、マイナ保険証は {1} まで使えます。",
                    "The certificate issued with the card ({0}) has passed its expiry but the card is still valid: you have probably renewed the certificate. Enter the renewal date to get its current expiry (also handwritten on the card, or in マイナポータル). If you did not renew it, the card works for insurance until {1}.",
                ),
                &[&day(cert_expires, lang), &grace.map_or_else(|| day(cert_expires, lang), |g| day(g, lang))],
            ),
        ));
    }
    // The card's own certificate has expired but the card is valid and no
    // renewal date was given: the visitor may simply have renewed it.
    if q.certificate_issued.is_none()
        && q.card_issued.is_some()
        && q.as_of > cert_expires
        && q.as_of <= card_expires
    {
        notes.push(Note::new(
            "enter_certificate_renewal",
            lang,
            "この結果は、カードと一緒に発行された電子証明書のものです。電子証明書を更新済みの場合は、更新した日を入力すると今の有効期限がわかります(券面の手書きの日付やマイナポータルでも確認できます)。",
            "This answer is for the certificate issued with the card. If you have renewed the certificate, enter the renewal date to see its current expiry (also handwritten on the card, or in マイナポータル).",
        ));
    }
    if cert_expires == card_expires && !probably_renewed {
        notes.push(Note::new(
            "card_expires_with_certificate",
            lang,
            "電子証明書はカード本体と同じ日に期限を迎えます。電子証明書だけでなく、カード本体の更新(新しいカードの申請)が必要です。申請から交付通知書が届くまで約1か月かかります。",
            "The certificate ends together with the card: the card itself must be renewed (apply for a new card). The notice to collect it takes about a month to arrive.",
        ));
    }
    if q.smartphone {
        notes.push(Note::new(
            "smartphone_carry_card",
            lang,
            "スマートフォンのマイナ保険証が使えない医療機関もあります。カード本体も持参してください。",
            "Not every clinic accepts a smartphone マイナ保険証: carry the card too.",
        ));
    }
    if legal_age_on(
        birth,
        q.certificate_issued.or(q.card_issued).unwrap_or(q.as_of),
    )
    .is_some_and(|age| age < 15)
    {
        notes.push(Note::new(
            "no_signature_certificate_under_15",
            lang,
            "15歳未満の方には署名用電子証明書は発行されません(マイナ保険証で使うのは利用者証明用電子証明書です)。",
            "Under-15s get no signature certificate (マイナ保険証 uses the user certificate, which they do get).",
        ));
    }

    let known = cert_status != CertificateStatus::Unknown;
    Ok(CardDates {
        as_of: q.as_of,
        card,
        certificate: CertificatePart {
            expires: cert_expires,
            renewal_from: cert_renewal_from,
            notice_from: cert_notice_from,
            notice_to: cert_notice_to,
            capped_by_card,
            status: cert_status,
            days_left: known.then(|| days_between(q.as_of, cert_expires)),
        },
        insurance: InsurancePart {
            usable_until: cert_expires,
            grace_until: grace,
            days_left: known.then(|| days_between(q.as_of, grace.unwrap_or(cert_expires))),
        },
        notes,
        steps,
    })
}

/// The expiry of a card made on `created`, with its step and notes.
fn card_from_issue(
    q: &CardQuery,
    created: NaiveDate,
    lang: Lang,
    notes: &mut Vec<Note>,
    steps: &mut Vec<Step>,
) -> Result<NaiveDate, ApiError> {
    let birth = q.birthday;
    if created < FIRST_CARD_DAY {
        return Err(ApiError::new(
            ErrorCode::OutOfRange,
            Some("cardIssued"),
            lang,
            "マイナンバーカードは2016年1月から交付されています。発行日をご確認ください。",
            "My Number cards exist since January 2016. Check the issue date.",
        ));
    }
    // card-validity-before-2022-04: before 2022-04-01 every application was
    // received before that day.
    let applied_before = if created < AGE_18_FROM {
        if q.applied_before_2022_april == Some(false) {
            return Err(ApiError::new(
                ErrorCode::InconsistentInput,
                Some("appliedBefore2022April"),
                lang,
                "2022年3月31日以前に作られたカードの申請は、必ず2022年4月1日より前に受け付けられています。",
                "A card made before 2022-04-01 was always applied for before that day.",
            ));
        }
        true
    } else {
        q.applied_before_2022_april.unwrap_or(false)
    };
    let length = card_length(birth, created, applied_before, q.card_renewed_in_window)
        .ok_or_else(|| overflow(lang))?;
    let expires =
        nth_birthday_after(birth, created, length.birthdays).ok_or_else(|| overflow(lang))?;
    // The 20-year threshold only changes the answer at legal age 18 or 19.
    let before_2022_decides = length.threshold == 20 && (18..20).contains(&length.age);
    let rule = if before_2022_decides {
        Rule::CardValidityBefore2022
    } else {
        Rule::CardValidity
    };
    let shown = if before_2022_decides { 20 } else { 18 };
    let kind = fill(
        if length.adult {
            lang.pick("{0}歳以上", "{0} or over")
        } else {
            lang.pick("{0}歳未満", "under {0}")
        },
        &[&num(shown)],
    );
    let window = if q.card_renewed_in_window {
        lang.pick(
            "有効期限まで3か月を切ってからの更新なので1回多く数え、",
            " (one more because it was renewed within the last 3 months of the old card)",
        )
    } else {
        ""
    };
    steps.push(Step::new(
        rule,
        fill(
            lang.pick(
                "カードの発行日 {0} に法律上{1}歳({2})なので、{3}発行日の後の{4}回目の誕生日 {5} がカード本体の有効期限です(発行日当日の誕生日は数えません)。",
                "On the issue date, {0}, you were legally {1} ({2}), so the card expires on the {4}th birthday after that day{3}: {5} (a birthday on the issue date itself does not count).",
            ),
            &[&day_with_era(created, lang), &num(length.age.into()), &kind, window, &num(length.birthdays.into()), &day_with_era(expires, lang)],
        ),
    ));
    if before_2022_decides {
        steps.push(Step::new(
            Rule::CardValidityBefore2022,
            lang.pick(
                "J-LISが2022年4月1日より前に申請を受け付けたカードなので、大人扱い(10回目の誕生日まで)になる年齢は18歳ではなく20歳です。",
                "J-LIS received the application before 2022-04-01, so the 10-birthday card starts at 20, not 18.",
            )
            .to_string(),
        ));
    }
    // card-validity-before-2022-04: ask only when the answer changes the result.
    if created >= AGE_18_FROM
        && (18..=19).contains(&length.age)
        && q.applied_before_2022_april.is_none()
    {
        notes.push(Note::new(
            "ask_applied_before_2022_april",
            lang,
            "カードを作った日に18歳か19歳だった方は、J-LISが申請を2022年4月1日より前に受け付けていれば有効期限が5回目の誕生日になります。申請がその日より前なら「はい」と答えてください。",
            "If you were 18 or 19 when the card was made and J-LIS received your application before 2022-04-01, the card expires on the 5th birthday instead. Answer this question if so.",
        ));
    }
    // card-validity: the day before the threshold birthday (medium confidence).
    let threshold_day = legal_age_reached_on(birth, length.threshold);
    if threshold_day == Some(created) {
        notes.push(Note::filled(
            "legal_age_day",
            fill(
                lang.pick(
                    "発行日は{0}歳の誕生日の前日で、法律上はこの日に{0}歳になるため大人の有効期限で計算しました(J-LISの実務は未確認)。券面の日付が優先です。",
                    "The card was made the day before your {0}th birthday; legally you turn {0} that day, so the adult length is used (J-LIS practice unconfirmed). The printed date wins.",
                ),
                &[&num(length.threshold.into())],
            ),
        ));
    }
    // card-validity: municipal pages take the age on the application day,
    // up to about 3 months earlier.
    let three_months_before = same_day_months_before(created, 3).flatten().or_else(|| {
        let (y, m) = add_months_ym(created.year(), created.month(), -2)?;
        ymd(y, m, 1)
    });
    if let (Some(t), Some(before)) = (threshold_day, three_months_before) {
        if t >= before && t < created {
            notes.push(Note::filled(
                "age_at_application",
                fill(
                    lang.pick(
                        "{0}歳の誕生日がカード作成日の前3か月以内です。申請を受け付けた日の年齢で決まるとする自治体の案内もあり、その場合は有効期限が5回目の誕生日になります。券面の日付が優先です。",
                        "Your {0}th birthday falls within the 3 months before the card was made. Some municipalities take the age on the application day instead, which would give a 5-birthday card. The printed date wins.",
                    ),
                    &[&num(length.threshold.into())],
                ),
            ));
        }
    }
    Ok(expires)
}

/// The certificate's expiry from its issue date, with its step.
fn certificate_step(
    birth: NaiveDate,
    start: NaiveDate,
    n: u32,
    in_window: bool,
    with_card: bool,
    lang: Lang,
    steps: &mut Vec<Step>,
) -> Result<NaiveDate, ApiError> {
    let expires = nth_birthday_after(birth, start, n).ok_or_else(|| overflow(lang))?;
    let rule = if in_window {
        Rule::RenewalInWindow
    } else {
        Rule::CertificateValidity
    };
    let what = if with_card {
        lang.pick(
            "カードと一緒に発行された電子証明書",
            "The certificate issued with the card",
        )
    } else {
        lang.pick("電子証明書", "The certificate")
    };
    let window = if in_window {
        lang.pick(
            "。期限まで3か月を切ってからの更新なので1回多く数えます",
            "; one more because it was renewed within the last 3 months",
        )
    } else {
        ""
    };
    steps.push(Step::new(
        rule,
        fill(
            lang.pick(
                "{0}は、発行日 {1} の後の{2}回目の誕生日 {3} まで有効です(年齢に関わらず{4})。",
                "{0} is valid until the {2}th birthday after its issue date {1}: {3} (whatever the age{4}).",
            ),
            &[what, &day_with_era(start, lang), &num(n.into()), &day_with_era(expires, lang), window],
        ),
    ));
    Ok(expires)
}

/// "2024-06" → "2024年6月" (ja) or unchanged (en).
fn month_name(ym: &str, lang: Lang) -> String {
    match (
        ym.get(..4).and_then(|y| y.parse::<i32>().ok()),
        ym.get(5..7).and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m)) => crate::text::month(y, m, lang),
        _ => ym.to_string(),
    }
}

fn check_start(
    field: &str,
    start: Option<NaiveDate>,
    birth: NaiveDate,
    lang: Lang,
) -> Result<(), ApiError> {
    if start.is_some_and(|s| s < birth) {
        return Err(ApiError::new(
            ErrorCode::StartBeforeBirth,
            Some(field),
            lang,
            "発行日が生年月日より前になっています。",
            "The issue date is before the date of birth.",
        ));
    }
    Ok(())
}
