//! Percent-encoding for the pieces of the reader's own URLs (hash routes), and the check that
//! decides whether a URL from a feed is safe to put in a link or an image.

use crate::content::allowlist::{IMAGE_SCHEMES, LINK_SCHEMES};

/// Percent-encodes everything but RFC 3986 unreserved characters, so any text (an article id,
/// a tag with spaces or slashes) survives a round trip through a URL component.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes stay as written and invalid UTF-8 becomes U+FFFD,
/// because a hand-typed URL must never make routing fail.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes a query-string value, where `+` also means a space.
pub fn decode_query_value(text: &str) -> String {
    decode_component(&text.replace('+', " "))
}

/// A URL from a feed that is allowed into an `href` or `src`: `http`, `https`, `mailto`, or a
/// relative reference. Everything else (`javascript:`, `data:`, `vbscript:`, unknown schemes)
/// is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// Checks `raw` the way a browser would read it: browsers drop ASCII tabs and newlines
    /// anywhere in a URL and trim leading control characters and spaces, so `java\tscript:`
    /// is `javascript:` to them and must be to us.
    pub fn parse(raw: &str) -> Option<SafeUrl> {
        let cleaned: String = raw
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if cleaned.is_empty() {
            return None;
        }
        match scheme_of(&cleaned) {
            None => Some(SafeUrl(cleaned)),
            Some(scheme) if LINK_SCHEMES.contains(&scheme.as_str()) => Some(SafeUrl(cleaned)),
            Some(_) => None,
        }
    }

    /// Like [`SafeUrl::parse`], but for images: only `http`, `https` and relative URLs.
    pub fn parse_image(raw: &str) -> Option<SafeUrl> {
        Self::parse(raw).filter(|url| scheme_of(&url.0).is_none_or(|s| IMAGE_SCHEMES.contains(&s.as_str())))
    }

    /// The URL text, ready for an attribute.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a relative reference (no scheme).
    pub fn is_relative(&self) -> bool {
        scheme_of(&self.0).is_none()
    }
}

/// Where relative URLs of some content point: the URL they resolve against, and the platform
/// that resolves them (the browser's `URL`, natively the url crate).
#[derive(Clone, Copy)]
pub struct Base<'a> {
    pub url: Option<&'a str>,
    pub platform: &'a dyn crate::platform::Platform,
}

impl std::fmt::Debug for Base<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Base").field("url", &self.url).finish()
    }
}

impl<'a> Base<'a> {
    /// Relative URLs left relative.
    pub fn none(platform: &'a dyn crate::platform::Platform) -> Self {
        Base { url: None, platform }
    }

    /// `url` made absolute against the base, when it is relative and the base resolves it; a
    /// reference to a fragment alone (`#fn1`) stays one, since it points into the content
    /// itself, and so does everything the base cannot resolve. The result is checked again.
    pub fn resolve(&self, url: SafeUrl, check: fn(&str) -> Option<SafeUrl>) -> Option<SafeUrl> {
        match self.url {
            Some(base) if url.is_relative() && !url.as_str().starts_with('#') => {
                match self.platform.resolve_url(url.as_str(), base) {
                    Some(absolute) => check(&absolute),
                    None => Some(url),
                }
            }
            _ => Some(url),
        }
    }
}

/// The lower-cased scheme of an absolute URL, or `None` for a relative reference.
pub(crate) fn scheme_of(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    if url[..colon].contains(['/', '?', '#']) {
        return None;
    }
    let mut chars = candidate.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything with a colon before the first slash that is not a clean scheme ("java script:",
    // "%6Aavascript:") is not a relative path either; treat it as an unknown scheme.
    Some(if valid { candidate.to_ascii_lowercase() } else { String::from("?") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_round_trip() {
        let cases = ["plain", "with space", "a/b?c#d&e=f", "Ünïcödé 東京", "100%", "+plus+", ""];
        for text in cases {
            assert_eq!(decode_component(&encode_component(text)), text, "{text:?}");
        }
    }

    #[test]
    fn encodes_reserved_characters() {
        let cases =
            [("imran khan", "imran%20khan"), ("a/b", "a%2Fb"), ("é", "%C3%A9"), ("safe-._~", "safe-._~")];
        for (text, expected) in cases {
            assert_eq!(encode_component(text), expected);
        }
    }

    #[test]
    fn decoding_tolerates_malformed_input() {
        let cases = [("%", "%"), ("%zz", "%zz"), ("%4", "%4"), ("%ff", "\u{fffd}"), ("a%20b", "a b")];
        for (text, expected) in cases {
            assert_eq!(decode_component(text), expected, "{text:?}");
        }
        assert_eq!(decode_query_value("human+rights"), "human rights");
    }

    #[test]
    fn allows_only_safe_link_targets() {
        let cases = [
            ("https://example.com/a", Some("https://example.com/a")),
            ("HTTP://example.com", Some("HTTP://example.com")),
            ("mailto:desk@example.com", Some("mailto:desk@example.com")),
            ("/relative/path", Some("/relative/path")),
            ("page.html#top", Some("page.html#top")),
            ("  https://example.com  ", Some("https://example.com")),
            ("javascript:alert(1)", None),
            ("JavaScript:alert(1)", None),
            (" \u{1}javascript:alert(1)", None),
            ("java\tscript:alert(1)", None),
            ("java\nscript:alert(1)", None),
            ("data:text/html,<script>", None),
            ("vbscript:msgbox", None),
            ("java script:alert(1)", None),
            ("file:///etc/passwd", None),
            ("", None),
            ("   ", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(SafeUrl::parse(raw).as_ref().map(SafeUrl::as_str), expected, "{raw:?}");
        }
    }

    #[test]
    fn images_refuse_mailto() {
        assert!(SafeUrl::parse_image("mailto:a@b.c").is_none());
        assert!(SafeUrl::parse_image("https://example.com/a.jpg").is_some());
        assert!(SafeUrl::parse_image("data:image/png;base64,AAAA").is_none());
    }
}
