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
//! - [`card`]: card and certificate validity, renewal, notice, grace, status
//! - [`eligibility`]: 資格確認書 validity and return
//! - [`advice`]: who gets a 資格確認書 (①-⑩), what to bring, what to do
//! - [`rules`]: rule ids, sources, steps and notes
//! - [`api`]: the JS contract in plain Rust (inputs, validation, errors)

pub mod advice;
pub mod api;
pub mod card;
pub mod date;
pub mod eligibility;
pub mod error;
pub mod parse;
pub mod rules;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
