//! The core's [`Platform`] in the browser: the browser's own readers for what the core leaves
//! to the platform. A URL is resolved by `URL`. A character reference is read by the HTML parser
//! itself, as the content of a
//! `<textarea>` of an inert document (one with no browsing context: nothing in it runs or loads,
//! and a textarea's content is text, never elements), so search decodes `&eacute;` exactly as the
//! article view, which the browser also parses, shows it.

use article_reader_core::Platform;
use wasm_bindgen::JsCast;
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
