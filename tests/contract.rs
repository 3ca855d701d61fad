//! The profile's contract, written out from its one table (`src/profile.rs`):
//! the JSON Schema, the TypeScript type and the README's table. Each committed
//! copy is written again here and must equal the one in the repository: a
//! change to the table shows in review as a diff of the three, and a copy
//! edited by hand fails.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use myna_hoken::profile::contract;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Writes `text` to `path` and says whether it was already so.
fn keep(path: &str, text: &str) -> Result<(), String> {
    let full = Path::new(ROOT).join(path);
    let before = fs::read_to_string(&full).unwrap_or_default();
    if before == text {
        return Ok(());
    }
    fs::write(&full, text).map_err(|e| format!("{path}: {e}"))?;
    Err(format!(
        "{path} differed from the contract in src/profile.rs and was written again: see git diff {path}, and commit it"
    ))
}

#[test]
fn the_json_schema_is_written_from_the_table() {
    keep("www/profiles/profile.schema.json", &contract::json_schema()).unwrap();
}

#[test]
fn the_typescript_type_is_written_from_the_table() {
    keep("www/profile.d.ts", &contract::typescript()).unwrap();
}

#[test]
fn the_readme_table_is_written_from_the_table() {
    let readme = fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let start = "<!-- contract:start (written by tests/contract.rs from src/profile.rs) -->\n";
    let end = "<!-- contract:end -->";
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md has no contract markers");
    };
    let table = contract::readme_table();
    let written = format!("{}{start}{table}{}", &readme[..a], &readme[b..]);
    keep("README.md", &written).unwrap();
}

#[test]
fn every_shipped_profile_names_the_schema() {
    for entry in fs::read_dir(Path::new(ROOT).join("www/profiles")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name == "profile.schema.json" {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            json["$schema"].as_str(),
            Some("./profile.schema.json"),
            "{name} does not name the schema"
        );
    }
}
