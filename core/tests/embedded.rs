//! The embedded national pack's pre-checked form, `core/packs/cn.checked.bin`:
//! `Pack::parse` of `cn.json` (schema, reading and meaning checks all run here,
//! once), serialised in the compact form (`pack::compact`). `Pack::national` reads it typed with no check at run time,
//! so this test is what stands behind it: the committed file must equal what
//! `cn.json` gives, and the fast path's `Pack` must equal the JSON path's, hash
//! (pack stamp, determinationId) included. Regenerate after editing `cn.json`:
//! `UPDATE_PACK=1 cargo test -p zhuchuang-core --test embedded`.

use std::path::PathBuf;
use zhuchuang_core::pack::{compact, Pack, PackSet, NATIONAL_CHECKED, NATIONAL_JSON};

fn checked() -> Pack {
    Pack::parse(NATIONAL_JSON, None).expect("cn.json passes every check")
}

#[test]
fn committed_checked_form_is_what_cn_json_gives() {
    let expected = compact::to_bytes(&checked()).expect("a checked pack serialises");
    if std::env::var_os("UPDATE_PACK").is_some() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("packs/cn.checked.bin");
        std::fs::write(&path, &expected).expect("write cn.checked.bin");
        return;
    }
    assert!(
        NATIONAL_CHECKED == expected,
        "core/packs/cn.checked.bin is stale: run UPDATE_PACK=1 cargo test -p zhuchuang-core --test embedded"
    );
}

#[test]
fn fast_path_equals_json_path() {
    if std::env::var_os("UPDATE_PACK").is_some() {
        return;
    }
    let json = checked();
    let fast = Pack::national().expect("the pre-checked form reads");
    assert_eq!(fast.hash, json.hash, "the pack stamp's hash is the JSON's");
    assert!(
        fast == json,
        "Pack::national() differs from Pack::parse(cn.json)"
    );
    let set = PackSet::embedded().expect("the embedded set");
    assert!(*set.national() == json);
}
