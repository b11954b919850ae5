//! What every browser test needs: a reader mounted into a fresh element of its own, ways to
//! read and click its DOM, and waiting for a condition instead of for a fixed time.

use std::time::Duration;

use article_reader::{AppProps, Command, FeedLocation, HostCommands, ReaderOptions, Routing};
use article_reader_core::{FeedQuery, Route};
use gloo::timers::future::sleep;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A reader mounted into a fresh element of its own; dropping it destroys the app and removes
/// the element, even when an assertion failed half-way.
pub struct Mounted {
    pub root: Element,
    /// The element added to the page: `root` itself, or the host of the shadow root `root` is in.
    outer: Element,
    handle: Option<yew::AppHandle<article_reader::App>>,
    /// Where the host's commands reach the reader (see [`Mounted::update`]).
    commands: HostCommands,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.outer.remove();
    }
}

impl Mounted {
    /// Sets the address to `hash`, then mounts a reader of the bundled feed as the standalone
    /// page does (routing by the fragment, its keys heard anywhere on the page), and waits for
    /// its first render.
    pub async fn at(hash: &str) -> Mounted {
        let options = ReaderOptions { routing: Routing::Hash, ..seed_options() };
        Self::with_props(hash, AppProps { options, standalone: true, ..AppProps::default() }).await
    }

    /// Sets the address to `hash`, then mounts a reader with `options`, embedded.
    pub async fn with_options(hash: &str, options: ReaderOptions) -> Mounted {
        Self::with_props(hash, AppProps { options, ..AppProps::default() }).await
    }

    async fn with_props(hash: &str, props: AppProps) -> Mounted {
        set_hash(hash).await;
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let commands = props.commands.clone();
        watch_uncaught();
        let handle = article_reader::mount_with_props(root.clone(), props);
        yew::scheduler::flush().await;
        Mounted { outer: root.clone(), root, handle: Some(handle), commands }
    }

    /// Mounts a reader with `options` into a `<div>` inside the open shadow root of a fresh
    /// element, as `<article-reader>` does.
    pub async fn in_shadow_root(options: ReaderOptions) -> Mounted {
        let document = gloo::utils::document();
        let outer = document.create_element("section").unwrap();
        document.body().unwrap().append_child(&outer).unwrap();
        let shadow =
            outer.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
        let root = document.create_element("div").unwrap();
        shadow.append_child(&root).unwrap();
        watch_uncaught();
        let handle = article_reader::mount_with_options(root.clone(), options);
        yew::scheduler::flush().await;
        Mounted { root, outer, handle: Some(handle), commands: HostCommands::default() }
    }

    /// Mounts a reader of `json`, served to it from a `blob:` URL as a fetched feed would be,
    /// routing by the fragment.
    pub async fn with_feed(hash: &str, json: &str) -> Mounted {
        let options = ReaderOptions {
            src: Ok(FeedLocation::Url(blob_url(json))),
            routing: Routing::Hash,
            ..ReaderOptions::default()
        };
        Self::with_options(hash, options).await
    }

    /// Replaces the reader's options, filter included, as `update()` naming every option does:
    /// the write of the filter moves the reader to the feed with it.
    pub async fn update(&mut self, options: ReaderOptions) {
        let go = Command::Go(Route::Feed(FeedQuery::filtered(options.filter.clone())));
        if let Some(handle) = &mut self.handle {
            handle.update(AppProps { options, commands: self.commands.clone(), ..AppProps::default() });
        }
        self.commands.send(go);
        yew::scheduler::flush().await;
    }

    /// Unmounts the reader but keeps its element, to look at what is left.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }

    /// The elements matching `selector` that a person can see: not inside a `hidden` one (the
    /// feed kept under an open article).
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .filter(|e| e.closest("[hidden]").ok().flatten().is_none())
            .collect()
    }

    /// The first of [`Mounted::all`].
    pub fn one(&self, selector: &str) -> Option<Element> {
        self.all(selector).into_iter().next()
    }

    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector).iter().map(|e| e.text_content().unwrap_or_default().trim().to_owned()).collect()
    }

    pub fn headlines(&self) -> Vec<String> {
        self.texts("[role=feed] article h2")
    }

    /// Clicks the first element matching `selector` whose text contains `text`.
    pub fn click(&self, selector: &str, text: &str) {
        let target = self
            .all(selector)
            .into_iter()
            .find(|e| e.text_content().unwrap_or_default().contains(text))
            .unwrap_or_else(|| panic!("no {selector} containing {text:?}; found {:?}", self.texts(selector)));
        target.dyn_into::<HtmlElement>().unwrap().click();
    }

    /// Waits, re-rendering as the browser delivers events, until `condition` holds; panics with
    /// `what` after five seconds.
    pub async fn until(&self, what: &str, condition: impl Fn(&Mounted) -> bool) {
        for _ in 0..500 {
            yew::scheduler::flush().await;
            fail_on_uncaught();
            if condition(self) {
                return;
            }
            sleep(Duration::from_millis(10)).await;
        }
        panic!("timed out waiting until {what}; the reader shows: {}", self.root.inner_html());
    }
}

