//! 必要な書類: which documents a visitor needs at a clinic, whether a 資格確認書
//! comes to them (rule eligibility-certificate-who, ①-⑩) and how, and what
//! to do now.
//!
//! RULES.md, "資格確認書" and "What to bring to a clinic"; the society's page.

use chrono::NaiveDate;
use serde::Serialize;

use crate::eligibility::{five_year_expiry, Membership};
use crate::error::{ApiError, ErrorCode};
use crate::rules::{contact, Lang, Note, Rule, Step};
use crate::text::{day_with_era, fill, join};

/// The old 健康保険証 is unusable from this day (令和7年12月2日, society).
pub const OLD_CARD_UNUSABLE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 12, 2) {
    Some(d) => d,
    None => panic!("2025-12-02 exists"),
};

/// マイナンバーカードの状況.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardState {
    /// 作っていない
    None,
    /// 持っている
    Have,
    /// 返納した
    Returned,
    /// 紛失した
    Lost,
    /// 更新中
    Renewing,
}

/// 電子証明書の状況 (from `cardDates`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateState {
    Valid,
    /// Expired, but within the 3-month grace: the card still works.
    Grace,
    /// Expired and the grace is over.
    Expired,
}

/// The visitor's situation (validated by `api`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    pub membership: Membership,
    pub card: CardState,
    pub registered: bool,
    pub registration_cancelled: bool,
    pub certificate: CertificateState,
    pub number_on_file: bool,
    pub needs_helper: bool,
    pub eligibility_certificate_lost: bool,
    pub smartphone: bool,
    /// The day a 資格確認書 was issued, if the visitor has one.
    pub eligibility_certificate_issued: Option<NaiveDate>,
    pub as_of: NaiveDate,
}

/// 交付対象の理由 ①-⑩, in the society's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// ① マイナンバーカードを作っていない
    NoCard,
    /// ② 健康保険証として利用登録をしていない
    NotRegistered,
    /// ③ 電子証明書の有効期限が切れている(猶予期間も終了)
    CertificateExpired,
    /// ④ マイナンバーカードを返納した
    CardReturned,
    /// ⑤ 利用登録を解除した
    RegistrationCancelled,
    /// ⑥ 当組合にマイナンバーが登録されていない
    NumberNotOnFile,
    /// ⑦ マイナンバーカードを紛失した
    CardLost,
    /// ⑧ マイナンバーカードを更新中
    CardRenewing,
    /// ⑨ 受診に介助者のサポートが必要
    NeedsHelper,
    /// ⑩ 資格確認書を滅失・き損し、マイナ保険証を使えない
    EligibilityCertificateLost,
}

impl Reason {
    /// ①-⑥ are issued automatically; ⑦-⑩ on application.
    pub fn automatic(self) -> bool {
        self <= Reason::NumberNotOnFile
    }

    fn text(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoCard => lang.pick("①マイナンバーカードを作っていない", "① no My Number card"),
            Reason::NotRegistered => lang.pick(
                "②マイナンバーカードを健康保険証として利用登録していない",
                "② the card is not registered for health insurance use",
            ),
            Reason::CertificateExpired => lang.pick(
                "③電子証明書の有効期限が切れている(3か月の猶予も終了)",
                "③ the electronic certificate has expired (and the 3-month grace is over)",
            ),
            Reason::CardReturned => {
                lang.pick("④マイナンバーカードを返納した", "④ the card was returned")
            }
            Reason::RegistrationCancelled => lang.pick(
                "⑤健康保険証としての利用登録を解除した",
                "⑤ the registration for insurance use was cancelled",
            ),
            Reason::NumberNotOnFile => lang.pick(
                "⑥当組合にマイナンバーが登録されていない",
                "⑥ the society has no My Number on file",
            ),
            Reason::CardLost => lang.pick("⑦マイナンバーカードを紛失した", "⑦ the card was lost"),
            Reason::CardRenewing => {
                lang.pick("⑧マイナンバーカードを更新中", "⑧ the card is being renewed")
            }
            Reason::NeedsHelper => lang.pick(
                "⑨受診に第三者(介助者など)のサポートが必要",
                "⑨ a helper (介助者) is needed to use the card at the reader",
            ),
            Reason::EligibilityCertificateLost => lang.pick(
                "⑩資格確認書を滅失・き損し、マイナ保険証を使えない",
                "⑩ the eligibility certificate was lost or damaged and マイナ保険証 cannot be used",
            ),
        }
    }
}

/// 交付: `automatic` | `on-application` | `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Issue {
    Automatic,
    OnApplication,
    None,
}

