//! `validateId`, `validateIds`, `isValidId` and `validateForm`: identity and
//! registration numbers.

use crate::convert::call;
use wasm_bindgen::prelude::*;

/// Validates an identity or registration number and explains every problem.
///
/// `kind` is one of `"residentId" | "uscc" | "disabilityCert" | "bankCard" |
/// "mobile"`; `options.lang` is `"zh-CN"` (default) or `"en"`; `options.today`
/// (`"YYYY-MM-DD"`) is the date a birth date may not be after (default: today on
/// this device). Throws a `ZhuchuangError` for a wrong kind or a non-string value.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateId, skip_typescript))]
pub fn validate_id(
    kind: JsValue,
    value: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(
        "validateId",
        &[(&kind, "kind"), (&value, "value")],
        options.as_ref(),
    )
}

/// Checks many numbers of one kind in one call (a ledger's column): one
/// `{ valid, normalized? }` per value, in order; `normalized` only for a valid
/// number. No messages are built: call `validateId` on a number to learn why it
/// is invalid. Throws a `ZhuchuangError` for a wrong kind or when `values` is not
/// an array of strings.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateIds, skip_typescript))]
pub fn validate_ids(
    kind: JsValue,
    values: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    if let Some(answer) = validate_ids_fast(&kind, &values, options.as_ref()) {
        return answer;
    }
    call(
        "validateIds",
        &[(&kind, "kind"), (&values, "values")],
        options.as_ref(),
    )
}

// The JavaScript side of the fast paths: what Rust cannot do in one crossing
// of the boundary. No rule lives here: it only copies strings' UTF-16 code
// units into wasm memory and builds the entries `validateIds` documents.
#[wasm_bindgen(inline_js = r#"
let units = null, lastKind = null;
const view = (mem) => (units === null || units.length === 0 ? (units = new Uint16Array(mem.buffer)) : units);
export function zcStageId(mem, at, cap, kind, value) {
  if (typeof kind !== 'string' || typeof value !== 'string') return -1;
  const k = kind.length, n = value.length;
  if (k > 32 || n > cap) return -2;
  const u = view(mem), p = at >>> 1;
  for (let i = 0; i < n; i++) u[p + 32 + i] = value.charCodeAt(i);
  if (kind === lastKind) return k | (n << 8) | (1 << 30);
  lastKind = kind;
  for (let i = 0; i < k; i++) u[p + i] = kind.charCodeAt(i);
  return k | (n << 8);
}
export function zcMeasureIds(values) {
  if (!Array.isArray(values)) return -1;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') return -1;
    total += v.length;
  }
  return total;
}
export function zcStageIds(mem, values, unitsAt, endsAt) {
  const u = view(mem), ends = new Uint32Array(mem.buffer, endsAt, values.length);
  let p = unitsAt >>> 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    for (let k = 0; k < v.length; k++) u[p++] = v.charCodeAt(k);
    ends[i] = p - (unitsAt >>> 1);
  }
}
export function zcBriefs(values, flags, text) {
  const parts = text.split('\n');
  const out = new Array(flags.length);
  for (let i = 0, j = 0; i < flags.length; i++) {
    const f = flags[i];
    out[i] = f === 0 ? { valid: false } : { valid: true, normalized: f === 1 ? values[i] : parts[j++] };
  }
  return out;
}
"#)]
extern "C" {
    /// Writes `kind`'s and `value`'s UTF-16 code units into wasm memory at byte
    /// `at` (kind's first, value's 32 units further on, at most `cap` of them);
    /// returns `kind.length | value.length << 8`, with bit 30 set (and kind's
    /// units not written again) when kind is the string of the call before;
    /// -1 when either is not a string, -2 when one is too long to stage.
    #[wasm_bindgen(js_name = zcStageId)]
    fn stage_id(memory: &JsValue, at: u32, cap: u32, kind: &JsValue, value: &JsValue) -> i32;
    /// The number of UTF-16 code units of all values, or -1 unless `values` is
    /// an array of strings.
    #[wasm_bindgen(js_name = zcMeasureIds)]
    fn measure_ids(values: &JsValue) -> f64;
    /// Writes every value's code units one after the other at byte `units_at`
    /// and where each ends (in units) at byte `ends_at`.
    #[wasm_bindgen(js_name = zcStageIds)]
    fn stage_ids(memory: &JsValue, values: &JsValue, units_at: u32, ends_at: u32);
    /// Builds the `{ valid, normalized? }` entries from one flag per value: 0
    /// invalid, 1 valid and already written as it should be (the value itself
    /// is the normalised form), 2 valid with the next line of `text` as its
    /// normalised form.
    #[wasm_bindgen(js_name = zcBriefs)]
    fn briefs(values: &JsValue, flags: &[u8], text: &str) -> JsValue;
}

