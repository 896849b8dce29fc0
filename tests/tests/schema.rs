//! The rule-pack JSON Schema is generated from the Rust types; the committed copy
//! (`core/packs/pack.schema.json`, which editors and the loader use) must match.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p zhuchuang-tests --test schema`.

use std::path::PathBuf;
use zhuchuang_core::pack::PackFile;

#[test]
fn committed_schema_matches_the_types() {
    let schema = schemars::schema_for!(PackFile);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/packs/pack.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "core/packs/pack.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p zhuchuang-tests --test schema"
    );
}
