//! HTML written as text, for the browser's own parser to build in one call: the feed's cards,
//! an article's body and the parts of its page that hold no control.
//!
//! Why: a card rendered node by node costs Yew about twenty virtual nodes to build and diff and a
//! dozen calls out of the wasm to patch, and a tag press re-renders twenty cards. As one string,
//! a card that did not change costs a string comparison, and one that did costs one `innerHTML`
//! (see ARCHITECTURE.md, "Where the time goes").
//!
//! Safety rests on one rule, which this type enforces: element and attribute names are the
//! reader's own (`&'static str`), and everything else, feed text above all, goes through
//! [`Markup::text`] or [`Markup::attr`], which escape it so the parser reads it back as the same
//! text. Nothing here writes a raw-text element (`script`, `style`, `textarea`, `title`), where
//! escaping would not hold.

use article_reader_core::interface::text::direction;

/// An HTML fragment being written.
#[derive(Default)]
pub struct Markup {
    html: String,
}

impl Markup {
    pub fn with_capacity(capacity: usize) -> Markup {
        Markup { html: String::with_capacity(capacity) }
    }

    /// Starts `<name`; attributes follow, then [`Markup::end_start`] (a void element, `img` or
    /// `br`, has no end tag to write).
    pub fn start(&mut self, name: &'static str) -> &mut Self {
        self.html.push('<');
        self.html.push_str(name);
        self
    }

    /// ` name="value"`, the value escaped for a double-quoted attribute.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        escape_into(value, true, &mut self.html);
        self.html.push('"');
        self
    }

    /// The attribute when there is a value.
    pub fn attr_some(&mut self, name: &'static str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.attr(name, value);
        }
        self
    }

    /// ` lang="…" dir="…"` when there is a language: text in it reads in its direction.
    pub fn lang(&mut self, lang: Option<&str>) -> &mut Self {
        if let Some(lang) = lang {
            self.attr("lang", lang).attr("dir", direction(lang));
        }
        self
    }

    /// Closes a start tag: `>`.
    pub fn end_start(&mut self) -> &mut Self {
        self.html.push('>');
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(text, false, &mut self.html);
        self
    }

    /// `</name>`.
    pub fn end(&mut self, name: &'static str) -> &mut Self {
        self.html.push_str("</");
        self.html.push_str(name);
        self.html.push('>');
        self
    }

    /// `<name attrs…>text</name>`, for the common case of an element holding only text.
    pub fn element(&mut self, name: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Self {
        self.start(name);
        for (attr, value) in attrs {
            self.attr(attr, value);
        }
        self.end_start().text(text).end(name)
    }

    pub fn into_string(self) -> String {
        self.html
    }
}

/// `text` escaped for a double-quoted attribute value written by other means than [`Markup`]
/// (the server renderer's snippet, whose attribute names are the host's).
#[cfg(feature = "ssr")]
pub fn attribute_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, true, &mut out);
    out
}

/// Writes `text` so that an HTML parser reads it back as `text`: `&` and `<` always (`>` too,
/// for readers of the source), and `"` inside an attribute value.
fn escape_into(text: &str, attribute: bool, out: &mut String) {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            _ => continue,
        };
        // ASCII bytes never fall inside a UTF-8 sequence, so `at` is a char boundary.
        out.push_str(&text[copied..at]);
        out.push_str(escaped);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_names_are_the_readers() {
        let mut m = Markup::default();
        m.start("a")
            .attr("href", "#/?tag=a\"b&c")
            .attr_some("title", None)
            .attr_some("lang", Some("<ar>"))
            .end_start()
            .text("<script>alert(1)</script> & \"quoted\" >")
            .end("a")
            .element("p", &[("class", "x")], "1 < 2");
        assert_eq!(
            m.into_string(),
            "<a href=\"#/?tag=a&quot;b&amp;c\" lang=\"&lt;ar&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\" &gt;</a>\
             <p class=\"x\">1 &lt; 2</p>"
        );
    }

    #[test]
    fn text_without_special_characters_is_copied_as_it_is() {
        let mut m = Markup::with_capacity(8);
        m.text("محادثات — “quoted” 'single' \u{a0}");
        assert_eq!(m.into_string(), "محادثات — “quoted” 'single' \u{a0}");
    }

    #[test]
    fn a_language_brings_its_direction() {
        let mut m = Markup::default();
        m.start("p").lang(Some("ur-PK")).end_start().end("p").start("p").lang(None).end_start().end("p");
        assert_eq!(m.into_string(), "<p lang=\"ur-PK\" dir=\"rtl\"></p><p></p>");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_attribute_value_written_elsewhere_is_escaped_the_same_way() {
        assert_eq!(attribute_value("a\"b&c<d>"), "a&quot;b&amp;c&lt;d&gt;");
    }
}
