//! エラー: the one small error type of the JS API.
//!
//! Every error has a stable snake_case `code`, the input `field` at fault (or
//! none) and a message in the visitor's language. Codes never change once
//! published; messages may be improved.

use crate::rules::Lang;

/// The stable error codes (README: "Error codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The input is not a plain object.
    InvalidInput,
    /// A field has the wrong type (a number where a date string is expected).
    InvalidType,
    /// A required field is missing.
    MissingField,
    /// A key the function does not know.
    UnknownField,
    /// A value outside the allowed set (`membership: "boss"`).
    InvalidValue,
    /// Text that is not a date, or a date that does not exist (2月30日).
    InvalidDate,
    /// An era year outside its era (平成32年, 令和0年, 平成31年5月1日).
    InvalidEraYear,
    /// A date outside 1900-2200, or a card before 2016-01-01.
    OutOfRange,
    /// A card or certificate issued before the birthday.
    StartBeforeBirth,
    /// The day asked about is before the card or document existed.
    AsOfBeforeStart,
    /// A printed expiry no card can have.
    ImpossibleCardExpiry,
    /// Two answers that cannot both be true.
    InconsistentInput,
    /// `lang: "en"` asked of the Japanese-only build (www/pkg/): English
    /// texts are in the bilingual build (www/pkg-en/).
    LangUnavailable,
}

impl ErrorCode {
    /// The snake_case code as JS sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidEraYear => "invalid_era_year",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::StartBeforeBirth => "start_before_birth",
            ErrorCode::AsOfBeforeStart => "as_of_before_start",
            ErrorCode::ImpossibleCardExpiry => "impossible_card_expiry",
            ErrorCode::InconsistentInput => "inconsistent_input",
            ErrorCode::LangUnavailable => "lang_unavailable",
        }
    }

    /// Every code, for documentation and tests.
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::InvalidInput,
        ErrorCode::InvalidType,
        ErrorCode::MissingField,
        ErrorCode::UnknownField,
        ErrorCode::InvalidValue,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidEraYear,
        ErrorCode::OutOfRange,
        ErrorCode::StartBeforeBirth,
        ErrorCode::AsOfBeforeStart,
        ErrorCode::ImpossibleCardExpiry,
        ErrorCode::InconsistentInput,
        ErrorCode::LangUnavailable,
    ];
}

/// An error for the visitor: code, field, message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: ErrorCode,
    /// The input key at fault (`cardIssued`), if one is.
    pub field: Option<String>,
    pub message: String,
}

impl ApiError {
    /// An error with a message in the chosen language.
    pub fn new(code: ErrorCode, field: Option<&str>, lang: Lang, ja: &str, en: &str) -> Self {
        ApiError {
            code,
            field: field.map(str::to_string),
            message: lang.pick(ja, en).to_string(),
        }
    }
}
