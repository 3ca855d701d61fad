//! エラー: the one small error type of the JS API.
//!
//! Every error has a stable snake_case `code`, the input `field` the visitor
//! typed that is at fault (or none), and `values`; its message is a catalog
//! entry (`errors.<code>` or `errors.<code>.<variant>`) that the JS API module
//! fills in the visitor's language. Codes never change once published;
//! wordings may be improved.

use crate::answer::{Kind, Msg, Values};

/// An error for the visitor: which message, which field, which values
/// (read through `Deref`: `e.msg`, `e.field`, `e.values`). Boxed, so that every
/// `Result<_, ApiError>` the engine passes around is one pointer wide rather
/// than a message, a string and a list (1.6 KB less wasm: fewer copies).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError(Box<Detail>);

/// What an error says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub msg: Msg,
    /// The input key at fault (`cardIssued`), if one is.
    pub field: Option<String>,
    pub values: Values,
}

impl core::ops::Deref for ApiError {
    type Target = Detail;
    fn deref(&self) -> &Detail {
        &self.0
    }
}

impl ApiError {
    /// An error on `field` (or on no field).
    pub fn new(msg: Msg, field: Option<&str>) -> Self {
        ApiError::with(msg, field, Values::new())
    }

    /// An error on `field` with values.
    pub fn with(msg: Msg, field: Option<&str>, values: Values) -> Self {
        debug_assert_eq!(msg.def().kind, Kind::Error, "{msg:?} is not an error");
        ApiError(Box::new(Detail {
            msg,
            field: field.map(str::to_string),
            values,
        }))
    }

    /// The stable code (`invalid_date`).
    pub fn code(&self) -> &'static str {
        self.msg.code()
    }

    /// The wording of the code, if there are several (`no_such_day`).
    pub fn variant(&self) -> Option<&'static str> {
        self.msg.def().variant
    }
}

/// Every error code the engine can throw, once each, in the order of [`Msg::ALL`].
pub fn all_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for m in Msg::ALL {
        let d = m.def();
        if d.kind == Kind::Error && !codes.contains(&d.code) {
            codes.push(d.code);
        }
    }
    codes
}
