//! Embeds the shipped content (`assets/`) into the binary, so `expo-hall` finds its hall from any
//! working directory and after `cargo install`, with no path baked in.

use std::{env, fs, path::Path};

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("assets");
    println!("cargo:rerun-if-changed=assets");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code =
        String::from("/// Every file under `assets/`, content-relative path and bytes.\n");
    code.push_str("pub static EMBEDDED_FILES: &[(&str, &[u8])] = &[\n");
    // Paths from the manifest folder at compile time, not baked in here: a target folder shared
    // by two checkouts must not read one checkout's assets into the other's binary.
    for file in &files {
        code.push_str(&format!(
            "    ({file:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),\n",
            format!("/assets/{file}")
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_assets.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
