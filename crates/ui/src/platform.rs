//! The platform the views run on, and its native twin for the server renderer.
//!
//! In the browser, the core's [`Platform`] is the browser's own readers for what the core leaves
//! to the platform. A URL is resolved by `URL`. A character reference is read by the HTML parser
//! itself, as the content of a `<textarea>` of an inert document (one with no browsing context:
//! nothing in it runs or loads, and a textarea's content is text, never elements), so search
//! decodes `&eacute;` exactly as the article view, which the browser also parses, shows it.
//!
//! Natively (the server renderer, which prerenders the page and the importer's snippets), the
//! same names are html5ever and the url crate, which read HTML and URLs as browsers do, and
//! messages for the console go to standard error. These are the only browser functions a render
//! may call (pure readers and writers, no state of the page); what the page knows (storage, the
//! URL, the browser's language) reaches a render through props or an effect (ARCHITECTURE.md).

#[cfg(target_arch = "wasm32")]
pub use browser::*;

/// Now, in whole milliseconds since 1970 (the wasm keeps no floats: see docs/size-rules.md).
/// For effects and handlers, never a render: the server renderer has no clock of the page's.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use article_reader_core::Platform;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::HtmlTextAreaElement;

    /// The browser's parsers, made once per feed loaded.
    pub struct Browser {
        textarea: Option<HtmlTextAreaElement>,
    }

    impl Browser {
        pub fn new() -> Browser {
            let textarea = gloo::utils::document()
                .implementation()
                .and_then(|implementation| implementation.create_html_document())
                .and_then(|inert| inert.create_element("textarea"))
                .ok()
                .and_then(|element| element.dyn_into::<HtmlTextAreaElement>().ok());
            Browser { textarea }
        }
    }

    impl Platform for Browser {
        fn decode_reference(&self, reference: &str) -> String {
            match &self.textarea {
                Some(textarea) => {
                    textarea.set_inner_html(reference);
                    textarea.value()
                }
                None => reference.to_owned(),
            }
        }

        fn resolve_url(&self, reference: &str, base: &str) -> Option<String> {
            web_sys::Url::new_with_base(reference, base).ok().map(|url| url.href())
        }
    }

    /// The page's own address, what a relative `next_url` of a feed from no URL is relative to.
    pub fn page_url() -> Option<String> {
        gloo::utils::window().location().href().ok()
    }

    /// Tells the browser console, for the person fixing a feed.
    pub fn warn(message: &str) {
        web_sys::console::warn_1(&JsValue::from_str(message));
    }

    /// Tells the browser console of an error.
    pub fn error(message: &str) {
        web_sys::console::error_1(&JsValue::from_str(message));
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    /// html5ever and the url crate, in the browser's place.
    pub struct Browser(article_reader_core::content::Native);

    impl Browser {
        pub fn new() -> Browser {
            Browser(article_reader_core::content::Native)
        }
    }

    impl article_reader_core::Platform for Browser {
        fn decode_reference(&self, reference: &str) -> String {
            self.0.decode_reference(reference)
        }

        fn resolve_url(&self, reference: &str, base: &str) -> Option<String> {
            self.0.resolve_url(reference, base)
        }
    }

    /// A prerendered page has no address of its own: relative URLs stay relative, to the page
    /// that will show it.
    pub fn page_url() -> Option<String> {
        None
    }

    pub fn warn(message: &str) {
        eprintln!("{message}");
    }

    pub fn error(message: &str) {
        eprintln!("{message}");
    }
}
