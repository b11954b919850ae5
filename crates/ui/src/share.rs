//! Sharing an article: the browser's share sheet (`navigator.share`, looked for when asked, as
//! not every browser has one) with the article's title and address; where there is none, or it
//! fails, the link copied to the clipboard, or given to copy by hand. A share the person
//! cancels is no failure and says nothing.

use js_sys::{Function, Promise};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::interop::{object, property};

/// `navigator.share`, where the browser has it.
fn share_sheet() -> Option<Function> {
    let navigator = gloo::utils::window().navigator();
    Some(property(&navigator, "share")).filter(JsValue::is_function).map(JsCast::unchecked_into)
}

/// Whether the browser has a share sheet: the control says "Share" then, else "Copy link".
pub fn can_share() -> bool {
    share_sheet().is_some()
}

/// Shares `title` and `url`, or copies `link` where the browser cannot share. The share sheet
/// opens at the call, while the click that asked for it is still the page's activation, which
/// browsers require. Resolves to what the article says of it: nothing (shared, or cancelled),
/// `Ok` (copied), or `Err` with the link to copy by hand.
pub fn share(title: &str, url: &str, link: String) -> impl Future<Output = Option<Result<(), String>>> {
    let sheet = share_sheet().and_then(|share| {
        let data = object(&[("title", JsValue::from_str(title)), ("url", JsValue::from_str(url))]);
        let navigator = gloo::utils::window().navigator();
        // What it returns is a promise, or made one.
        share.call1(&navigator, &data).ok().map(|answer| JsFuture::from(Promise::resolve(&answer)))
    });
    async move {
        if let Some(sheet) = sheet {
            match sheet.await {
                Ok(_) => return None,
                Err(error) if is_abort(&error) => return None,
                // Refused (no activation left, data it will not share): copy instead.
                Err(_) => {}
            }
        }
        Some(if copy_to_clipboard(&link).await { Ok(()) } else { Err(link) })
    }
}

/// The person closed the share sheet without sharing.
fn is_abort(error: &JsValue) -> bool {
    property(error, "name").as_string().as_deref() == Some("AbortError")
}

/// Writes `text` to the clipboard; `false` when the page may not (an insecure context, a
/// denied permission).
async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    let clipboard = property(&navigator, "clipboard");
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
