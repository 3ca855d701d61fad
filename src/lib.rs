//! myna-hoken: マイナ保険証・資格確認書の計算機 (the calculator a health insurance
//! society embeds so that members can see when their My Number card and its
//! electronic certificate expire, and which documents they need at a clinic).
//!
//! The rules are those of `shared/RULES.md`; every computation names its rule
//! id. The core modules never read the clock and never import wasm-bindgen;
//! `wasm` (wasm32 only) is the thin JS face.
//!
//! - [`date`]: calendar only (birthdays, legal age, month shifts, 和暦)
//! - [`parse`]: reading dates typed by visitors
//! - [`card`]: the card's validity, renewal window and expiry notice
//! - [`certificate`]: the certificate's expiry, status and the grace
//! - [`card_dates`]: the `cardDates` answer, put together from the facts
//! - [`card_said`]: what it says: headline, next step, notes
//! - [`stay`]: a card that ends with a foreign resident's period of stay
//! - [`eligibility`]: 資格確認書 validity, who gets one (①-⑩), delivery, return
//! - [`advice`]: what to bring, what to do
//! - [`vocabulary`]: the values every layer shares (memberships, reasons, routes)
//! - [`insurer`]: one insurer's facts (validity, reasons, routes) as read
//! - [`profile`]: the profile's contract: one table that checks and reads a profile
//! - [`raw`]: an input as the JS face hands it over
//! - [`answer`]: what the engine says, as message codes and typed values
//! - [`rules`]: rule ids and sources
//! - [`schema`]: every input key, its type and when it is required
//! - [`questions`]: which questions apply now, given the answers so far
//! - [`api`]: the JS contract in plain Rust (inputs, validation, errors)
//!
//! No visitor-facing sentence lives in Rust: the engine answers in codes and
//! values, and `www/words/*.json` hold the words of each language.

/// An enum whose API value is a string (`"voluntary-insured"`): its values
/// in one table, `as_str` / `from_api`, a `Serialize` as that string, and its
/// TypeScript union type, all from the one list of variants.
macro_rules! api_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// The API values, in the order of the variants.
            pub const API: &'static [&'static str] = &[$($text),*];
            /// Every variant, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The API value.
            pub fn as_str(self) -> &'static str {
                Self::API.get(self as usize).copied().unwrap_or("")
            }

            /// The variant for an API value.
            pub fn from_api(s: &str) -> Option<Self> {
                let i = Self::API.iter().position(|t| *t == s)?;
                Self::ALL.get(i).copied()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(target_arch = "wasm32")]
        const _: () = {
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const TS: &str = concat!(
                "export type ", stringify!($name), " = ",
                api_enum!(@union $($text),*), ";"
            );
        };
    };
    (@union $first:literal $(, $rest:literal)*) => { concat!("\"", $first, "\"" $(, " | \"", $rest, "\"")*) };
}

pub mod advice;
pub mod answer;
pub mod api;
pub mod card;
pub mod card_dates;
pub mod card_said;
pub mod certificate;
pub mod date;
pub mod eligibility;
pub mod error;
pub mod explained;
pub mod insurer;
pub mod node;
pub mod parse;
pub mod profile;
pub mod questions;
pub mod raw;
pub mod rules;
pub mod schema;
pub mod stay;
pub mod text;
pub mod vocabulary;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
