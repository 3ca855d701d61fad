//! 生の入力: an input as the JS face hands it over — each value only as much as
//! the engine needs to know of it (absent, true/false, a number, a text, a
//! nested object or list for a profile). Below the API and the profile reader.

use crate::insurer::Profile;

/// One input value, as much as the engine needs to know about it.
#[derive(Clone, Debug)]
pub enum RawValue {
    /// `null` or `undefined`: treated as absent.
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// A value the engine does not read (a function, a symbol…).
    Other,
    /// A nested object (read only for `profile`).
    Object(RawObject),
    /// An array (read only inside `profile`).
    Array(Vec<RawValue>),
    /// A profile read and checked before (the JS face's `setProfile`), for
    /// inputs that carry none: not read again at every call.
    Checked(Box<Profile>),
}

/// An input object: its keys in order, with their values.
#[derive(Clone, Debug, Default)]
pub struct RawObject(pub Vec<(String, RawValue)>);
