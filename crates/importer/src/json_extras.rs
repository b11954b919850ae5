//! What feed-rs leaves out of a JSON Feed item and the reader can show: `image` (else
//! `banner_image`) and the reader's own `_article_reader` extension. Read here by position,
//! which matches feed-rs's entries one to one.

use serde_json::Value;

use crate::document::Extension;

/// The extra fields of one JSON Feed item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemExtras {
    pub image: Option<String>,
    pub extension: Extension,
}

/// The extras of every item, in order; empty for XML feeds and for anything that is not a JSON
/// object with an `items` array.
pub fn read(bytes: &[u8]) -> Vec<ItemExtras> {
    // feed-rs takes a document for JSON when its first `<` or `{` is a `{`; so does this.
    let first = bytes.iter().find(|b| **b == b'<' || **b == b'{');
    if first != Some(&b'{') {
        return Vec::new();
    }
    let Ok(Value::Object(feed)) = serde_json::from_slice::<Value>(trim_to_json(bytes)) else {
        return Vec::new();
    };
    let Some(Value::Array(items)) = feed.get("items") else {
        return Vec::new();
    };
    items.iter().map(extras_of).collect()
}

/// The bytes from the first `{`: feed-rs skips what comes before it (a byte-order mark, say).
fn trim_to_json(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b == b'{').unwrap_or(0);
    &bytes[start..]
}

fn extras_of(item: &Value) -> ItemExtras {
    let string = |value: Option<&Value>| {
        value.and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
    };
    let extension = item.get("_article_reader");
    let field = |name: &str| string(extension.and_then(|e| e.get(name)));
    let highlights = extension
        .and_then(|e| e.get("highlights"))
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|h| string(Some(h))).collect())
        .unwrap_or_default();
    ItemExtras {
        image: string(item.get("image")).or_else(|| string(item.get("banner_image"))),
        extension: Extension {
            highlights,
            image_caption: field("image_caption"),
            image_credit: field("image_credit"),
            image_alt: field("image_alt"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_images_and_the_extension_by_position() {
        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
            {"id": "1", "image": " https://e.com/1.jpg ", "banner_image": "https://e.com/b.jpg"},
            {"id": "2", "banner_image": "https://e.com/b.jpg"},
            {"id": "3", "image": 5, "_article_reader": {"highlights": ["a", 1, " "], "image_caption": "Cap", "image_alt": ""}},
            "not an item"
        ]}"#;
        let extras = read(json);
        let images: Vec<Option<&str>> = extras.iter().map(|e| e.image.as_deref()).collect();
        assert_eq!(images, [Some("https://e.com/1.jpg"), Some("https://e.com/b.jpg"), None, None]);
        assert_eq!(extras[2].extension.highlights, ["a"]);
        assert_eq!(extras[2].extension.image_caption.as_deref(), Some("Cap"));
        assert_eq!(extras[2].extension.image_alt, None);
    }

    #[test]
    fn reads_nothing_from_xml_or_broken_json() {
        let cases: [&[u8]; 4] = [b"<rss><channel/></rss>", b"{broken", b"[1, 2]", br#"{"items": 5}"#];
        for bytes in cases {
            assert_eq!(read(bytes), Vec::new(), "{}", String::from_utf8_lossy(bytes));
        }
    }
}
