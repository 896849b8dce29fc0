//! The JavaScript API inside a real browser (headless Chromium), through the
//! same wasm-bindgen glue a portal uses.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use zhuchuang_web::ids::validate_id;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, key| {
        js_sys::Reflect::get(&acc, &key.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn validate_id_returns_plain_objects() {
    let r = validate_id(
        "residentId".into(),
        "11010519491231002x".into(),
        Some(options(r#"{"today":"2026-11-21"}"#)),
    )
    .unwrap();
    assert_eq!(get(&r, "valid"), JsValue::TRUE);
    assert_eq!(
        get(&r, "normalized").as_string().unwrap(),
        "11010519491231002X"
    );
    assert_eq!(
        get(&r, "details.birthDate").as_string().unwrap(),
        "1949-12-31"
    );
    assert_eq!(get(&r, "details.gender").as_string().unwrap(), "female");
    assert!(js_sys::Array::is_array(&get(&r, "problems")));
}

#[wasm_bindgen_test]
fn browser_today_is_used_when_not_given() {
    // 2099 is after any plausible "today" of this test run.
    let r = validate_id("residentId".into(), "110105209901010011".into(), None).unwrap();
    let problems = js_sys::Array::from(&get(&r, "problems"));
    let codes: Vec<String> = problems
        .iter()
        .map(|p| get(&p, "code").as_string().unwrap())
        .collect();
    assert!(codes.contains(&"birthDateFuture".to_string()), "{codes:?}");
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_with_codes() {
    let e = validate_id(
        "passport".into(),
        "x".into(),
        Some(options(r#"{"lang":"en"}"#)),
    )
    .unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "code").as_string().unwrap(), "unknownKind");
    assert!(get(&e, "message")
        .as_string()
        .unwrap()
        .contains("Unknown kind"));
    let e = validate_id("mobile".into(), JsValue::from_f64(1.0), None).unwrap_err();
    assert_eq!(get(&e, "code").as_string().unwrap(), "invalidArgument");
}

#[wasm_bindgen_test]
fn packs_load_and_answer_in_the_browser() {
    use zhuchuang_web::rules::{get_parameter, load_pack, reset_packs, statutory_retirement};
    reset_packs().unwrap();
    let report = load_pack(
        include_str!("../../core/packs/examples/440300-shenzhen.json").into(),
        None,
    )
    .unwrap();
    assert_eq!(get(&report, "pack.region").as_string().unwrap(), "440300");
    let p = get_parameter(
        "loan.rateCapOverLprBp".into(),
        Some(options(r#"{"region":"440305","asOf":"2026-11-21"}"#)),
    )
    .unwrap();
    assert_eq!(get(&p, "raw").as_string().unwrap(), "50");
    assert_eq!(get(&p, "locality").as_string().unwrap(), "440300");
    // A broken pack lists its problems and changes nothing.
    let e = load_pack(r#"{"meta":{}}"#.into(), None).unwrap_err();
    assert_eq!(get(&e, "code").as_string().unwrap(), "invalidPack");
    assert!(js_sys::Array::from(&get(&e, "problems")).length() >= 5);
    let r = statutory_retirement(
        options(r#"{"birthDate":"1984-11-15","track":"female50"}"#),
        Some(options(r#"{"asOf":"2026-11-21"}"#)),
    )
    .unwrap();
    assert_eq!(get(&r, "retirementMonth").as_string().unwrap(), "2039-11");
    assert_eq!(get(&r, "delayMonths").as_f64().unwrap(), 60.0);
    reset_packs().unwrap();
}