/// Starts keeping every error that no code caught (an exception out of an event listener or a
/// task, a rejected promise nobody awaited), once per page. Such an error is not a test's
/// failure by itself: the runner never sees it. But thrown through the wasm it leaves what the
/// wasm had borrowed borrowed, and the test fails later and elsewhere ("RefCell already
/// borrowed" when Yew next touches the component); [`fail_on_uncaught`] names it where it
/// happened.
fn watch_uncaught() {
    let install = "if (!globalThis.arUncaught) {
        globalThis.arUncaught = [];
        const keep = (what, error) => arUncaught.push(
            `${what}: ${error && (error.stack ? `${error}\\n${error.stack}` : error.message) || error}`);
        addEventListener('error', (event) => keep('an uncaught error', event.error ?? event.message));
        addEventListener('unhandledrejection', (event) => keep('an unhandled rejection', event.reason));
    }";
    js_sys::Function::new_no_args(install).call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

/// Panics with the errors no code caught since the last call (see [`watch_uncaught`]).
pub fn fail_on_uncaught() {
    let taken = js_sys::Function::new_no_args(
        "const taken = (globalThis.arUncaught ?? []).splice(0); return taken.join('\\n\\n');",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let taken = taken.as_string().unwrap_or_default();
    assert!(taken.is_empty(), "the page had errors no code caught:\n{taken}");
}

/// Returns once the reader has answered everything that reached it so far, so that a check of
/// what did not happen is a check, not a guess: the tasks already queued have run (Yew renders
/// in a microtask, and goes on in a next task when a render runs long), then the browser has
/// rendered a frame (the second animation frame comes after the first one is painted), and Yew
/// has rendered what that frame's events asked for.
pub async fn settled() {
    let window = gloo::utils::window();
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next_task).await;
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
    yew::scheduler::flush().await;
    fail_on_uncaught();
}

/// Holds the interface's table for `tag` as if the reader had fetched its file
/// (`static/lang/{tag}.json`), which no server serves to these tests. A language not held here
/// is fetched, from nowhere: the reader then speaks English.
pub fn speak(tag: &str) {
    let file = match tag {
        "ar" => include_str!("../../static/lang/ar.json"),
        "fr" => include_str!("../../static/lang/fr.json"),
        "ur" => include_str!("../../static/lang/ur.json"),
        _ => panic!("no language file {tag} for the tests"),
    };
    article_reader::languages::hold(file).unwrap();
}

/// Options for the bundled feed with British English dates ("25 October 2024"), whatever the
/// browser's own locale is.
pub fn seed_options() -> ReaderOptions {
    ReaderOptions { lang: Some("en-GB".to_owned()), ..ReaderOptions::default() }
}

/// Sets `location.hash` and waits until its `hashchange` has been delivered (a second at most),
/// so it cannot reach a reader mounted afterwards: on a loaded machine a fixed pause was not
/// always long enough, and a late event moved the next test's reader.
pub async fn set_hash(hash: &str) {
    let location = gloo::utils::window().location();
    if location.hash().unwrap_or_default() != hash {
        let delivered = std::rc::Rc::new(std::cell::Cell::new(false));
        let flag = delivered.clone();
        let _listener =
            gloo::events::EventListener::once(&gloo::utils::window(), "hashchange", move |_| flag.set(true));
        location.set_hash(hash).unwrap();
        // Every listener hears the event in the same dispatch, so once ours has, all have.
        for _ in 0..200 {
            if delivered.get() {
                break;
            }
            sleep(Duration::from_millis(5)).await;
        }
    }
}

/// A `blob:` URL serving `text`, so a test can hand the reader any feed without a server.
pub fn blob_url(text: &str) -> String {
    blob_url_of_type(text, "")
}

/// A `blob:` URL serving `text` as `content_type`, as a server names what it sends.
pub fn blob_url_of_type(text: &str, content_type: &str) -> String {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

/// A JSON Feed document around `items`, each a JSON object's text.
pub fn feed_json(items: &[String]) -> String {
    format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Test feed", "items": [{}]}}"#,
        items.join(",")
    )
}

/// Presses `key` where the focus is (or on the document), as the keyboard would.
pub fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let document = gloo::utils::document();
    match document.active_element() {
        Some(active) => active.dispatch_event(&event).unwrap(),
        None => document.dispatch_event(&event).unwrap(),
    };
}
