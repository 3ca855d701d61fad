//! 規則: the rule ids of `shared/RULES.md`, their sources, and the pieces of
//! text every explanation is built from.

use serde::Serialize;

/// 言語: the language of texts and messages (`lang` input key; `ja` default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Chooses between a Japanese and an English text. Without the `en`
    /// feature (the page's default download) this is always the Japanese
    /// one, so the linker drops every English text from the wasm.
    #[inline(always)]
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        if self.is_en() {
            en
        } else {
            ja
        }
    }

    /// English, in a build that has English texts (`en` feature).
    #[inline(always)]
    pub fn is_en(self) -> bool {
        cfg!(feature = "en") && self == Lang::En
    }
}

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
    RenewalWindow,
    ExpiryNotice,
    InsuranceGrace,
    SmartphoneNoGrace,
    EligibilityCertificateValidity,
    EligibilityCertificateReturn,
    EligibilityCertificateWho,
    /// RULES.md "What to bring to a clinic".
    WhatToBring,
    /// RULES.md "Other facts of the society's page".
    SocietyFacts,
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
            Rule::RenewalWindow => "renewal-window",
            Rule::ExpiryNotice => "expiry-notice",
            Rule::InsuranceGrace => "insurance-grace",
            Rule::SmartphoneNoGrace => "smartphone-no-grace",
            Rule::EligibilityCertificateValidity => "eligibility-certificate-validity",
            Rule::EligibilityCertificateReturn => "eligibility-certificate-return",
            Rule::EligibilityCertificateWho => "eligibility-certificate-who",
            Rule::WhatToBring => "what-to-bring",
            Rule::SocietyFacts => "society-facts",
        }
    }

    /// The sources RULES.md gives for the rule (keys of its "Sources" table).
    pub fn source(self) -> &'static str {
        match self {
            Rule::BirthdayCount => "命令26条・JPKI規則49条",
            Rule::LeapDayBirthday => "命令26条2項",
            Rule::CardValidity => "命令26条1項・年齢計算ニ関スル法律・民法143条",
            Rule::CardValidityBefore2022 => "命令附則2条(令和4年デジタル庁・総務省令第2号)",
            Rule::RenewalInWindow => "命令29条3項・JPKI規則49条",
            Rule::CertificateValidity => "JPKI規則49条・society",
            Rule::FromCardFace => "命令26条・券面",
            Rule::RenewalWindow => "練馬区・世田谷区・society",
            Rule::ExpiryNotice => "society(J-LIS 有効期限通知書)",
            Rule::InsuranceGrace => "society・MHLW・協会けんぽ・多摩市",
            Rule::SmartphoneNoGrace => "society",
            Rule::EligibilityCertificateValidity => "society",
            Rule::EligibilityCertificateReturn => "society",
            Rule::EligibilityCertificateWho => "society ①-⑩",
            Rule::WhatToBring => "society・MHLW",
            Rule::SocietyFacts => "society",
        }
    }
}

/// One line of the explanation: which rule, what it gave, where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub rule: &'static str,
    pub text: String,
    pub source: &'static str,
}

impl Step {
    /// A step for `rule` with the text in the chosen language.
    pub fn new(rule: Rule, text: String) -> Self {
        Step {
            rule: rule.id(),
            text,
            source: rule.source(),
        }
    }
}

/// A note: something the visitor should know that is not a computed date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
}

impl Note {
    /// A note with a message in the chosen language.
    pub fn new(code: &'static str, lang: Lang, ja: &str, en: &str) -> Self {
        Note {
            code,
            message: lang.pick(ja, en).to_string(),
        }
    }

    /// A note whose message is already in the chosen language.
    pub fn filled(code: &'static str, message: String) -> Self {
        Note { code, message }
    }
}

/// The society's contact points and numbers quoted in texts (society page).
pub mod contact {
    /// マイナンバー総合フリーダイヤル (24 hours for a lost card).
    pub const MYNUMBER_FREE_DIAL: &str = "0120-95-0178";
}