/// 届け方: `employer` (所属会社経由) | `home` (自宅へ郵送).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    Employer,
    Home,
}

/// 持ち物: a document to show at a clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Document {
    /// マイナンバーカード (マイナ保険証)
    MyNumberCard,
    /// スマートフォンのマイナ保険証
    Smartphone,
    /// 資格確認書
    EligibilityCertificate,
    /// 資格情報のお知らせ
    EligibilityNotice,
    /// マイナポータルの資格情報画面 (or its PDF)
    MynaportalScreen,
}

/// The 資格確認書 part of the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EligibilityAnswer {
    pub issue: Issue,
    pub reasons: Vec<Reason>,
    pub delivery: Option<Delivery>,
}

/// Something to do now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    pub code: &'static str,
    pub text: String,
}

/// The answer of `adviseDocuments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    #[serde(serialize_with = "crate::api::ser_date")]
    pub as_of: NaiveDate,
    pub eligibility_certificate: EligibilityAnswer,
    pub bring: Vec<Document>,
    pub if_reader_fails: Vec<Document>,
    pub actions: Vec<Action>,
    pub notes: Vec<Note>,
    pub steps: Vec<Step>,
}

/// Rule **eligibility-certificate-who**: every reason of ①-⑩ that applies, in
/// order. A certificate in grace is not ③: the card works until the grace ends.
pub fn reasons(s: &Situation, working: bool) -> Vec<Reason> {
    let holds_card = matches!(
        s.card,
        CardState::Have | CardState::Lost | CardState::Renewing
    );
    let candidates = [
        (Reason::NoCard, s.card == CardState::None),
        (
            Reason::NotRegistered,
            holds_card && !s.registered && !s.registration_cancelled,
        ),
        (
            Reason::CertificateExpired,
            holds_card && s.registered && s.certificate == CertificateState::Expired,
        ),
        (Reason::CardReturned, s.card == CardState::Returned),
        (Reason::RegistrationCancelled, s.registration_cancelled),
        (Reason::NumberNotOnFile, !s.number_on_file),
        (Reason::CardLost, s.card == CardState::Lost),
        (Reason::CardRenewing, s.card == CardState::Renewing),
        (Reason::NeedsHelper, s.needs_helper),
        (
            Reason::EligibilityCertificateLost,
            s.eligibility_certificate_lost && !working,
        ),
    ];
    candidates
        .iter()
        .filter(|(_, applies)| *applies)
        .map(|(r, _)| *r)
        .collect()
}

/// Whether the visitor has a working マイナ保険証 (card in hand, registered,
/// certificate valid or in grace, My Number on file with the society).
pub fn has_working_card(s: &Situation) -> bool {
    s.card == CardState::Have
        && s.registered
        && !s.registration_cancelled
        && s.certificate != CertificateState::Expired
        && s.number_on_file
}

