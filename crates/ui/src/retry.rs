//! Fetching that survives a flaky network: one request for a feed's text ([`fetch_text`]:
//! streamed, with progress, stopped at the size limit), tried again after a transient failure
//! for a feed, its next pages and a split feed's chunks alike (the policy is the core's
//! `retry`: which failures, how long to wait); a download with no progress for 30 s is given up
//! and tried again, and a CORS refusal is told apart from a network error. Everything a fetch starts (the request, the
//! stall timer, the wait between tries) hangs off its [`Cancel`], so a reader destroyed or given
//! another feed stops them all at once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_reader_core::feed::retry::{wait_after, STALL_SECONDS};
use article_reader_core::interface::text::Ui;
use article_reader_core::{Limits, LoadFailure, Progress};
use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestInit, RequestMode,
    Response,
};

/// Set by whoever started a fetch to stop it: the reader unmounted or wants another feed.
pub type Cancelled = Rc<Cancel>;

/// Stops what a fetch started: set by whoever started it when the reader unmounts or wants
/// another feed. Setting it aborts the requests under way and ends the waits at once.
#[derive(Default)]
pub struct Cancel {
    cancelled: Cell<bool>,
    /// The requests under way.
    requests: RefCell<Vec<AbortController>>,
    /// The waits under way: their timer, and what ends them.
    waits: RefCell<Vec<(i32, Function)>>,
}

impl std::fmt::Debug for Cancel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cancel").field("cancelled", &self.cancelled.get()).finish()
    }
}

impl Cancel {
    pub fn get(&self) -> bool {
        self.cancelled.get()
    }

    /// `set(true)` cancels; (there is no taking it back).
    pub fn set(&self, cancel: bool) {
        if !cancel || self.cancelled.replace(true) {
            return;
        }
        for request in self.requests.take() {
            request.abort();
        }
        for (timer, end) in self.waits.take() {
            gloo::utils::window().clear_timeout_with_handle(timer);
            let _ = end.call0(&JsValue::NULL);
        }
    }
}

/// Waits `milliseconds`, or less if `cancel` is set meanwhile.
async fn sleep(milliseconds: i32, cancel: &Cancel) {
    if cancel.get() {
        return;
    }
    let mut wait = None;
    let promise = Promise::new(&mut |resolve: Function, _| {
        let timer = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .unwrap_or(0);
        wait = Some((timer, resolve));
    });
    let timer = wait.as_ref().map(|(timer, _)| *timer);
    cancel.waits.borrow_mut().extend(wait);
    let _ = JsFuture::from(promise).await;
    cancel.waits.borrow_mut().retain(|(t, _)| Some(*t) != timer);
}

/// One request: aborted when its fetch is cancelled, or when nothing has arrived for
/// [`STALL_SECONDS`].
pub struct Attempt<'a> {
    cancel: &'a Cancel,
    controller: Option<AbortController>,
    stalled: std::rc::Rc<Cell<bool>>,
    on_stall: Closure<dyn FnMut()>,
    timer: Cell<i32>,
}

impl<'a> Attempt<'a> {
    pub fn start(cancel: &'a Cancel) -> Attempt<'a> {
        let controller = AbortController::new().ok();
        let stalled = std::rc::Rc::new(Cell::new(false));
        let on_stall = {
            let (controller, stalled) = (controller.clone(), stalled.clone());
            Closure::<dyn FnMut()>::new(move || {
                stalled.set(true);
                if let Some(controller) = &controller {
                    controller.abort();
                }
            })
        };
        cancel.requests.borrow_mut().extend(controller.clone());
        let attempt = Attempt { cancel, controller, stalled, on_stall, timer: Cell::new(0) };
        attempt.progressed();
        attempt
    }

    /// The request's options: its abort signal.
    pub fn init(&self) -> RequestInit {
        let init = RequestInit::new();
        if let Some(controller) = &self.controller {
            init.set_signal(Some(&controller.signal()));
        }
        init
    }

    /// Something arrived: the stall timer starts again.
    pub fn progressed(&self) {
        let window = gloo::utils::window();
        window.clear_timeout_with_handle(self.timer.get());
        let timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            self.on_stall.as_ref().unchecked_ref(),
            STALL_SECONDS as i32 * 1000,
        );
        self.timer.set(timer.unwrap_or(0));
    }

    /// What a failed read of the body means: a stall, or the network.
    pub fn failed(&self, url: &str, error: &JsValue) -> LoadFailure {
        if self.stalled.get() {
            return LoadFailure::Stalled { url: url.to_owned(), seconds: STALL_SECONDS };
        }
        LoadFailure::Network { url: url.to_owned(), detail: describe_js_error(error) }
    }

    /// What a request that got no response means: a stall, a CORS refusal (the server answers
    /// a request this page may not read: no retry helps), or the network.
    pub async fn request_failed(&self, url: &str, error: &JsValue) -> LoadFailure {
        let failure = self.failed(url, error);
        if self.stalled.get() || self.cancel.get() || !cross_origin(url) {
            return failure;
        }
        let init = self.init();
        init.set_mode(RequestMode::NoCors);
        match JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init)).await {
            Ok(_) => LoadFailure::Refused { url: url.to_owned() },
            Err(_) => failure,
        }
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        gloo::utils::window().clear_timeout_with_handle(self.timer.get());
        if let Some(controller) = &self.controller {
            self.cancel.requests.borrow_mut().retain(|c| c != controller);
        }
    }
}

