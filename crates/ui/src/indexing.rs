//! A large feed's search index, built after its first page is on screen: a slice of about 8 ms
//! at a time, yielding to the event loop between slices, so the page stays responsive and no
//! task is long. Until it is complete a search says it is getting ready (see
//! `FeedData::search_ready`), and answers when it is.

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::feed_source::FeedData;
use crate::platform::{now, Browser};
use crate::retry::Cancelled;

/// Work in one slice before yielding, in milliseconds.
const SLICE_MS: u64 = 8;
/// Articles folded between two looks at the clock.
const STEP: usize = 32;

/// Completes `data`'s search index unless `cancelled` first; returns whether it did.
pub async fn finish_search_index(data: &FeedData, cancelled: &Cancelled) -> bool {
    let browser = Browser::new();
    while !data.search_ready() {
        yield_to_the_event_loop().await;
        if cancelled.get() {
            return false;
        }
        let started = now();
        while !data.index_more(&browser, STEP) {
            if now().saturating_sub(started) > SLICE_MS {
                break;
            }
        }
    }
    true
}

/// Resolves once the event loop has had its turn (input, rendering, other tasks): a message to
/// itself through a channel of its own, which queues a task at once, where a chain of
/// `setTimeout(0)` is held back 4 ms each from the fifth on, a third of the time a 100,000
/// article index took to complete.
pub async fn yield_to_the_event_loop() {
    let channel = web_sys::MessageChannel::new().ok();
    let promise = Promise::new(&mut |resolve: Function, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        None => {
            let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
    // Held until here: a channel nothing refers to could be collected before its message.
    drop(channel);
}