/// `adviseDocuments`.
///
/// # Errors
/// `inconsistent_input` for answers that cannot all be true.
pub fn advise(s: &Situation, lang: Lang) -> Result<Advice, ApiError> {
    check_consistent(s, lang)?;
    let working = has_working_card(s);
    // smartphone-no-grace: a phone stops on the certificate expiry itself.
    let phone_works = working && s.smartphone && s.certificate == CertificateState::Valid;
    let reasons = reasons(s, working);
    let issue = if reasons.iter().any(|r| r.automatic()) {
        Issue::Automatic
    } else if reasons.is_empty() {
        Issue::None
    } else {
        Issue::OnApplication
    };
    let delivery = match issue {
        Issue::None => None,
        _ if s.membership.is_voluntary() => Some(Delivery::Home),
        _ => Some(Delivery::Employer),
    };

    let mut steps = Vec::new();
    let mut actions = Vec::new();
    let mut notes = Vec::new();

    // ---- eligibility-certificate-who
    let listed: Vec<&str> = reasons.iter().map(|r| r.text(lang)).collect();
    let who = match issue {
        Issue::Automatic => fill(
            lang.pick(
                "「{0}」に当てはまるため、資格確認書は申請なしで自動的に交付されます。",
                "Because of {0}, an eligibility certificate is issued automatically, without application.",
            ),
            &[&join(&listed, lang.pick("」「", "; "))],
        ),
        Issue::OnApplication => fill(
            lang.pick(
                "「{0}」に当てはまるため、申請すれば資格確認書が交付されます(申請が必要です)。",
                "Because of {0}, an eligibility certificate is issued if you apply (an application is needed).",
            ),
            &[&join(&listed, lang.pick("」「", "; "))],
        ),
        Issue::None => lang
            .pick(
                "使えるマイナ保険証をお持ちなので、原則として資格確認書は交付されません。",
                "You have a working マイナ保険証, so in principle no eligibility certificate is issued.",
            )
            .to_string(),
    };
    steps.push(Step::new(Rule::EligibilityCertificateWho, who));
    if let Some(d) = delivery {
        steps.push(Step::new(
            Rule::EligibilityCertificateWho,
            match d {
                Delivery::Employer => lang.pick(
                    "資格確認書は所属会社を経由してお渡しします(ご家族の分も)。",
                    "The certificate reaches you through your employer (for your family too).",
                ),
                Delivery::Home => lang.pick(
                    "任意継続の方には、当組合からご自宅へ郵送します。",
                    "Voluntary continued members get it by post at home from the society.",
                ),
            }
            .to_string(),
        ));
    }
    if issue != Issue::None {
        steps.push(Step::new(
            Rule::EligibilityCertificateValidity,
            match s.eligibility_certificate_issued.and_then(five_year_expiry) {
                Some(exp) => fill(
                    lang.pick(
                        "お持ちの資格確認書の有効期限は {0} です(交付日から5年が経過する直前の月末)。",
                        "Your eligibility certificate is valid until {0} (the end of the month before its 5th anniversary).",
                    ),
                    &[&day_with_era(exp, lang)],
                ),
                None => lang
                    .pick(
                        "資格確認書の有効期限は交付日から5年(5年が経過する直前の月末)です。期限を迎えても引き続きマイナ保険証を使えない方には、申請なしで新しいものが届きます。",
                        "An eligibility certificate is valid for 5 years from issue (to the end of the month before the 5th anniversary). If you still cannot use マイナ保険証 then, a new one comes without application.",
                    )
                    .to_string(),
            },
        ));
        steps.push(Step::new(
            Rule::EligibilityCertificateReturn,
            if s.membership.is_voluntary() {
                lang.pick(
                    "有効期限より前に資格を失ったときは当組合へ直接返却してください。期限切れのものは返却不要です。",
                    "If you lose membership before the expiry, return it to the society directly. An expired one need not be returned.",
                )
            } else {
                lang.pick(
                    "有効期限より前に退職等で資格を失ったときは、所属会社を経由して返却してください。期限切れのものは返却不要です。",
                    "If you lose membership (leaving the job, etc.) before the expiry, return it through your employer. An expired one need not be returned.",
                )
            }
            .to_string(),
        ));
    }

    // ---- What to bring (RULES.md "What to bring to a clinic").
    let (bring, if_reader_fails) = if working {
        let mut bring = Vec::new();
        if phone_works {
            bring.push(Document::Smartphone);
        }
        bring.push(Document::MyNumberCard);
        if s.needs_helper {
            bring.push(Document::EligibilityCertificate);
        }
        let fails = if phone_works {
            vec![
                Document::MynaportalScreen,
                Document::MyNumberCard,
                Document::EligibilityNotice,
            ]
        } else {
            vec![
                Document::MyNumberCard,
                Document::EligibilityNotice,
                Document::MynaportalScreen,
            ]
        };
        (bring, fails)
    } else {
        (vec![Document::EligibilityCertificate], Vec::new())
    };
    steps.push(Step::new(
        Rule::WhatToBring,
        if phone_works {
            lang.pick(
                "受診にはスマートフォンのマイナ保険証を、予備としてマイナンバーカード本体も持参してください(スマートフォンに対応していない医療機関があります)。読み取りできないときは、マイナポータルの資格情報画面を提示するか、カードと「資格情報のお知らせ」を一緒に提示します。",
                "Bring your phone, and the card as a backup (not every clinic reads phones). If it cannot be read, show the 資格情報 screen of マイナポータル, or the card together with the 資格情報のお知らせ notice.",
            )
        } else if working {
            lang.pick(
                "受診のたびにマイナンバーカードを持参し、カードリーダーで顔認証か4桁の暗証番号で本人確認します(暗証番号がロックされていても顔認証なら使えます)。オンラインで確認できないときは、カードと「資格情報のお知らせ」(またはマイナポータルの資格情報画面・PDF)を一緒に提示します。",
                "Bring the card to every visit and confirm at the reader by face or 4-digit PIN (face works even with a locked PIN). If the clinic cannot check online, show the card together with the 資格情報のお知らせ notice (or the マイナポータル 資格情報 screen or PDF).",
            )
        } else {
            lang.pick(
                "マイナ保険証が使えないので、受診には資格確認書を提示してください(従来の健康保険証と同じ効力です)。",
                "Without a working マイナ保険証, show the eligibility certificate (資格確認書), which works like the old insurance card.",
            )
        }
        .to_string(),
    ));
    if working && s.smartphone && !phone_works {
        notes.push(Note::new(
            "smartphone_stopped",
            lang,
            "電子証明書の有効期限が切れたため、スマートフォンのマイナ保険証は使えません(猶予なし)。猶予期間中はカード本体で受診できます。",
            "The certificate has expired, so the smartphone マイナ保険証 no longer works (no grace). The card itself works during the grace period.",
        ));
    }
    notes.push(Note::new(
        "notice_alone_not_enough",
        lang,
        "「資格情報のお知らせ」だけでは受診できません。マイナンバーカードと一緒に提示するものです。",
        "The 資格情報のお知らせ notice alone is not enough: it is shown together with the card.",
    ));
    // ---- What to do now.
    if s.card == CardState::Lost {
        actions.push(Action {
            code: "report-lost-card",
            text: fill(
                lang.pick(
                    "すぐにマイナンバー総合フリーダイヤル {0}(24時間365日)に電話して、カードの一時利用停止をしてください。再発行はお住まいの市区町村で申請します。",
                    "Call the My Number free dial {0} now (24 hours, every day) to suspend the card. Apply for a new card at your municipal office.",
                ),
                &[contact::MYNUMBER_FREE_DIAL],
            ),
        });
    }
    if matches!(
        s.certificate,
        CertificateState::Grace | CertificateState::Expired
    ) && matches!(s.card, CardState::Have)
    {
        actions.push(Action {
            code: "renew-certificate",
            text: if s.certificate == CertificateState::Grace {
                lang.pick(
                    "猶予期間が終わる前に、住所地の市区町村窓口で電子証明書を更新してください(オンライン不可)。",
                    "Renew the electronic certificate at your municipal office before the grace period ends (not online).",
                )
            } else {
                lang.pick(
                    "住所地の市区町村窓口で電子証明書を更新し、その後マイナ保険証の利用登録をやり直してください。",
                    "Renew the electronic certificate at your municipal office, then register the card for insurance use again.",
                )
            }
            .to_string(),
        });
    }
    if issue == Issue::OnApplication {
        actions.push(Action {
            code: "apply-eligibility-certificate",
            text: if s.membership.is_voluntary() {
                lang.pick(
                    "資格確認書が必要なときは、当組合へ申請してください(「資格確認書を失くしたとき」の手続き)。ご自宅へ郵送します。",
                    "If you need an eligibility certificate, apply to the society (the 「資格確認書を失くしたとき」 procedure). It is posted to your home.",
                )
            } else {
                lang.pick(
                    "資格確認書が必要なときは、所属会社を通じて申請してください(「資格確認書を失くしたとき」の手続き)。所属会社を経由してお渡しします。",
                    "If you need an eligibility certificate, apply through your employer (the 「資格確認書を失くしたとき」 procedure). It reaches you through your employer.",
                )
            }
            .to_string(),
        });
    }
    if issue == Issue::Automatic {
        actions.push(Action {
            code: "wait-eligibility-certificate",
            text: if s.membership.is_voluntary() {
                lang.pick(
                    "手続きは不要です。資格確認書は当組合からご自宅へ郵送します。",
                    "Nothing to do: the society posts the eligibility certificate to your home.",
                )
            } else {
                lang.pick(
                    "手続きは不要です。資格確認書は所属会社を経由してお渡しします。会社の担当者からお受け取りください。",
                    "Nothing to do: the eligibility certificate reaches you through your employer.",
                )
            }
            .to_string(),
        });
    }
    if !s.number_on_file {
        actions.push(Action {
            code: "submit-my-number",
            text: if s.membership.is_voluntary() {
                lang.pick(
                    "マイナンバーを当組合へ直接提出してください(任意継続の方)。提出がないとマイナ保険証が使えず、医療費の情報も連携されません。",
                    "Give your My Number to the society directly (voluntary members). Without it マイナ保険証 cannot work and medical cost data is not shared.",
                )
            } else {
                lang.pick(
                    "マイナンバーをお勤めの会社へ提出してください。提出がないとマイナ保険証が使えず、医療費の情報も連携されません。",
                    "Give your My Number to your employer. Without it マイナ保険証 cannot work and medical cost data is not shared.",
                )
            }
            .to_string(),
        });
    }
    if s.card == CardState::Have
        && !s.registered
        && !s.registration_cancelled
        && s.certificate != CertificateState::Expired
    {
        actions.push(Action {
            code: "register-card",
            text: lang
                .pick(
                    "マイナンバーカードを健康保険証として使うには利用登録が必要です: 医療機関・薬局の顔認証付きカードリーダー、マイナポータルアプリ、またはセブン銀行ATMで登録できます。",
                    "To use the card as マイナ保険証, register it: at a clinic's or pharmacy's face-recognition reader, in the マイナポータル app, or at a Seven Bank ATM.",
                )
                .to_string(),
        });
    }
    if s.card == CardState::Renewing {
        actions.push(Action {
            code: "collect-new-card",
            text: lang
                .pick(
                    "交付通知書が届いたら、今のカードと通知書に書かれた持ち物を持って市区町村窓口で新しいカードを受け取ってください(申請から約1か月)。",
                    "When the collection notice arrives (about a month after applying), take your current card and what the notice lists to your municipal office.",
                )
                .to_string(),
        });
    }
    if s.card == CardState::None {
        actions.push(Action {
            code: "get-card",
            text: lang
                .pick(
                    "マイナンバーカードを作ると、マイナ保険証として使えます(任意です)。申請はスマートフォン・証明写真機・パソコン・郵便でできます。",
                    "If you get a My Number card you can use it as マイナ保険証 (optional). Apply by smartphone, photo booth, computer or post.",
                )
                .to_string(),
        });
    }
    if s.smartphone && s.card == CardState::Renewing {
        notes.push(Note::new(
            "smartphone_setup_again",
            lang,
            "カードや電子証明書を更新した後、また機種変更の後は、スマートフォンのマイナ保険証の再登録が必要です。",
            "After renewing the card or certificate, or changing phones, set up the smartphone マイナ保険証 again.",
        ));
    }
    if working {
        notes.push(Note::new(
            "no_limit_certificate_needed",
            lang,
            "マイナ保険証なら、高額な医療費でも限度額適用認定証の申請は不要です(住民税非課税世帯は従来どおり申請が必要)。",
            "With マイナ保険証 you need no 限度額適用認定証 for high medical costs (households exempt from residence tax still apply).",
        ));
        notes.push(Note::new(
            "job_change_no_registration",
            lang,
            "転職などで加入する健康保険が変わっても、利用登録のやり直しは不要です(利用登録が解除された場合を除く)。",
            "Changing jobs needs no new registration, unless the link was cancelled.",
        ));
    }
    if s.registration_cancelled {
        notes.push(Note::new(
            "cancellation_takes_time",
            lang,
            "利用登録の解除がマイナポータルに反映されるまで1〜2か月ほどかかります。解除後の受診には資格確認書が必要です。",
            "A cancellation shows in マイナポータル after 1-2 months. After cancelling, bring the eligibility certificate.",
        ));
    }
    if s.as_of >= OLD_CARD_UNUSABLE_FROM {
        actions.push(Action {
            code: "dispose-old-card",
            text: lang
                .pick(
                    "従来の健康保険証は2025年12月2日(令和7年12月2日)から使えません。返却は不要なので、ご自身で破棄してください。",
                    "The old health insurance card (健康保険証) cannot be used since 2 December 2025. No need to return it: dispose of it yourself.",
                )
                .to_string(),
        });
    } else {
        notes.push(Note::new(
            "old_card_until",
            lang,
            "従来の健康保険証は2025年12月1日まで使えます。2025年12月2日からは使えません。",
            "The old health insurance card works until 1 December 2025, not from 2 December 2025.",
        ));
    }

    Ok(Advice {
        as_of: s.as_of,
        eligibility_certificate: EligibilityAnswer {
            issue,
            reasons,
            delivery,
        },
        bring,
        if_reader_fails,
        actions,
        notes,
        steps,
    })
}

fn check_consistent(s: &Situation, lang: Lang) -> Result<(), ApiError> {
    if matches!(s.card, CardState::None | CardState::Returned) && s.registered {
        return Err(ApiError::new(
            ErrorCode::InconsistentInput,
            Some("registered"),
            lang,
            "マイナンバーカードをお持ちでない(返納した)場合、利用登録済みにはなりません。",
            "Without a card (or after returning it), the card cannot be registered.",
        ));
    }
    if s.registered && s.registration_cancelled {
        return Err(ApiError::new(
            ErrorCode::InconsistentInput,
            Some("registrationCancelled"),
            lang,
            "利用登録を解除した場合は「登録していない」を選んでください(登録し直した場合は「解除」を外してください)。",
            "If the registration was cancelled, the card is not registered (if you registered again, untick 'cancelled').",
        ));
    }
    Ok(())
}
