//! 入力の形: every input key of every function, its type and when it is
//! required, as data. `api` reads inputs with it; the JS face exports it
//! (`inputSchema()`), so the page holds no copy of the key lists.

/// The type of an input value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// A date string ("2025-12-02", or any form `parseDate` reads).
    Date,
    /// true / false.
    Boolean,
    /// true / false, or "unknown" (「わからない」: the answer covers both).
    Answer,
    /// One of these strings.
    Choice(&'static [&'static str]),
    /// An insurer's profile (an object: README "Use it for your society").
    Profile,
}

/// When a key must be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Always,
    Never,
    /// At least one key of the group must be given.
    OneOf(&'static [&'static str]),
    /// Required unless `key` has one of `values`.
    Unless {
        key: &'static str,
        values: &'static [&'static str],
    },
}

/// One input key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub ty: FieldType,
    pub required: Required,
}

/// Writes each function's keys twice from one list: as `FieldSpec`s for the
/// engine, and as the JSON text `inputSchema()` hands to JS (made at compile
/// time, so the wasm carries a string rather than code to build it).
macro_rules! schema {
    ($($(#[$doc:meta])* $name:ident = $js:literal [$($key:literal : $ty:ident $(($($tyarg:tt)*))? , $req:ident $(($($reqarg:tt)*))?;)*])*) => {
        $(
            $(#[$doc])*
            pub const $name: &[FieldSpec] = &[$(FieldSpec {
                key: $key,
                ty: schema!(@ty $ty $(($($tyarg)*))?),
                required: schema!(@req $req $(($($reqarg)*))?),
            }),*];
        )*
        /// Every function's keys, by the function's JS name.
        pub const FUNCTIONS: [(&str, &[FieldSpec]); schema!(@count $($name)*)] = [$(($js, $name)),*];
        /// The schema as JSON: `{ "cardDates": [{ "key", "type", "choices"?, "required" }], … }`
        /// with `required` true, false, `{ "oneOf": [...] }` or `{ "unlessKey", "in": [...] }`.
        pub const JSON: &str = concat!("{", schema!(@join $(concat!("\"", $js, "\":[", schema!(@join $(concat!(
            "{\"key\":\"", $key, "\",",
            schema!(@tyjson $ty $(($($tyarg)*))?), ",",
            "\"required\":", schema!(@reqjson $req $(($($reqarg)*))?), "}"
        )),*), "]")),*), "}");
    };
    (@ty date) => { FieldType::Date };
    (@ty boolean) => { FieldType::Boolean };
    (@ty answer) => { FieldType::Answer };
    (@ty profile) => { FieldType::Profile };
    (@ty choice([$($c:literal),*])) => { FieldType::Choice(&[$($c),*]) };
    (@req always) => { Required::Always };
    (@req never) => { Required::Never };
    (@req one_of([$($k:literal),*])) => { Required::OneOf(&[$($k),*]) };
    (@req unless($k:literal, [$($v:literal),*])) => { Required::Unless { key: $k, values: &[$($v),*] } };
    (@tyjson date) => { "\"type\":\"date\"" };
    (@tyjson boolean) => { "\"type\":\"boolean\"" };
    (@tyjson answer) => { "\"type\":\"answer\"" };
    (@tyjson profile) => { "\"type\":\"profile\"" };
    (@tyjson choice([$($c:literal),*])) => { concat!("\"type\":\"choice\",\"choices\":[", schema!(@join $(concat!("\"", $c, "\"")),*), "]") };
    (@reqjson always) => { "true" };
    (@reqjson never) => { "false" };
    (@reqjson one_of([$($k:literal),*])) => { concat!("{\"oneOf\":[", schema!(@join $(concat!("\"", $k, "\"")),*), "]}") };
    (@reqjson unless($k:literal, [$($v:literal),*])) => { concat!("{\"unlessKey\":\"", $k, "\",\"in\":[", schema!(@join $(concat!("\"", $v, "\"")),*), "]}") };
    (@join) => { "" };
    (@join $first:expr $(, $rest:expr)*) => { concat!($first $(, ",", $rest)*) };
    (@count) => { 0 };
    (@count $first:ident $($rest:ident)*) => { 1 + schema!(@count $($rest)*) };
}

schema! {
    /// `cardDates`.
    CARD_DATES = "cardDates" [
        "birthday": date, always;
        "certificateExpires": date, one_of(["certificateExpires", "cardExpires", "cardIssued"]);
        "cardExpires": date, one_of(["certificateExpires", "cardExpires", "cardIssued"]);
        "cardIssued": date, one_of(["certificateExpires", "cardExpires", "cardIssued"]);
        "cardRenewedInWindow": boolean, never;
        "appliedBefore2022April": boolean, never;
        "certificateRenewed": choice(["yes", "no", "unknown"]), never;
        "certificateIssued": date, never;
        "certificateRenewedInWindow": boolean, never;
        "smartphone": boolean, never;
        "periodOfStay": boolean, never;
        "stayUntil": date, never;
        "asOf": date, never;
        "profile": profile, never;
    ]
    /// `eligibilityCertificateDates`.
    ELIGIBILITY_CERTIFICATE_DATES = "eligibilityCertificateDates" [
        "issued": date, always;
        "newMember": boolean, never;
        "reason": choice(["no-card", "not-registered", "certificate-expired", "card-returned", "registration-cancelled", "number-not-on-file", "card-lost", "card-renewing", "needs-helper", "eligibility-certificate-lost", "card-expired", "protected-record"]), never;
        "expires": date, never;
        "birthday": date, never;
        "membership": choice(["insured", "dependent", "voluntary-insured", "voluntary-dependent"]), never;
        "asOf": date, never;
        "profile": profile, always;
    ]
    /// `adviseDocuments`.
    ADVISE_DOCUMENTS = "adviseDocuments" [
        "membership": choice(["insured", "dependent", "voluntary-insured", "voluntary-dependent"]), always;
        "card": choice(["none", "have", "returned", "lost", "renewing", "expired"]), always;
        "registered": answer, unless("card", ["none", "returned", "expired"]);
        "certificate": choice(["valid", "renewable", "grace", "expired", "unknown"]), never;
        "smartphone": boolean, never;
        "registrationCancelled": boolean, never;
        "numberOnFile": answer, never;
        "needsHelper": boolean, never;
        "eligibilityCertificateLost": boolean, never;
        "protectedRecord": boolean, never;
        "justJoined": boolean, never;
        "eligibilityCertificateIssued": date, never;
        "asOf": date, never;
        "profile": profile, always;
    ]
}

/// The keys of a function's input.
pub fn keys(spec: &[FieldSpec]) -> Vec<&'static str> {
    spec.iter().map(|f| f.key).collect()
}

/// The choices of a key, empty for a key that is not a choice.
pub fn choices(spec: &[FieldSpec], key: &str) -> &'static [&'static str] {
    match spec.iter().find(|f| f.key == key).map(|f| f.ty) {
        Some(FieldType::Choice(c)) => c,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advice::CardState;
    use crate::certificate::CertificateStatus;
    use crate::eligibility::Membership;

    #[test]
    fn every_choice_is_a_value_the_engine_knows() {
        for (_, spec) in FUNCTIONS {
            for c in choices(spec, "membership") {
                assert!(Membership::from_api(c).is_some(), "{c}");
            }
            for c in choices(spec, "card") {
                assert!(CardState::from_api(c).is_some(), "{c}");
            }
            for c in choices(spec, "certificate") {
                assert!(CertificateStatus::from_api(c).is_some(), "{c}");
            }
        }
        assert_eq!(choices(ADVISE_DOCUMENTS, "membership"), Membership::API);
        assert_eq!(choices(ADVISE_DOCUMENTS, "card"), CardState::API);
        assert_eq!(
            choices(ELIGIBILITY_CERTIFICATE_DATES, "reason"),
            crate::vocabulary::Reason::API
        );
    }

    #[test]
    fn the_json_says_what_the_specs_say() {
        assert!(
            JSON.starts_with(r#"{"cardDates":[{"key":"birthday","type":"date","required":true},"#)
        );
        assert!(JSON.contains(r#"{"key":"cardIssued","type":"date","required":{"oneOf":["certificateExpires","cardExpires","cardIssued"]}}"#));
        assert!(JSON.contains(r#"{"key":"registered","type":"answer","required":{"unlessKey":"card","in":["none","returned","expired"]}}"#));
        assert!(JSON.contains(r#""type":"choice","choices":["none","have","returned","lost","renewing","expired"],"required":true"#));
        assert!(JSON.ends_with(r#"{"key":"profile","type":"profile","required":true}]}"#));
    }
}

/// The TypeScript declarations of the inputs (the JS API module adds `lang`).
/// `tests/web.rs` checks that they name exactly the keys above.
#[cfg(target_arch = "wasm32")]
pub mod declarations {
    use serde::Serialize;
    use tsify::Tsify;

    /// The input of `cardDates`: dates as "YYYY-MM-DD" or any form `parseDate` reads.
    #[derive(Tsify, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct CardDatesInput {
        /// 生年月日
        pub birthday: String,
        /// 電子証明書の有効期限, handwritten on the card or shown in マイナポータル.
        /// One of this, `cardExpires` or `cardIssued` is required.
        #[tsify(optional)]
        pub certificate_expires: Option<String>,
        /// 券面の有効期限 (「◯年◯月◯日まで有効」).
        #[tsify(optional)]
        pub card_expires: Option<String>,
        /// カードの発行日 (the day J-LIS made the card).
        #[tsify(optional)]
        pub card_issued: Option<String>,
        /// The card was renewed with fewer than 3 months left on the old one.
        #[tsify(optional)]
        pub card_renewed_in_window: Option<bool>,
        /// J-LIS received the application before 2022-04-01.
        #[tsify(optional)]
        pub applied_before_2022_april: Option<bool>,
        /// 電子証明書を更新しましたか (asked when the answer's `ask` has it).
        #[tsify(optional, type = "\"yes\" | \"no\" | \"unknown\"")]
        pub certificate_renewed: Option<String>,
        /// The certificate was issued or renewed separately on that day.
        #[tsify(optional)]
        pub certificate_issued: Option<String>,
        /// That renewal was within the last 3 months of the old certificate.
        #[tsify(optional)]
        pub certificate_renewed_in_window: Option<bool>,
        /// The マイナ保険証 is on a smartphone (no grace).
        #[tsify(optional)]
        pub smartphone: Option<bool>,
        /// A foreign resident whose residence card has a period of stay (not
        /// 永住者, 特別永住者 or 高度専門職2号): the card ends with the stay if
        /// that comes first, so its dates need not be birthdays.
        #[tsify(optional)]
        pub period_of_stay: Option<bool>,
        /// 在留期間の満了日 on the current residence card (with `periodOfStay`).
        #[tsify(optional)]
        pub stay_until: Option<String>,
        /// The day the status is for (default: today in Japan).
        #[tsify(optional)]
        pub as_of: Option<String>,
        /// The language of the words (default `ja`).
        #[tsify(optional, type = "Lang")]
        pub lang: Option<String>,
        /// The insurer's profile (default: the API module's, `init({ profile })`;
        /// here it only adds `insurance.eligibilityCertificateAfter`).
        #[tsify(optional, type = "Profile")]
        pub profile: Option<String>,
    }

    /// The input of `eligibilityCertificateDates`.
    #[derive(Tsify, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct EligibilityCertificateDatesInput {
        /// 資格確認書の交付日
        pub issued: String,
        /// It was issued to a new member (asked when the insurer's validity says so).
        #[tsify(optional)]
        pub new_member: Option<bool>,
        /// The reason it was issued for (asked when the insurer's validity depends on it).
        #[tsify(optional, type = "Reason")]
        pub reason: Option<String>,
        /// 有効期限 as printed on it (required when the insurer's validity is `printed`).
        #[tsify(optional)]
        pub expires: Option<String>,
        /// 生年月日 (it never runs past the day before the 75th birthday).
        #[tsify(optional)]
        pub birthday: Option<String>,
        /// 加入区分 (decides where it is returned).
        #[tsify(optional, type = "Membership")]
        pub membership: Option<String>,
        #[tsify(optional)]
        pub as_of: Option<String>,
        #[tsify(optional, type = "Lang")]
        pub lang: Option<String>,
        /// The insurer's profile (default: the API module's, `init({ profile })`).
        #[tsify(optional, type = "Profile")]
        pub profile: Option<String>,
    }

    /// The input of `adviseDocuments`.
    #[derive(Tsify, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct AdviseDocumentsInput {
        #[tsify(type = "Membership")]
        pub membership: String,
        #[tsify(
            type = "\"none\" | \"have\" | \"returned\" | \"lost\" | \"renewing\" | \"expired\""
        )]
        pub card: String,
        /// 健康保険証の利用登録済み (required unless `card` is none or returned;
        /// "unknown" gives an answer that holds either way).
        #[tsify(optional, type = "boolean | \"unknown\"")]
        pub registered: Option<String>,
        #[tsify(optional)]
        pub registration_cancelled: Option<bool>,
        #[tsify(optional, type = "CertificateStatus")]
        pub certificate: Option<String>,
        /// The insurer has the member's My Number (default true).
        #[tsify(optional, type = "boolean | \"unknown\"")]
        pub number_on_file: Option<String>,
        #[tsify(optional)]
        pub needs_helper: Option<bool>,
        #[tsify(optional)]
        pub eligibility_certificate_lost: Option<bool>,
        /// DV被害者などで資格情報を閲覧できない設定をしている (asked when the insurer lists it).
        #[tsify(optional)]
        pub protected_record: Option<bool>,
        /// 最近加入した (入社・扶養に入った): asked when the insurer sends new
        /// members one unasked (`newMembers`) or gives theirs another validity.
        #[tsify(optional)]
        pub just_joined: Option<bool>,
        #[tsify(optional)]
        pub smartphone: Option<bool>,
        #[tsify(optional)]
        pub eligibility_certificate_issued: Option<String>,
        #[tsify(optional)]
        pub as_of: Option<String>,
        #[tsify(optional, type = "Lang")]
        pub lang: Option<String>,
        #[tsify(optional, type = "Profile")]
        pub profile: Option<String>,
    }
}
