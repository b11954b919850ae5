//! How much of a feed the reader reads: the caps that keep a mistaken or hostile feed from
//! exhausting the page.

/// Caps that keep a mistaken or hostile feed from exhausting the page. Each one, when hit, is
/// reported in words; none of them makes loading fail silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest document accepted, in bytes (default 64 MiB).
    pub max_feed_bytes: usize,
    /// Items past this many are left out, and the reader says so (default 100,000).
    pub max_items: usize,
    /// The longest `content_html` or `content_text`, in bytes (default 1 MiB).
    pub max_content_bytes: usize,
    /// The longest of any other string in an item (title, summary, tag, URL, …), in bytes
    /// (default 10,000).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_feed_bytes: 64 * 1024 * 1024,
            max_items: 100_000,
            max_content_bytes: 1024 * 1024,
            max_text_bytes: 10_000,
        }
    }
}