/// The values' code units in with one copy, the answers out as one flag per
/// value plus the normalised forms that differ from their values (one text):
/// four crossings for the whole batch. `None` sends anything else (not an array
/// of strings, options this path does not read) to `call`, which gives the same
/// answer or names what is wrong.
fn validate_ids_fast(
    kind: &JsValue,
    values: &JsValue,
    options: Option<&JsValue>,
) -> Option<Result<JsValue, JsValue>> {
    let kind = crate::api::parse_id_kind(&kind.as_string()?).ok()?;
    let total = measure_ids(values);
    if total < 0.0 {
        return None;
    }
    let options = fast_options(options)?;
    let count = values.unchecked_ref::<js_sys::Array>().length() as usize;
    let mut units = vec![0u16; total as usize];
    let mut ends = vec![0u32; count];
    MEMORY.with(|m| {
        stage_ids(
            m,
            values,
            units.as_mut_ptr() as usize as u32,
            ends.as_mut_ptr() as usize as u32,
        )
    });
    let mut flags = Vec::with_capacity(count);
    let mut changed = String::new();
    let mut scratch = String::new();
    let mut start = 0;
    for &end in &ends {
        let value = &units[start..end as usize];
        start = end as usize;
        let flag = match zhuchuang_core::ids::brief_of_utf16(kind, value, &options, &mut scratch) {
            None => 0,
            Some(n)
                if n.len() == value.len()
                    && n.bytes().zip(value).all(|(b, &u)| u16::from(b) == u) =>
            {
                1
            }
            Some(n) => {
                changed.push_str(n);
                changed.push('\n');
                2
            }
        };
        flags.push(flag);
    }
    Some(Ok(briefs(values, &flags, &changed)))
}

/// The batch fast path's options: `options.today`, else today on this device.
/// `None` (use `call`) for options `call` would refuse or this path cannot read.
fn fast_options(options: Option<&JsValue>) -> Option<zhuchuang_core::ids::IdOptions> {
    let mut o = zhuchuang_core::ids::IdOptions::default();
    if let Some(given) = options.filter(|v| !v.is_undefined() && !v.is_null()) {
        let json = crate::convert::json(given, "options").ok()?;
        // The checks `call` makes of the options (a bad date, an unknown
        // language), on no values.
        let kind = zhuchuang_core::ids::IdKind::Mobile;
        crate::api::validate_ids_text(kind, "[]", &json, today_cached())?.ok()?;
        o = serde_json::from_value(json).ok()?;
    }
    o.today = o.today.or_else(|| Some(today_cached()));
    Some(o)
}

/// `isValidId`'s staging area: 32 code units of kind, then the value's.
const VALUE_UNITS: usize = 224;

thread_local! {
    static MEMORY: JsValue = wasm_bindgen::memory();
    static STAGE: std::cell::UnsafeCell<[u16; 32 + VALUE_UNITS]> =
        const { std::cell::UnsafeCell::new([0; 32 + VALUE_UNITS]) };
    /// Today, and the span of time (ms since the epoch) it lasts on this device.
    static TODAY: std::cell::Cell<(f64, f64, chrono::NaiveDate)> =
        const { std::cell::Cell::new((0.0, 0.0, chrono::NaiveDate::MIN)) };
    /// The kind `isValidId` staged last, once it named one.
    static LAST_KIND: std::cell::Cell<Option<zhuchuang_core::ids::IdKind>> =
        const { std::cell::Cell::new(None) };
}

