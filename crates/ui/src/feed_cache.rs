//! The last good copy of each fetched feed, kept in the browser's Cache API (cache
//! `article-reader-feeds`, one entry per feed URL, the time it was kept in a header), so that a
//! reader whose feed cannot be fetched (after its retries, or offline) shows what it showed last
//! time instead of an error. A feed's first page is kept when it is at most [`MAX_KEPT_BYTES`];
//! at most [`MAX_FEEDS`] feeds are kept, the least recently fetched going first. Bundled, inline
//! and handed-over feeds are never kept. Where the Cache API is missing (an insecure context),
//! refuses (private windows) or is full, nothing is kept and nothing breaks.

use crate::failure::Failure;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Cache, CacheStorage, Headers, Response, ResponseInit};

const CACHE_NAME: &str = "article-reader-feeds";
/// The header a kept copy carries its time in (milliseconds since 1970).
const KEPT_AT: &str = "x-article-reader-kept";
/// The largest feed kept: 4 MiB of text.
pub const MAX_KEPT_BYTES: usize = 4 << 20;
/// The most feeds kept at once (per origin, for every reader on it).
pub const MAX_FEEDS: u32 = 8;

/// Why a kept copy is on screen: when it was kept, and what failed this time.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// Milliseconds since 1970.
    #[allow(clippy::disallowed_types)]
    // a web API's number, handed over as it is: never formatted or parsed in Rust
    pub at: f64,
    pub failure: Failure,
}

/// The page's Cache API, if it has one.
fn caches() -> Option<CacheStorage> {
    crate::interop::property(&gloo::utils::window(), "caches").dyn_into().ok()
}

async fn open() -> Option<Cache> {
    JsFuture::from(caches()?.open(CACHE_NAME)).await.ok()?.dyn_into().ok()
}

/// Keeps `text`, just fetched from the absolute URL `key`, as that feed's last good copy (in the
/// background).
pub fn keep(key: &str, text: String) {
    if text.len() > MAX_KEPT_BYTES {
        return;
    }
    let key = key.to_owned();
    spawn_local(async move {
        // Refused, full or missing: simply not kept.
        let _ = store(&key, &text).await;
    });
}

async fn store(key: &str, text: &str) -> Result<(), JsValue> {
    let Some(cache) = open().await else { return Ok(()) };
    let headers = Headers::new()?;
    headers.set("content-type", "application/feed+json")?;
    // Whole milliseconds: no float formatting or parsing in the wasm.
    headers.set(KEPT_AT, &crate::platform::now().to_string())?;
    let init = ResponseInit::new();
    init.set_headers(&headers);
    let response = Response::new_with_opt_str_and_init(Some(text), &init)?;
    // Put again, a feed moves to the end of the cache's order; the first ones are the oldest.
    let _ = JsFuture::from(cache.delete_with_str(key)).await;
    JsFuture::from(cache.put_with_str(key, &response)).await?;
    let keys: Array = JsFuture::from(cache.keys()).await?.unchecked_into();
    for request in keys.iter().take(keys.length().saturating_sub(MAX_FEEDS) as usize) {
        if let Some(request) = request.dyn_ref::<web_sys::Request>() {
            let _ = JsFuture::from(cache.delete_with_request(request)).await;
        }
    }
    Ok(())
}

/// The kept copy of the feed at the absolute URL `key`, handed to `load` with when it was kept
/// (milliseconds since 1970); `None` when there is none (or `load` refuses it).
#[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
pub async fn kept<T>(key: &str, load: impl FnOnce(&str, f64) -> Option<T>) -> Option<T> {
    let response: Response = JsFuture::from(open().await?.match_with_str(key)).await.ok()?.dyn_into().ok()?;
    let at = response.headers().get(KEPT_AT).ok().flatten()?.parse::<u64>().ok()? as f64;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    load(&text, at)
}