/// Whether `url` is on another origin than the page's.
fn cross_origin(url: &str) -> bool {
    let page = gloo::utils::window().location();
    let (Ok(href), Ok(origin)) = (page.href(), page.origin()) else { return false };
    web_sys::Url::new_with_base(url, &href).is_ok_and(|url| url.origin() != origin)
}

/// The browser says it is offline.
pub fn offline() -> bool {
    !gloo::utils::window().navigator().on_line()
}

pub fn describe_js_error(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}

/// Fetches the text at `url` and the content type it was served as, reading the body in chunks
/// so `on_progress` can show how much has arrived, and stopping as soon as it outgrows
/// `limits.max_feed_bytes`. `Ok(None)` means the fetch was cancelled. (`on_progress` is a
/// `dyn`, so the feed, its pages and its chunks share one copy of this future in the wasm.)
pub(crate) async fn fetch_text(
    url: &str,
    limits: &Limits,
    cancelled: &Cancelled,
    on_progress: &dyn Fn(Progress),
) -> Result<Option<(String, Option<String>)>, LoadFailure> {
    if offline() {
        return Err(LoadFailure::Offline { url: url.to_owned() });
    }
    // Aborted when cancelled, or when nothing arrives for 30 s.
    let attempt = Attempt::start(cancelled);
    let network = |error: JsValue| attempt.failed(url, &error);
    let request = gloo::utils::window().fetch_with_str_and_init(url, &attempt.init());
    let response: Response = match JsFuture::from(request).await {
        Ok(response) => response.unchecked_into(),
        Err(error) => return Err(attempt.request_failed(url, &error).await),
    };
    attempt.progressed();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if !response.ok() {
        return Err(LoadFailure::Status {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
            retry_after: header("retry-after")
                .as_deref()
                .and_then(article_reader_core::feed::retry::parse_retry_after),
        });
    }
    let content_type = response.headers().get("content-type").ok().flatten();
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<u64>().ok());
    // A compressed response announces its compressed size, so only a total over the limit
    // that the body cannot undercut is final; otherwise the limit is checked as bytes arrive.
    if let Some(bytes) = total.filter(|&t| t > limits.max_feed_bytes as u64) {
        return Err(LoadFailure::TooLarge {
            url: url.to_owned(),
            bytes: Some(bytes),
            limit: limits.max_feed_bytes,
        });
    }

    let mut body: Vec<u8> = Vec::with_capacity(total.unwrap_or(0).min(limits.max_feed_bytes as u64) as usize);
    let mut progress = Progress { received: 0, total };
    on_progress(progress);
    if let Some(stream) = response.body() {
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        loop {
            let chunk: ReadableStreamReadResult =
                JsFuture::from(reader.read()).await.map_err(network)?.unchecked_into();
            if cancelled.get() {
                let _ = reader.cancel();
                return Ok(None);
            }
            if chunk.get_done().unwrap_or(true) {
                break;
            }
            // A fetch body's chunks are Uint8Arrays; `Uint8Array::new` would copy each one first.
            let bytes: Uint8Array = chunk.get_value().unchecked_into();
            if body.len() + bytes.length() as usize > limits.max_feed_bytes {
                let _ = reader.cancel();
                return Err(LoadFailure::TooLarge {
                    url: url.to_owned(),
                    bytes: None,
                    limit: limits.max_feed_bytes,
                });
            }
            let start = body.len();
            body.resize(start + bytes.length() as usize, 0);
            bytes.copy_to(&mut body[start..]);
            progress.received = body.len() as u64;
            attempt.progressed();
            on_progress(progress);
        }
    }
    // A body shorter than announced was cut off (browsers mostly say so as a network error).
    // Only where the body is not compressed: a compressed one announces its compressed size.
    if let Some(expected) = total.filter(|&t| progress.received < t) {
        if response.type_() == web_sys::ResponseType::Basic && header("content-encoding").is_none() {
            return Err(LoadFailure::CutShort { url: url.to_owned(), received: progress.received, expected });
        }
    }
    String::from_utf8(body)
        .map(|text| Some((text, content_type)))
        .map_err(|error| LoadFailure::NotText { url: url.to_owned(), at: error.utf8_error().valid_up_to() })
}

/// [`fetch_text`], tried again after each transient failure as the core's policy says;
/// `on_wait` hears the seconds left before each next try, counting down. The host hears
/// nothing of the failures before the last.
pub async fn fetch_text_retrying(
    url: &str,
    limits: &Limits,
    cancelled: &Cancelled,
    on_progress: &dyn Fn(Progress),
    on_wait: &dyn Fn(u32),
) -> Result<Option<(String, Option<String>)>, LoadFailure> {
    let mut failures = 0;
    loop {
        let failure = match fetch_text(url, limits, cancelled, on_progress).await {
            Err(failure) if !cancelled.get() => failure,
            done => return done,
        };
        failures += 1;
        let Some(mut seconds) = wait_after(failures, &failure) else { return Err(failure) };
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "article-reader: {} Trying again in {seconds} s.",
            Ui::default().load_failure(&failure)
        )));
        while seconds > 0 {
            on_wait(seconds);
            sleep(1000, cancelled).await;
            if cancelled.get() {
                return Ok(None);
            }
            seconds -= 1;
        }
        on_wait(0);
    }
}