/// Today's date on this device (as [`crate::convert::today`]), reading the
/// calendar again only when the clock has left the day last read: one
/// `Date.now()` per call otherwise.
fn today_cached() -> chrono::NaiveDate {
    let now = js_sys::Date::now();
    TODAY.with(|cell| {
        let (from, until, day) = cell.get();
        if now >= from && now < until {
            return day;
        }
        let d = js_sys::Date::new(&JsValue::from_f64(now));
        let (y, m, dd) = (d.get_full_year(), d.get_month() as i32, d.get_date() as i32);
        let from = js_sys::Date::new_with_year_month_day(y, m, dd).get_time();
        let until = js_sys::Date::new_with_year_month_day(y, m, dd + 1).get_time();
        let day =
            chrono::NaiveDate::from_ymd_opt(y as i32, m as u32 + 1, dd as u32).unwrap_or_default();
        cell.set((from, until, day));
        day
    })
}

/// Whether `value` is a valid number of `kind`, as `validateId(kind, value).valid`
/// with today's date on this device, for checking as people type: no JSON, no
/// result object, no message. Anything but a string is not valid. Throws a
/// `ZhuchuangError` only for a wrong kind.
///
/// The arguments' UTF-16 code units are written straight into a buffer in wasm
/// memory (no allocation, no UTF-8 re-encoding), and the clock is read only for
/// a number whose answer depends on today; a kind or value too long for the
/// buffer takes the ordinary string path.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = isValidId, skip_typescript))]
pub fn is_valid_id(kind: &JsValue, value: &JsValue) -> bool {
    let today = || Some(today_cached());
    let staged = STAGE.with(|stage| {
        let at = stage.get() as usize as u32;
        let got = MEMORY.with(|m| stage_id(m, at, VALUE_UNITS as u32, kind, value));
        if got < 0 {
            return None;
        }
        let (k, n) = ((got & 0xff) as usize, ((got >> 8) & 0xff) as usize);
        // SAFETY: single-threaded wasm; the JavaScript writes ended with the
        // call above and nothing else holds the buffer.
        let units = unsafe { &*stage.get() };
        let kind = match LAST_KIND.get() {
            Some(kind) if got & (1 << 30) != 0 => kind,
            // The same kind as a call that threw: its units are not staged.
            None if got & (1 << 30) != 0 => return None,
            _ => {
                LAST_KIND.set(None);
                let kind = kind_of_units(&units[..k]);
                LAST_KIND.set(Some(kind));
                kind
            }
        };
        Some(zhuchuang_core::ids::is_valid_id_utf16(
            kind,
            &units[32..32 + n],
            today,
        ))
    });
    if let Some(answer) = staged {
        return answer;
    }
    let kind = kind_of(&kind.as_string().unwrap_or_else(|| format!("{kind:?}")));
    let Some(value) = value.as_string() else {
        return false;
    };
    let options = zhuchuang_core::ids::IdOptions {
        today: today(),
        ..Default::default()
    };
    zhuchuang_core::ids::is_valid_id(kind, &value, &options)
}

/// The kind named by (at most 32) UTF-16 code units, without allocating for
/// an ASCII name.
fn kind_of_units(units: &[u16]) -> zhuchuang_core::ids::IdKind {
    let mut bytes = [0u8; 32];
    for (b, &u) in bytes.iter_mut().zip(units) {
        *b = u8::try_from(u).ok().filter(u8::is_ascii).unwrap_or(0xff);
    }
    match std::str::from_utf8(&bytes[..units.len()]) {
        Ok(name) => kind_of(name),
        Err(_) => kind_of(&String::from_utf16_lossy(units)),
    }
}

/// The kind `name` names; throws the `ZhuchuangError` ("unknownKind") otherwise.
fn kind_of(name: &str) -> zhuchuang_core::ids::IdKind {
    zhuchuang_core::ids::IdKind::parse(name).unwrap_or_else(|| {
        let error = crate::api::parse_id_kind(name)
            .err()
            .map(|e| e.into_js(zhuchuang_core::Lang::ZhCn));
        wasm_bindgen::throw_val(error.unwrap_or(JsValue::UNDEFINED))
    })
}

/// Validates an applicant's identity block (name, residentId, mobile, bankCard,
/// uscc, disabilityCert) in one call: every field's errors at once, plus
/// cross-field checks. Returns `{ valid, errors: { field: Problem[] } }`.
#[cfg_attr(feature = "exports", wasm_bindgen(js_name = validateForm, skip_typescript))]
pub fn validate_form(form: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call("validateForm", &[(&form, "form")], options.as_ref())
}
