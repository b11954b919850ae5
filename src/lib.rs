//! The shipped wasm module: the ui crate's exports (`article_reader::embed`, which
//! `static/boot.js` and `static/article-reader.js` call) linked into one `cdylib`, with the
//! allocator. Nothing else belongs here; see `crates/ui` and `ARCHITECTURE.md`.

pub use article_reader::embed;

/// The allocator of the wasm: smaller than the default and no slower (see Cargo.toml).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
