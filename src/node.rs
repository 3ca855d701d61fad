//! 答えの木: an answer as a plain tree of objects, arrays, strings and numbers,
//! made by the answers' own `Serialize` impls (their serde names and skips)
//! through a serializer that cannot fail.
//!
//! Why: serde-wasm-bindgen instantiates its generic serializer once for every
//! type of every field, each with JS calls and error paths; that was about a
//! third of the engine's code. Serializing to this tree is a few pushes per
//! field, and serde-wasm-bindgen then converts just one type, `Node`.
//! `tests/cases.rs` checks that every case table's answer is the same tree as
//! serde_json makes of it.

use std::fmt;

use serde::ser::{self, Serialize, SerializeMap, SerializeSeq};

/// A JSON-like value.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Node>),
    /// Keys in order (answers list their fields in a fixed order).
    Obj(Vec<(String, Node)>),
}

impl Serialize for Node {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Num(n) => s.serialize_f64(*n),
            Node::Str(t) => s.serialize_str(t),
            Node::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Node::Obj(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// The tree of any `Serialize` value.
pub fn to_node<T: Serialize + ?Sized>(value: &T) -> Node {
    value.serialize(Tree).unwrap_or(Node::Null)
}

/// The error of a serializer that does not fail (serde's `custom` errors
/// are never asked for by the answers).
#[derive(Debug)]
pub struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not serializable")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

/// The serializer into `Node`.
struct Tree;

/// A sequence or struct being built.
struct Items(Vec<Node>);
/// A map or struct being built.
struct Fields(Vec<(String, Node)>, Option<String>);

impl ser::Serializer for Tree {
    type Ok = Node;
    type Error = Never;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Fields;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Fields;

    fn serialize_bool(self, v: bool) -> Result<Node, Never> {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Never> {
        Ok(Node::Num(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Never> {
        Ok(Node::Num(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<Node, Never> {
        Ok(Node::Num(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Node, Never> {
        Ok(Node::Num(v))
    }
    fn serialize_char(self, v: char) -> Result<Node, Never> {
        Ok(Node::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Never> {
        Ok(Node::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, Never> {
        Ok(Node::Arr(
            v.iter().map(|b| Node::Num((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, Never> {
        Ok(Node::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, Never> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Never> {
        Ok(Node::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Node, Never> {
        Ok(Node::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Node, Never> {
        Ok(Node::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Node, Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, Never> {
        Ok(Node::Obj(vec![(variant.to_string(), to_node(value))]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, Never> {
        Ok(Items(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Items, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Fields, Never> {
        Ok(Fields(Vec::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields, Never> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Fields, Never> {
        self.serialize_map(Some(len))
    }
}

impl ser::SerializeSeq for Items {
    type Ok = Node;
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.0.push(to_node(value));
        Ok(())
    }
    fn end(self) -> Result<Node, Never> {
        Ok(Node::Arr(self.0))
    }
}

impl ser::SerializeTuple for Items {
    type Ok = Node;
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Never> {
        SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Items {
    type Ok = Node;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Never> {
        SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Items {
    type Ok = Node;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Never> {
        SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Fields {
    type Ok = Node;
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.1 = Some(match to_node(key) {
            Node::Str(s) => s,
            _ => String::new(),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        let key = self.1.take().unwrap_or_default();
        self.0.push((key, to_node(value)));
        Ok(())
    }
    fn end(self) -> Result<Node, Never> {
        Ok(Node::Obj(self.0))
    }
}

impl ser::SerializeStruct for Fields {
    type Ok = Node;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.0.push((key.to_string(), to_node(value)));
        Ok(())
    }
    fn end(self) -> Result<Node, Never> {
        SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Fields {
    type Ok = Node;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Node, Never> {
        SerializeMap::end(self)
    }
}
