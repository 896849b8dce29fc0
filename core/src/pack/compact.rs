//! The compact form of the embedded national pack (`core/packs/cn.checked.bin`):
//! a small self-describing binary serde format, read once at start-up instead of
//! the checked pack's JSON.
//!
//! Layout: a string table, then one value. The table is a count, then each string
//! as its byte length and its UTF-8 bytes; every string in the value (map keys,
//! field names, texts, dates, decimals) is its index in the table, so a string used
//! many times (`"verified"`, a clause id) is stored once and read without copying
//! until a `String` is built from it. A value is a tag byte and its payload:
//!
//! | tag | value | payload |
//! |---|---|---|
//! | 0 | none / unit / `null` | — |
//! | 1 | some | the value |
//! | 2, 3 | `false`, `true` | — |
//! | 4 | unsigned integer | LEB128 |
//! | 5 | signed integer | zig-zag LEB128 |
//! | 6 | string | index in the table (LEB128) |
//! | 7 | sequence | count, then the items |
//! | 8 | map or struct | count, then key and value, alternately |
//! | 9 | enum variant | variant index, then its content (unit: tag 0) |
//! | 10 | `f64` | 8 bytes, little-endian |
//!
//! Structs are maps keyed by field name, so `#[serde(skip_serializing_if)]` and
//! `#[serde(default)]` mean what they mean in JSON. The format is generated and
//! read by this kit only (`core/tests/embedded.rs` keeps the committed file equal
//! to what `cn.json` gives); it is not a pack format and overlays stay JSON.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;

const NONE: u8 = 0;
const SOME: u8 = 1;
const FALSE: u8 = 2;
const TRUE: u8 = 3;
const UINT: u8 = 4;
const SINT: u8 = 5;
const STR: u8 = 6;
const SEQ: u8 = 7;
const MAP: u8 = 8;
const VARIANT: u8 = 9;
const F64: u8 = 10;

/// A problem writing or reading the compact form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// `value` in the compact form.
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut w = Writer::default();
    value.serialize(&mut w)?;
    let mut out = Vec::with_capacity(w.body.len() + w.table_bytes);
    uint(&mut out, w.table.len() as u64);
    for s in &w.table {
        uint(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&w.body);
    Ok(out)
}

/// Reads a value written by [`to_bytes`] from bytes that live for the whole run
/// (the embedded pack), borrowing its strings.
pub fn from_bytes<T: de::Deserialize<'static>>(bytes: &'static [u8]) -> Result<T, Error> {
    let mut r = Reader {
        bytes,
        pos: 0,
        table: Vec::new(),
    };
    let n = r.len()?;
    r.table.reserve(n);
    for _ in 0..n {
        let len = r.len()?;
        let raw = r.take(len)?;
        r.table
            .push(std::str::from_utf8(raw).map_err(|_| Error("not UTF-8".into()))?);
    }
    let value = T::deserialize(&mut r)?;
    if r.pos != bytes.len() {
        return Err(Error("trailing bytes".into()));
    }
    Ok(value)
}

fn uint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[derive(Default)]
struct Writer {
    body: Vec<u8>,
    table: Vec<String>,
    index: HashMap<String, u64>,
    table_bytes: usize,
}

impl Writer {
    fn tag(&mut self, tag: u8) {
        self.body.push(tag);
    }
    fn uint(&mut self, n: u64) {
        uint(&mut self.body, n);
    }
    fn str(&mut self, s: &str) {
        let i = match self.index.get(s) {
            Some(&i) => i,
            None => {
                let i = self.table.len() as u64;
                self.table.push(s.to_string());
                self.index.insert(s.to_string(), i);
                self.table_bytes += s.len() + 2;
                i
            }
        };
        self.tag(STR);
        self.uint(i);
    }
}

