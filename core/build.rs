//! Writes the GB/T 2260 table (`data/regions.tsv`) in the compact form the core
//! embeds, into `OUT_DIR`:
//!
//! - `region-codes.bin`: the sorted codes as LEB128 differences from the previous
//!   code (most are one byte), about 4 KB; always embedded, so `region::known`
//!   tells a known address code from an unknown one in every build;
//! - `region-names.txt`: the names in the same order, one a line; embedded only
//!   with the `region-names` feature.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data/regions.tsv");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let table = std::fs::read_to_string(manifest.join("data/regions.tsv"))
        .expect("core/data/regions.tsv is readable");
    let mut rows: Vec<(u32, &str)> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (code, name) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("regions.tsv: no tab in {l:?}"));
            let code = code
                .parse()
                .unwrap_or_else(|_| panic!("regions.tsv: bad code in {l:?}"));
            assert!(!name.contains('\n'));
            (code, name)
        })
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    if let Some(w) = rows.windows(2).find(|w| w[0].0 == w[1].0) {
        panic!("regions.tsv: the code {} is listed twice", w[0].0);
    }
    let mut codes = Vec::with_capacity(rows.len() * 2);
    let mut names = String::with_capacity(table.len());
    let mut last = 0u32;
    for (code, name) in rows {
        let mut d = code - last;
        last = code;
        loop {
            let b = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                codes.push(b);
                break;
            }
            codes.push(b | 0x80);
        }
        names.push_str(name);
        names.push('\n');
    }
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(dir.join("region-codes.bin"), codes).expect("write region-codes.bin");
    std::fs::write(dir.join("region-names.txt"), names).expect("write region-names.txt");
}
