//! The wasm module the build ships, as `article-reader-app.js` and `article-reader-app_bg.wasm`.
//!
//! It holds nothing but the app's exports (`article_reader::embed`). It is a crate of its own
//! for its name: trunk names a build after its package, and `article-reader.js` belongs to the
//! embedding module that hosts load (`static/article-reader.js`). A binary target in the app
//! package cannot take its place, because wasm-bindgen 0.2.130 fails on binaries that export
//! classes ("failed to find intrinsics to enable `clone_ref` function").

pub use article_reader::embed::{mount_page, mount_reader, ReaderHandle};
