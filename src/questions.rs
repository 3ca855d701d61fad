//! 聞くこと: which questions apply to a visitor now, given the answers so
//! far (GOV.UK "ask only what changes the answer"). The page shows exactly
//! these keys, in this order; the answer's own `ask` adds what only a
//! computation can tell (`certificateRenewed`, `appliedBefore2022April`).

use crate::api::{RawObject, RawValue};
use crate::schema::{self, Required};
use crate::vocabulary::Reason;

/// One question: an input key, whether it must be answered now, and the
/// wording of `missing_field` when it is left empty (the variant, where the
/// engine has a more telling one than "fill this in").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub key: &'static str,
    pub required: bool,
    pub missing: Option<&'static str>,
}

/// The questions of `function` ("cardDates", "adviseDocuments",
/// "eligibilityCertificateDates") for the answers in `input` (read loosely:
/// a value that is not understood counts as not given). Unknown functions
/// have no questions.
pub fn questions(function: &str, input: &RawObject) -> Vec<Question> {
    let text = |key: &str| {
        input.0.iter().find_map(|(k, v)| match v {
            RawValue::Text(t) if k == key && !t.trim().is_empty() => Some(t.as_str()),
            _ => None,
        })
    };
    let given = |key: &str| {
        input.0.iter().any(|(k, v)| {
            k == key
                && !matches!(v, RawValue::Null)
                && !matches!(v, RawValue::Text(t) if t.is_empty())
        })
    };
    let is_false = |key: &str| {
        input
            .0
            .iter()
            .any(|(k, v)| k == key && matches!(v, RawValue::Bool(false)))
    };
    let is_true = |key: &str| {
        input
            .0
            .iter()
            .any(|(k, v)| k == key && matches!(v, RawValue::Bool(true)))
    };
    let Some((_, spec)) = schema::FUNCTIONS.iter().find(|(name, _)| *name == function) else {
        return Vec::new();
    };
    // The insurer's facts, where the input has a profile the engine can read.
    let profile = match input.0.iter().find(|(k, _)| k == "profile").map(|(_, v)| v) {
        Some(RawValue::Checked(p)) => Some((**p).clone()),
        Some(raw) => crate::profile::read(raw).ok(),
        None => None,
    };
    let applies = |key: &str| -> bool {
        match (function, key) {
            // cardDates: the card's own renewal matters only from its issue date;
            // the rest are asked when the answer says so, or kept once given.
            ("cardDates", "cardRenewedInWindow") => given("cardIssued"),
            (
                "cardDates",
                "appliedBefore2022April" | "certificateRenewed" | "certificateIssued",
            ) => given(key),
            ("cardDates", "certificateRenewedInWindow") => given("certificateIssued"),
            ("cardDates", "stayUntil") => is_true("periodOfStay"),
            // adviseDocuments: registration only with a card in hand (or lost,
            // or being renewed); the certificate and a phone only for a card
            // that may be registered; a cancelled registration only for one
            // that is not.
            ("adviseDocuments", "registered") => {
                matches!(text("card"), Some("have" | "lost" | "renewing"))
            }
            ("adviseDocuments", "certificate" | "smartphone") => {
                text("card") == Some("have") && !is_false("registered")
            }
            ("adviseDocuments", "registrationCancelled") => {
                matches!(text("card"), Some("have" | "lost" | "renewing")) && !is_true("registered")
            }
            ("adviseDocuments", "eligibilityCertificateIssued") => given(key),
            // Only for an insurer that lists it (日本郵政共済 ④).
            ("adviseDocuments", "protectedRecord") => profile
                .as_ref()
                .is_some_and(|p| p.issue_for(Reason::ProtectedRecord).is_some()),
            // A new member: only where the insurer sends one to new members
            // unasked, or gives theirs another validity (メルテック).
            ("adviseDocuments", "justJoined") => profile.as_ref().is_some_and(|p| {
                p.new_members_automatic
                    || (given("eligibilityCertificateIssued")
                        && p.validity_for.iter().any(|v| v.new_member.is_some()))
            }),
            // Only where the insurer's validity depends on it (メルテック, 日本郵政共済).
            ("eligibilityCertificateDates", "newMember") => profile
                .as_ref()
                .is_some_and(|p| p.validity_for.iter().any(|v| v.new_member.is_some())),
            // …or its renewal (日本郵政共済: automatic the first time only).
            ("eligibilityCertificateDates", "reason") => profile.as_ref().is_some_and(|p| {
                p.validity_for.iter().any(|v| !v.reasons.is_empty())
                    || !p.first_time_only.is_empty()
            }),
            (_, "asOf" | "profile") => false,
            _ => true,
        }
    };
    // The printed expiry of a 資格確認書 is always asked (it is on the
    // certificate, and wins), and needed when the insurer's dates cannot be
    // computed: validity `printed`, or one that depends on an answer not given.
    let printed_only = || {
        profile.as_ref().is_some_and(|p| {
            let how = crate::insurer::Issued {
                new_member: input.0.iter().find_map(|(k, v)| match v {
                    RawValue::Bool(b) if k == "newMember" => Some(*b),
                    _ => None,
                }),
                reason: text("reason").and_then(Reason::from_api),
            };
            let (validity, unsure) = p.validity_of(how);
            unsure || *validity == crate::profile::Validity::Printed
        })
    };
    let printed = function == "eligibilityCertificateDates" && printed_only();
    spec.iter()
        .filter(|f| applies(f.key))
        .map(|f| Question {
            key: f.key,
            missing: (printed && f.key == "expires")
                .then(|| crate::answer::Msg::MissingPrintedExpiry.def().variant)
                .flatten(),
            required: match f.required {
                _ if function == "eligibilityCertificateDates" && f.key == "expires" => printed,
                Required::Always => true,
                Required::Never => false,
                Required::OneOf(keys) => !keys.iter().any(|k| given(k)),
                Required::Unless { key, values } => !text(key).is_some_and(|v| values.contains(&v)),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: &[(&str, RawValue)]) -> RawObject {
        RawObject(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn keys(function: &str, pairs: &[(&str, RawValue)]) -> Vec<&'static str> {
        questions(function, &obj(pairs))
            .into_iter()
            .map(|q| q.key)
            .collect()
    }

    #[test]
    fn without_a_card_nothing_about_registration_is_asked() {
        let t = |s: &str| RawValue::Text(s.into());
        assert_eq!(
            keys(
                "adviseDocuments",
                &[("membership", t("insured")), ("card", t("none"))]
            ),
            [
                "membership",
                "card",
                "numberOnFile",
                "needsHelper",
                "eligibilityCertificateLost"
            ]
        );
        assert_eq!(
            keys(
                "adviseDocuments",
                &[("card", t("have")), ("registered", RawValue::Bool(true))]
            ),
            [
                "membership",
                "card",
                "registered",
                "certificate",
                "smartphone",
                "numberOnFile",
                "needsHelper",
                "eligibilityCertificateLost"
            ]
        );
        assert_eq!(
            keys(
                "adviseDocuments",
                &[("card", t("lost")), ("registered", RawValue::Bool(false))]
            ),
            [
                "membership",
                "card",
                "registered",
                "registrationCancelled",
                "numberOnFile",
                "needsHelper",
                "eligibilityCertificateLost"
            ]
        );
    }

    #[test]
    fn one_date_of_the_card_is_required_until_one_is_given() {
        let required = |pairs: &[(&str, RawValue)]| -> Vec<&'static str> {
            questions("cardDates", &obj(pairs))
                .into_iter()
                .filter(|q| q.required)
                .map(|q| q.key)
                .collect()
        };
        assert_eq!(
            required(&[]),
            [
                "birthday",
                "certificateExpires",
                "cardExpires",
                "cardIssued"
            ]
        );
        assert_eq!(
            required(&[("cardExpires", RawValue::Text("2029-09-18".into()))]),
            ["birthday"]
        );
        assert_eq!(
            keys(
                "cardDates",
                &[("cardIssued", RawValue::Text("2020-05-20".into()))]
            ),
            [
                "birthday",
                "certificateExpires",
                "cardExpires",
                "cardIssued",
                "cardRenewedInWindow",
                "smartphone",
                "periodOfStay"
            ]
        );
        // stay-caps-card: the end of the stay is asked only with a period of stay.
        assert!(keys("cardDates", &[("periodOfStay", RawValue::Bool(true))]).contains(&"stayUntil"));
        assert!(
            !keys("cardDates", &[("periodOfStay", RawValue::Bool(false))]).contains(&"stayUntil")
        );
    }
}
