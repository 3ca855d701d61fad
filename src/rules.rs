//! 規則: the rule ids of `shared/RULES.md` and their sources. Every explanation
//! step carries both, so a visitor (and the society's staff) can see where
//! each date comes from.

/// The day RULES.md was last checked against its sources ("rules as of").
pub const RULES_CHECKED: &str = "2026-11-25";

/// A rule of RULES.md, by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    BirthdayCount,
    LeapDayBirthday,
    CardValidity,
    CardValidityBefore2022,
    RenewalInWindow,
    CertificateValidity,
    FromCardFace,
    CertificateFace,
    RenewalWindow,
    RenewalBooking,
    ExpiryNotice,
    InsuranceGrace,
    SmartphoneNoGrace,
    EligibilityCertificateValidity,
    EligibilityCertificateReturn,
    EligibilityCertificateWho,
    /// RULES.md "What to bring to a clinic".
    WhatToBring,
    /// RULES.md "What to bring", last row: the temporary handling of 2025-12-02 to 2026-07-31.
    OldCardTemporary,
    /// RULES.md "Other facts of the society's page".
    SocietyFacts,
    StayCapsCard,
    StayExtended,
    StayPending,
    StayLapsed,
    TokuteiZairyuCard,
}

impl Rule {
    /// The id used in RULES.md, in test names and in explanations.
    pub fn id(self) -> &'static str {
        match self {
            Rule::BirthdayCount => "birthday-count",
            Rule::LeapDayBirthday => "leap-day-birthday",
            Rule::CardValidity => "card-validity",
            Rule::CardValidityBefore2022 => "card-validity-before-2022-04",
            Rule::RenewalInWindow => "renewal-in-window",
            Rule::CertificateValidity => "certificate-validity",
            Rule::FromCardFace => "from-card-face",
            Rule::CertificateFace => "certificate-face",
            Rule::RenewalWindow => "renewal-window",
            Rule::RenewalBooking => "renewal-booking",
            Rule::ExpiryNotice => "expiry-notice",
            Rule::InsuranceGrace => "insurance-grace",
            Rule::SmartphoneNoGrace => "smartphone-no-grace",
            Rule::EligibilityCertificateValidity => "eligibility-certificate-validity",
            Rule::EligibilityCertificateReturn => "eligibility-certificate-return",
            Rule::EligibilityCertificateWho => "eligibility-certificate-who",
            Rule::WhatToBring => "what-to-bring",
            Rule::OldCardTemporary => "old-card-temporary",
            Rule::SocietyFacts => "society-facts",
            Rule::StayCapsCard => "stay-caps-card",
            Rule::StayExtended => "stay-extended",
            Rule::StayPending => "stay-pending",
            Rule::StayLapsed => "stay-lapsed",
            Rule::TokuteiZairyuCard => "tokutei-zairyu-card",
        }
    }

    /// The sources RULES.md gives for the rule (keys of its "Sources" table;
    /// citations are data, not words, so they stay here).
    pub fn source(self) -> &'static str {
        match self {
            Rule::BirthdayCount => "命令26条・JPKI規則49条",
            Rule::LeapDayBirthday => "命令26条2項",
            Rule::CardValidity => "命令26条1項・年齢計算ニ関スル法律・民法143条",
            Rule::CardValidityBefore2022 => "命令附則2条(令和4年デジタル庁・総務省令第2号)",
            Rule::RenewalInWindow => "命令29条3項・JPKI規則49条",
            Rule::CertificateValidity => "JPKI規則49条・society",
            Rule::FromCardFace => "命令26条・券面",
            Rule::CertificateFace => "券面の追記欄・マイナポータル・society",
            Rule::RenewalWindow => "練馬区・世田谷区・society",
            Rule::RenewalBooking => "society・J-CASTニュース 2026-02-27",
            Rule::ExpiryNotice => "society(J-LIS 有効期限通知書)",
            Rule::InsuranceGrace => "society・MHLW・協会けんぽ・多摩市",
            Rule::SmartphoneNoGrace => "society・スマホ",
            // The insurer's own facts: its profile (the page shows whose, and its sources).
            Rule::EligibilityCertificateValidity => "profile",
            Rule::EligibilityCertificateReturn => "profile",
            Rule::EligibilityCertificateWho => "profile",
            Rule::WhatToBring => "society・MHLW",
            Rule::OldCardTemporary => "事務連絡 2025-11-12・2026-03-19",
            Rule::SocietyFacts => "society",
            Rule::StayCapsCard => "三宅村・横手市・松戸市",
            Rule::StayExtended => "松戸市・三宅村・横手市",
            Rule::StayPending => "東海市・葛城市",
            Rule::StayLapsed => "松戸市・葛城市",
            Rule::TokuteiZairyuCard => "出入国在留管理庁(行政書士の案内による)",
        }
    }
}
