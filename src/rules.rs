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
    /// Every rule.
    pub const ALL: &'static [Rule] = &[
        Rule::BirthdayCount,
        Rule::LeapDayBirthday,
        Rule::CardValidity,
        Rule::CardValidityBefore2022,
        Rule::RenewalInWindow,
        Rule::CertificateValidity,
        Rule::FromCardFace,
        Rule::CertificateFace,
        Rule::RenewalWindow,
        Rule::RenewalBooking,
        Rule::ExpiryNotice,
        Rule::InsuranceGrace,
        Rule::SmartphoneNoGrace,
        Rule::EligibilityCertificateValidity,
        Rule::EligibilityCertificateReturn,
        Rule::EligibilityCertificateWho,
        Rule::WhatToBring,
        Rule::OldCardTemporary,
        Rule::SocietyFacts,
        Rule::StayCapsCard,
        Rule::StayExtended,
        Rule::StayPending,
        Rule::StayLapsed,
        Rule::TokuteiZairyuCard,
    ];

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

    /// The sources RULES.md gives for the rule: keys of its "Sources" table
    /// (and a few more), each with the article or part where it says so. The
    /// titles and addresses are data beside the catalogs (`www/sources.json`);
    /// `profile` is the insurer's own pages (its profile's `sources`).
    pub fn sources(self) -> &'static [SourceRef] {
        const fn at(key: &'static str, detail: &'static str) -> SourceRef {
            SourceRef {
                key,
                detail: Some(detail),
            }
        }
        const fn of(key: &'static str) -> SourceRef {
            SourceRef { key, detail: None }
        }
        match self {
            Rule::BirthdayCount => const { &[at("命令", "26条"), at("JPKI規則", "49条")] },
            Rule::LeapDayBirthday => const { &[at("命令", "26条2項")] },
            Rule::CardValidity => {
                const {
                    &[
                        at("命令", "26条1項"),
                        of("年齢計算ニ関スル法律"),
                        at("民法", "143条"),
                    ]
                }
            }
            Rule::CardValidityBefore2022 => {
                const { &[at("命令", "附則2条(令和4年デジタル庁・総務省令第2号)")] }
            }
            Rule::RenewalInWindow => const { &[at("命令", "29条3項"), at("JPKI規則", "49条")] },
            Rule::CertificateValidity => const { &[at("JPKI規則", "49条"), of("society")] },
            Rule::FromCardFace => const { &[at("命令", "26条"), of("券面")] },
            Rule::CertificateFace => {
                const { &[of("券面"), of("マイナポータル"), of("society")] }
            }
            Rule::RenewalWindow => {
                const {
                    &[
                        of("練馬区"),
                        of("世田谷区"),
                        of("呉市"),
                        of("岡崎市"),
                        of("society"),
                    ]
                }
            }
            Rule::RenewalBooking => const { &[of("society"), of("J-CAST")] },
            Rule::ExpiryNotice => const { &[of("society")] },
            Rule::InsuranceGrace => {
                const {
                    &[
                        of("society"),
                        of("MHLW"),
                        of("協会けんぽ"),
                        of("多摩市"),
                        of("松山市"),
                        of("いわき市"),
                    ]
                }
            }
            Rule::SmartphoneNoGrace => {
                const { &[of("society"), of("スマホ"), at("JPKI規則", "59条の9")] }
            }
            // The insurer's own facts: its profile (the page shows whose, and its sources).
            Rule::EligibilityCertificateValidity
            | Rule::EligibilityCertificateReturn
            | Rule::EligibilityCertificateWho => const { &[of("profile")] },
            Rule::WhatToBring => const { &[of("society"), of("MHLW")] },
            Rule::OldCardTemporary => const { &[of("事務連絡")] },
            Rule::SocietyFacts => const { &[of("society")] },
            Rule::StayCapsCard => const { &[of("三宅村"), of("横手市"), of("松戸市")] },
            Rule::StayExtended => const { &[of("松戸市"), of("三宅村"), of("横手市")] },
            Rule::StayPending => const { &[of("東海市"), of("葛城市")] },
            Rule::StayLapsed => const { &[of("松戸市"), of("葛城市")] },
            Rule::TokuteiZairyuCard => const { &[of("入管")] },
        }
    }
}

/// One source of a rule: a key of the sources list, and where in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SourceRef {
    pub key: &'static str,
    /// The article or part (「26条」), if the rule names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub detail: Option<&'static str>,
}
