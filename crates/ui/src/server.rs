//! The server renderer: a reader rendered to HTML natively, by the same components that run in
//! the browser (Yew's `ssr`). The release build writes the standalone page's feed view into
//! `index.html` with it, and the demo page's prerendered reader; the importer writes embeddable
//! snippets ([`snippet`]) with it; and the view tests read its HTML with no browser. The wasm
//! hydrates that HTML (`embed.rs`) when its key matches.

use article_reader_core::interface::options::OPTIONS;
use article_reader_core::{load_feed, ReaderOptions, Routing};
use serde_json::{json, Value};
use yew::ServerRenderer;

use crate::app::{App, AppProps};
use crate::markup::attribute_value;
use crate::start::Start;

/// A reader to render: everything owned and `Send`, as Yew's renderer runs it on a thread of
/// its own.
#[derive(Clone, Debug, Default)]
pub struct Prerender {
    /// Options as attribute names and their text (`tags`, `layout`, `lang`…), as the element's
    /// attributes or the page's query string give them.
    pub attributes: Vec<(String, String)>,
    /// The JSON text of an inline feed; none for the bundled feed (or `src`).
    pub inline_feed: Option<String>,
    /// The standalone page's reader (hash routing, the page's landmarks and shortcuts), rather
    /// than one embedded in a host page.
    pub standalone: bool,
    /// The page's language, which the first render takes for the browser's (BCP 47).
    pub language: String,
    /// The reader's fragment to render (`#/article/…`); none for where the reader starts.
    pub fragment: Option<String>,
}

impl Prerender {
    /// The reader's options, and a sentence for each attribute that could not be used.
    pub fn options(&self) -> (ReaderOptions, Vec<String>) {
        let pairs = self.attributes.iter().map(|(name, value)| (name.as_str(), value.as_str()));
        let (mut options, warnings) = ReaderOptions::from_attributes(pairs);
        options.inline = self.inline_feed.as_deref().map(Into::into);
        if self.standalone {
            options.routing = Routing::Hash;
        }
        (options, warnings)
    }

    fn props(self) -> AppProps {
        let (options, _) = self.options();
        AppProps {
            options,
            commands: Default::default(),
            standalone: self.standalone,
            start: Start::Server { language: self.language, fragment: self.fragment },
            id_prefix: None,
        }
    }
}

/// The reader's HTML, with the marks Yew's hydration reads.
pub fn render(reader: Prerender) -> String {
    futures::executor::block_on(ServerRenderer::<App>::with_props(move || reader.props()).render())
}

/// What an embeddable snippet is made of, besides the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Where the page loads `article-reader.js` from; `reader.css` is beside it.
    pub module: String,
    /// Whether the snippet loads the module itself (a page that loads it already says no).
    pub with_module: bool,
    /// The element's attributes, as written on it in order: the reader's options (`layout`,
    /// `max-items`, `theme`, `lang`…) and any of the page's own (`id`, `class`…).
    pub attributes: Vec<(String, String)>,
}

impl Default for EmbedOptions {
    fn default() -> EmbedOptions {
        EmbedOptions { module: "./article-reader.js".to_owned(), with_module: true, attributes: Vec::new() }
    }
}

impl EmbedOptions {
    /// The stylesheet beside the module (`…/article-reader.js` → `…/reader.css`).
    fn stylesheet(&self) -> String {
        let path = self.module.split(['?', '#']).next().unwrap_or_default();
        let folder = path.rfind('/').map_or("", |at| &path[..=at]);
        format!("{folder}reader.css")
    }
}

/// An HTML snippet that shows the feed `json` on any page with no request for it: an
/// `<article-reader>` element whose declarative shadow root holds the reader already rendered
/// and its stylesheet's link, the feed inline, JSON-LD for crawlers, and (unless the page has
/// it) the module that hydrates it. Also a sentence for each option whose value the reader
/// cannot use.
pub fn snippet(json: &str, options: &EmbedOptions) -> (String, Vec<String>) {
    // `<` only ever stands inside JSON strings, where `\u003c` means the same: the feed can then
    // never close its <script> or open a comment in it.
    let inline = json.trim().replace('<', "\\u003c");
    let language = (options.attributes.iter())
        .rfind(|(name, _)| name == "lang")
        .map_or_else(|| "en".to_owned(), |(_, lang)| lang.clone());
    // The element's other attributes (`id`, `class`…) are the page's, not the reader's.
    let reader_options = (options.attributes.iter())
        .filter(|(name, _)| OPTIONS.iter().any(|option| option.attribute == Some(name.as_str())))
        .cloned()
        .collect();
    let reader = Prerender {
        attributes: reader_options,
        inline_feed: Some(inline.clone()),
        standalone: false,
        language,
        fragment: None,
    };
    let (_, warnings) = reader.options();
    let rendered = render(reader);
    let attributes: String = (options.attributes.iter())
        .map(|(name, value)| format!(" {name}=\"{}\"", attribute_value(value)))
        .collect();
    let json_ld = json_ld(json).map(|ld| format!("<script type=\"application/ld+json\">{ld}</script>\n"));
    let module = (options.with_module)
        .then(|| format!("<script type=\"module\" src=\"{}\"></script>\n", attribute_value(&options.module)));
    let snippet = format!(
        "<article-reader{attributes}>\n\
         <template shadowrootmode=\"open\">\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\
         <noscript><p class=\"ar-noscript\">Searching, filtering by tag and reading an article here need JavaScript.</p></noscript>\
         <div data-ar-mount>{rendered}</div>\
         </template>\n\
         <script type=\"application/feed+json\">{inline}</script>\n\
         </article-reader>\n\
         {json_ld}{module}",
        stylesheet = attribute_value(&options.stylesheet()),
        json_ld = json_ld.unwrap_or_default(),
        module = module.unwrap_or_default(),
    );
    (snippet, warnings)
}

/// The feed's articles for crawlers, as schema.org's `ItemList` of `NewsArticle`s.
fn json_ld(json: &str) -> Option<String> {
    let loaded = load_feed(json).ok()?;
    let items: Vec<Value> = (loaded.feed.articles.iter().enumerate())
        .map(|(at, article)| {
            let mut item = json!({ "@type": "NewsArticle", "headline": article.title });
            let fields = [
                ("url", article.url.as_ref().map(|url| url.as_str().to_owned())),
                ("datePublished", article.published.as_ref().map(|date| date.as_rfc3339().to_owned())),
                ("dateModified", article.updated.as_ref().map(|date| date.as_rfc3339().to_owned())),
                ("description", article.summary.clone()),
                (
                    "image",
                    article
                        .image
                        .as_ref()
                        .and_then(|image| image.url.as_ref())
                        .map(|url| url.as_str().to_owned()),
                ),
            ];
            for (name, value) in fields {
                if let Some(value) = value {
                    item[name] = Value::String(value);
                }
            }
            let authors: Vec<Value> = (article.authors.iter())
                .map(|author| &author.name)
                .filter(|name| !name.is_empty())
                .map(|name| json!({ "@type": "Person", "name": name }))
                .collect();
            if !authors.is_empty() {
                item["author"] = Value::Array(authors);
            }
            json!({ "@type": "ListItem", "position": at + 1, "item": item })
        })
        .collect();
    let list = json!({ "@context": "https://schema.org", "@type": "ItemList", "itemListElement": items });
    Some(list.to_string().replace('<', "\\u003c"))
}