fn count(len: Option<usize>) -> Result<u64, Error> {
    len.map(|n| n as u64)
        .ok_or_else(|| Error("a sequence or map of unknown length".into()))
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tag(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.tag(SINT);
        self.uint(((v << 1) ^ (v >> 63)) as u64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.tag(UINT);
        self.uint(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tag(F64);
        self.body.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes are not part of the compact form".into()))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.tag(NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        self.tag(SOME);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tag(NONE);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, i: u32, _: &'static str) -> Result<(), Error> {
        self.tag(VARIANT);
        self.uint(i.into());
        self.tag(NONE);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.tag(VARIANT);
        self.uint(i.into());
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Error> {
        self.tag(SEQ);
        self.uint(count(len)?);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Self, Error> {
        self.tag(VARIANT);
        self.uint(i.into());
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Error> {
        self.tag(MAP);
        self.uint(count(len)?);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self, Error> {
        // serde's derive counts only the fields `skip_serializing_if` keeps.
        self.tag(MAP);
        self.uint(len as u64);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Self, Error> {
        self.tag(VARIANT);
        self.uint(i.into());
        self.serialize_struct("", len)
    }
}

impl ser::SerializeSeq for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl Writer {
    fn field<T: Serialize + ?Sized>(&mut self, k: &'static str, v: &T) -> Result<(), Error> {
        self.str(k);
        v.serialize(&mut *self)
    }
}

impl ser::SerializeStruct for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

struct Reader {
    bytes: &'static [u8],
    pos: usize,
    table: Vec<&'static str>,
}

impl Reader {
    fn eof() -> Error {
        Error("unexpected end".into())
    }
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self.bytes.get(self.pos).ok_or_else(Reader::eof)?;
        self.pos += 1;
        Ok(b)
    }
    fn peek(&self) -> Result<u8, Error> {
        self.bytes.get(self.pos).copied().ok_or_else(Reader::eof)
    }
    fn take(&mut self, n: usize) -> Result<&'static [u8], Error> {
        let end = self.pos.checked_add(n).ok_or_else(Reader::eof)?;
        let s = self.bytes.get(self.pos..end).ok_or_else(Reader::eof)?;
        self.pos = end;
        Ok(s)
    }
    #[inline(never)]
    fn uint(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift > 63 {
                return Err(Error("integer too long".into()));
            }
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
        }
    }
    fn len(&mut self) -> Result<usize, Error> {
        usize::try_from(self.uint()?).map_err(|_| Error("length too large".into()))
    }
    #[inline(never)]
    fn str(&mut self) -> Result<&'static str, Error> {
        let i = self.len()?;
        self.table
            .get(i)
            .copied()
            .ok_or_else(|| Error("string index out of range".into()))
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader
where
    'de: 'static,
{
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.byte()? {
            NONE => v.visit_unit(),
            SOME => v.visit_some(self),
            FALSE => v.visit_bool(false),
            TRUE => v.visit_bool(true),
            UINT => v.visit_u64(self.uint()?),
            SINT => {
                self.pos -= 1;
                match self.int()? {
                    Int::U(n) => v.visit_u64(n),
                    Int::I(n) => v.visit_i64(n),
                }
            }
            STR => v.visit_borrowed_str(self.str()?),
            SEQ => {
                let n = self.len()?;
                v.visit_seq(Items { r: self, left: n })
            }
            MAP => {
                let n = self.len()?;
                v.visit_map(Items { r: self, left: n })
            }
            VARIANT => v.visit_enum(self),
            F64 => {
                let b = self.take(8)?;
                let mut a = [0; 8];
                a.copy_from_slice(b);
                v.visit_f64(f64::from_le_bytes(a))
            }
            t => Err(unexpected(t)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.peek()? {
            NONE => {
                self.pos += 1;
                v.visit_none()
            }
            SOME => {
                self.pos += 1;
                v.visit_some(self)
            }
            _ => v.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.byte()? {
            VARIANT => v.visit_enum(self),
            t => Err(unexpected(t)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.byte()? {
            FALSE => v.visit_bool(false),
            TRUE => v.visit_bool(true),
            t => Err(unexpected(t)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.int()? {
            Int::U(n) => v.visit_u64(n),
            Int::I(n) => v.visit_i64(n),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_i64(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.expect(STR)?;
        v.visit_borrowed_str(self.str()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.expect(NONE)?;
        v.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.expect(SEQ)?;
        let n = self.len()?;
        v.visit_seq(Items { r: self, left: n })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.expect(MAP)?;
        let n = self.len()?;
        v.visit_map(Items { r: self, left: n })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(v)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.skip()?;
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 f64 bytes byte_buf
    }
}

enum Int {
    U(u64),
    I(i64),
}

#[cold]
#[inline(never)]
fn unexpected(tag: u8) -> Error {
    Error(format!("unexpected tag {tag}"))
}

impl Reader {
    #[inline(never)]
    fn expect(&mut self, tag: u8) -> Result<(), Error> {
        match self.byte()? {
            t if t == tag => Ok(()),
            t => Err(unexpected(t)),
        }
    }

    #[inline(never)]
    fn int(&mut self) -> Result<Int, Error> {
        match self.byte()? {
            UINT => Ok(Int::U(self.uint()?)),
            SINT => {
                let z = self.uint()?;
                Ok(Int::I(((z >> 1) as i64) ^ -((z & 1) as i64)))
            }
            t => Err(unexpected(t)),
        }
    }

    /// Steps over one value (an unknown field's).
    fn skip(&mut self) -> Result<(), Error> {
        match self.byte()? {
            NONE | FALSE | TRUE => Ok(()),
            SOME => self.skip(),
            UINT | SINT | STR => self.uint().map(drop),
            SEQ => (0..self.len()?).try_for_each(|_| self.skip()),
            MAP => (0..self.len()? * 2).try_for_each(|_| self.skip()),
            VARIANT => {
                self.uint()?;
                self.skip()
            }
            F64 => self.take(8).map(drop),
            t => Err(unexpected(t)),
        }
    }
}

struct Items<'a> {
    r: &'a mut Reader,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_>
where
    'de: 'static,
{
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.r).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_>
where
    'de: 'static,
{
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.r).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.r)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader
where
    'de: 'static,
{
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let i = u32::try_from(self.uint()?).map_err(|_| Error("variant index too large".into()))?;
        let value = seed.deserialize(i.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader
where
    'de: 'static,
{
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.byte()? {
            NONE => Ok(()),
            t => Err(unexpected(t)),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, v)
    }
}
