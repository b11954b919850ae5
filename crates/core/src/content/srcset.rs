//! The `srcset` parser: an image's candidates read as the HTML standard reads them, each URL
//! checked as an image's `src` is ([`SafeUrl::parse_image`]) and resolved against the body's
//! base. The allowlist walk keeps what it returns; the importer's sanitiser uses it too.

use crate::url::{Base, SafeUrl};

/// A `srcset` with only the candidates whose URL a browser may load as an image, each checked
/// as `src` is and resolved against `base`, or `None` when none is left. Candidates are read as the
/// HTML standard reads them: a URL up to a space (or trailing commas), then descriptors up to a
/// comma; a candidate whose descriptors are not one width (`640w`), density (`2x`) or height
/// goes.
pub fn srcset(value: &str, base: &Base) -> Option<String> {
    let mut kept = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
        let (url, after) = rest.split_at(url_end);
        let (url, descriptor, after) = match url.strip_suffix(',') {
            Some(_) => (url.trim_end_matches(','), "", after),
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (url, after[..end].trim(), &after[end..])
            }
        };
        rest = after;
        let descriptor_ok = descriptor.is_empty()
            || descriptor
                .strip_suffix(['w', 'x', 'h'])
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        let url = SafeUrl::parse_image(url).and_then(|url| base.resolve(url, SafeUrl::parse_image));
        if let Some(url) = url.filter(|_| descriptor_ok) {
            kept.push(if descriptor.is_empty() {
                url.as_str().to_owned()
            } else {
                format!("{} {descriptor}", url.as_str())
            });
        }
    }
    (!kept.is_empty()).then(|| kept.join(", "))
}
