//! The crate's shape, read from its source: the top-level modules of `src/` import each other
//! without cycles, the bottom layers import nothing above them, egui code nests closures at most
//! four deep, areas are parsed only in `content`, and no interface word is written in Rust.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file with its top-level module (`None` for the crate root and the binary).
fn sources() -> Vec<(Option<String>, PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(src()).unwrap();
            let first = relative.components().next().unwrap();
            let name = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            let module = (!["lib", "main"].contains(&name.as_str())).then_some(name);
            let text = fs::read_to_string(&path).unwrap();
            (module, path, text)
        })
        .collect()
}

/// The part of a file before its unit tests.
fn without_tests(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

/// The top-level modules a file's text names after `crate::`, in paths and in `use` groups.
fn references(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Items at the group's first level: `crate::{a::x, b, c::{..}}`.
            let mut depth = 1;
            let mut item_start = true;
            let mut ident = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => item_start = true,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if depth == 1 && item_start {
                    if c.is_alphanumeric() || c == '_' {
                        ident.push(c);
                    } else if !ident.is_empty() {
                        found.insert(std::mem::take(&mut ident));
                        item_start = false;
                    }
                }
            }
        } else {
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(ident);
        }
    }
    // Items of the crate root (`crate::AppSystems`) are not modules.
    found.retain(|name| name.chars().next().is_some_and(|c| c.is_lowercase()));
    found
}

fn module_graph() -> Graph {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().filter_map(|(m, _, _)| m.clone()).collect();
    let mut graph = Graph::new();
    for (module, _, text) in &sources {
        let Some(module) = module else { continue };
        let edges = graph.entry(module.clone()).or_default();
        for target in references(without_tests(text)) {
            if target != *module && modules.contains(&target) {
                edges.insert(target);
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_cycles_and_only_cycles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
        }
        graph
    };
    let looped = graph(&[
        ("ui", "kiosk"),
        ("kiosk", "wayfinding"),
        ("wayfinding", "ui"),
    ]);
    assert_eq!(
        find_cycle(&looped).unwrap(),
        ["kiosk", "wayfinding", "ui", "kiosk"]
    );
    let layered = graph(&[
        ("ui", "kiosk"),
        ("ui", "wayfinding"),
        ("kiosk", "wayfinding"),
    ]);
    assert_eq!(find_cycle(&layered), None);
}

#[test]
fn grouped_and_inline_imports_are_both_read() {
    let text = "use crate::{\n    camera::{FlyTo, rig::CameraRig},\n    content::loading::X,\n    AppSystems,\n};\nfn f() { crate::kiosk::Kiosk::new(); }";
    let found: Vec<String> = references(text).into_iter().collect();
    assert_eq!(found, ["camera", "content", "kiosk"]);
}

#[test]
fn the_top_level_modules_import_each_other_without_cycles() {
    let graph = module_graph();
    assert!(graph.len() >= 10, "{graph:#?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "an import cycle between modules of src/: {}\nwhole graph: {graph:#?}",
            cycle.join(" → ")
        );
    }
}

#[test]
fn the_bottom_layers_import_nothing_above_them() {
    let graph = module_graph();
    let allowed: [(&str, &[&str]); 3] = [("theme", &[]), ("content", &[]), ("i18n", &["content"])];
    for (module, may_use) in allowed {
        let uses = &graph[module];
        let above: Vec<&String> = uses
            .iter()
            .filter(|m| !may_use.contains(&m.as_str()))
            .collect();
        assert!(
            above.is_empty(),
            "`{module}` imports {above:?} from above it"
        );
    }
}

/// The deepest nesting of closures with a block body (`|..| { .. }`) in `text`.
fn closure_depth(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut stack: Vec<bool> = Vec::new();
    let (mut deepest, mut i) = (0, 0);
    let mut last_significant = ' ';
    while i < chars.len() {
        let c = chars[i];
        // Skip comments, strings and character literals.
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            last_significant = '"';
            continue;
        }
        if c == '\'' && (chars.get(i + 2) == Some(&'\'') || chars.get(i + 1) == Some(&'\\')) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            continue;
        }
        match c {
            '{' => {
                stack.push(last_significant == '|');
                deepest = deepest.max(stack.iter().filter(|closure| **closure).count());
            }
            '}' => {
                stack.pop();
            }
            _ => {}
        }
        if !c.is_whitespace() {
            last_significant = c;
        }
        i += 1;
    }
    deepest
}

#[test]
fn the_closure_counter_counts_nested_closures_only() {
    let nested = "fn f() { a.show(|ui| { b.show(|ui| { if x || y { c(|| { }) } }) }) }";
    assert_eq!(closure_depth(nested), 3);
    assert_eq!(
        closure_depth("fn f() { let s = \"|{\"; match x { A | B => { } } }"),
        0
    );
}

#[test]
fn no_interface_function_nests_more_than_four_closures() {
    for (module, path, text) in sources() {
        if module.as_deref() != Some("ui") {
            continue;
        }
        let depth = closure_depth(without_tests(&text));
        assert!(
            depth <= 4,
            "{} nests closures {depth} deep; move parts into functions or widgets",
            path.display()
        );
    }
}

#[test]
fn areas_are_parsed_only_in_the_content_layer() {
    for (module, path, text) in sources() {
        if module.as_deref() == Some("content") {
            continue;
        }
        for pattern in [
            "split('/')",
            "split(\"/\")",
            "split_once('/')",
            "split_once(\"/\")",
        ] {
            assert!(
                !text.contains(pattern),
                "{} splits an area or path with `{pattern}`; use content::model::AreaRef",
                path.display()
            );
        }
    }
}

#[test]
fn no_interface_words_are_written_in_rust() {
    let is_cjk =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c);
    for (_, path, text) in sources() {
        let code = without_tests(&text);
        for (index, line) in code.lines().enumerate() {
            let in_string = line
                .split('"')
                .skip(1)
                .step_by(2)
                .any(|s| s.chars().any(is_cjk));
            assert!(
                !in_string || line.trim_start().starts_with("//"),
                "{}:{}: a Chinese word in Rust; interface words belong in assets/i18n/*.ftl:\n{line}",
                path.display(),
                index + 1
            );
        }
    }
}
