//! Where the reader's feed comes from and what can go wrong getting it: the feed's location and
//! size limit as given, and the failures of loading a feed over the network, as data
//! (`messages` says them in words). The fetching itself is the app's; everything decidable
//! without a browser is here.

use std::rc::Rc;

use crate::feed::json::Value;
use crate::feed::load::FeedError;
use crate::interface::words::quote;
use crate::url::scheme_of;

/// The feed to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FeedLocation {
    /// The feed compiled into the reader.
    #[default]
    Bundled,
    /// A JSON Feed at this URL (`http`, `https`, `blob` or relative to the page).
    Url(String),
    /// A JSON Feed's text the host page wrote into the element
    /// (`<script type="application/feed+json">`).
    Text(Rc<str>),
    /// A JSON Feed the host page handed over already parsed, as an object.
    Object(Rc<Value>),
}

impl FeedLocation {
    /// Checks a feed address given at run time. Only addresses `fetch` can read as data are
    /// accepted; `javascript:`, `data:` and the like are refused with a reason.
    pub fn url(address: &str) -> Result<FeedLocation, UnusableAddress> {
        let address = address.trim();
        match scheme_of(address) {
            _ if address.is_empty() => Err(UnusableAddress { address: String::new() }),
            None => Ok(FeedLocation::Url(address.to_owned())),
            Some(scheme) if matches!(scheme.as_str(), "http" | "https" | "blob") => {
                Ok(FeedLocation::Url(address.to_owned()))
            }
            Some(_) => Err(UnusableAddress { address: address.chars().take(200).collect() }),
        }
    }
}

/// A feed address the reader does not fetch: empty, or not an http(s), `blob:` or relative
/// URL. Kept apart from [`LoadFailure`] (which it becomes when the reader shows it) so the
/// options, compared and cloned on every update, carry only this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnusableAddress {
    /// The address as given, trimmed (its first 200 characters); empty when it was empty.
    pub address: String,
}

impl From<&UnusableAddress> for LoadFailure {
    fn from(unusable: &UnusableAddress) -> LoadFailure {
        LoadFailure::Address { address: unusable.address.clone() }
    }
}

/// `5000000`, `500k`, `500KiB`, `1.5MiB`, `64M` (binary units) as bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let refuse = || format!("The size {} is not a number of bytes such as 64MiB.", quote(text));
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    // The multiplier as a power of two.
    let shift: u32 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(refuse()),
    };
    // Whole and fractional digits as integers: exact, and no float parsing in the wasm.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits_ok = |d: &str| d.len() <= 18 && d.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_ok(whole) || !digits_ok(fraction) {
        return Err(refuse());
    }
    // In u64 (18 digits fit), without u128 arithmetic, which costs the wasm its own code: the
    // whole part shifted, checked, and the fraction's floor(fraction * 2^shift / scale) one
    // binary digit at a time (the remainder stays below scale, 10^18 at most, so doubling it
    // cannot overflow).
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| refuse())? };
    let scale = 10u64.pow(fraction.len() as u32);
    let mut remainder: u64 = if fraction.is_empty() { 0 } else { fraction.parse().map_err(|_| refuse())? };
    let mut fraction_bytes: u64 = 0;
    for _ in 0..shift {
        remainder *= 2;
        fraction_bytes = fraction_bytes * 2 + u64::from(remainder >= scale);
        if remainder >= scale {
            remainder -= scale;
        }
    }
    let bytes = whole.checked_mul(1 << shift).and_then(|whole| whole.checked_add(fraction_bytes));
    match bytes.map(usize::try_from) {
        Some(Ok(bytes)) if bytes > 0 => Ok(bytes),
        _ => Err(refuse()),
    }
}

/// Why a feed from a URL could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The feed's address is empty (`address` is empty) or not one the reader fetches
    /// (`javascript:`, `data:`, …).
    Address { address: String },
    /// The request did not complete: the host is unreachable, or CORS forbids reading it.
    Network { url: String, detail: String },
    /// The server answered with an error status; `retry_after` is its `Retry-After` in seconds,
    /// when it sent one as a number.
    Status { url: String, status: u16, status_text: String, retry_after: Option<u32> },
    /// The body ended before the `Content-Length` the server announced.
    CutShort { url: String, received: u64, expected: u64 },
    /// Nothing arrived for `seconds`: the request was given up.
    Stalled { url: String, seconds: u32 },
    /// The server answered, but does not let this page read the answer (CORS).
    Refused { url: String },
    /// The browser is offline.
    Offline { url: String },
    /// The feed is larger than the limit; `bytes` when the server said how large.
    TooLarge { url: String, bytes: Option<u64>, limit: usize },
    /// The body is not UTF-8; `at` is the offset of the first bad byte.
    NotText { url: String, at: usize },
    /// The server answered with an HTML page (an error or login page, say) where the feed
    /// should be; `content_type` as the server named it.
    HtmlPage { url: String, content_type: Option<String> },
    /// The document arrived but is not a usable JSON Feed.
    Feed(FeedError),
}

impl LoadFailure {
    /// Why the document from `url` (served as `content_type`) is not a feed, given the error it
    /// made: an HTML page is said to be one, instead of being reported as JSON gone wrong at
    /// line 1.
    pub fn of_document(url: &str, content_type: Option<&str>, text: &str, error: FeedError) -> LoadFailure {
        let looks_like_markup = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']).starts_with('<');
        let says_html = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"));
        match error {
            FeedError::Syntax { .. } if looks_like_markup || says_html => {
                LoadFailure::HtmlPage { url: url.to_owned(), content_type: content_type.map(str::to_owned) }
            }
            error => LoadFailure::Feed(error),
        }
    }
}

/// What kind of failure stopped a reader from showing its feed, as the host hears it in the
/// `kind` of an `article-reader-error` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// The feed could not be fetched: the network, CORS, or an error status.
    Fetch,
    /// What arrived (or was given) is not a usable JSON Feed, or its address is not usable.
    Invalid,
    /// The feed is larger than the reader's `max-size`.
    TooLarge,
}

impl FailureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Fetch => "fetch",
            FailureKind::Invalid => "invalid",
            FailureKind::TooLarge => "too-large",
        }
    }

    /// The kind of a document that could not be read as a feed.
    pub fn of_feed_error(error: &FeedError) -> FailureKind {
        match error {
            FeedError::TooLarge { .. } => FailureKind::TooLarge,
            _ => FailureKind::Invalid,
        }
    }
}

impl LoadFailure {
    pub fn kind(&self) -> FailureKind {
        match self {
            LoadFailure::Network { .. }
            | LoadFailure::Status { .. }
            | LoadFailure::CutShort { .. }
            | LoadFailure::Stalled { .. }
            | LoadFailure::Refused { .. }
            | LoadFailure::Offline { .. } => FailureKind::Fetch,
            LoadFailure::TooLarge { .. } => FailureKind::TooLarge,
            LoadFailure::Address { .. } | LoadFailure::NotText { .. } | LoadFailure::HtmlPage { .. } => {
                FailureKind::Invalid
            }
            LoadFailure::Feed(error) => FailureKind::of_feed_error(error),
        }
    }
}

/// How much of a feed has arrived, for a progress display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    /// The size the server announced, when it did.
    pub total: Option<u64>,
}

impl Progress {
    /// Whole percent, when the total is known and consistent with what arrived (a compressed
    /// response announces its compressed size, which the decoded bytes can outgrow).
    pub fn percent(&self) -> Option<u8> {
        let total = self.total.filter(|&t| t > 0 && self.received <= t)?;
        Some((self.received * 100 / total) as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::json::SyntaxProblem;

    #[test]
    fn parses_sizes() {
        let cases = [
            ("64MiB", 64 << 20),
            ("64 mb", 64 << 20),
            ("1.5k", 1536),
            ("10", 10),
            ("2G", 2 << 30),
            (".5k", 512),
            ("0.25MiB", 1 << 18),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_size(text), Ok(expected), "{text}");
        }
        for text in ["", ".", "1.2.3", "-5", "0", "0.0001", "99999999999999999999999G", "5 parsecs"] {
            assert!(parse_size(text).is_err(), "{text:?}");
        }
    }

    /// The arithmetic in u64 gives what exact u128 arithmetic gives, at the edges too.
    #[test]
    fn sizes_agree_with_exact_arithmetic() {
        let exact = |whole: &str, fraction: &str, shift: u32| -> Option<usize> {
            let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
            let scale = 10u128.pow(fraction.len() as u32);
            let fraction: u128 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
            let bytes = whole * (1u128 << shift) + fraction * (1u128 << shift) / scale;
            usize::try_from(bytes).ok().filter(|&bytes| bytes > 0)
        };
        let wholes = [
            "",
            "0",
            "1",
            "7",
            "1023",
            "4294967295",
            "4294967296",
            "17179869183",
            "17179869184",
            "999999999999999999",
            "18446744073",
        ];
        let fractions = [
            "",
            "0",
            "5",
            "25",
            "999",
            "000000001",
            "999999999999999999",
            "123456789012345678",
            "000000000000000001",
            "5000000000000000",
        ];
        for whole in wholes {
            for fraction in fractions {
                for (unit, shift) in [("", 0), ("k", 10), ("m", 20), ("g", 30)] {
                    let text = if fraction.is_empty() {
                        format!("{whole}{unit}")
                    } else {
                        format!("{whole}.{fraction}{unit}")
                    };
                    if whole.is_empty() && fraction.is_empty() {
                        continue;
                    }
                    assert_eq!(parse_size(&text).ok(), exact(whole, fraction, shift), "{text}");
                }
            }
        }
    }

    #[test]
    fn a_percentage_only_when_the_total_is_consistent() {
        let cases = [
            (Progress { received: 0, total: None }, None),
            (Progress { received: 1 << 20, total: Some(4 << 20) }, Some(25)),
            (Progress { received: 5 << 20, total: Some(4 << 20) }, None),
            (Progress { received: 0, total: Some(0) }, None),
        ];
        for (progress, percent) in cases {
            assert_eq!(progress.percent(), percent, "{progress:?}");
        }
    }

    #[test]
    fn tells_an_html_page_from_broken_json() {
        let url = "https://example.com/feed.json";
        let syntax = || FeedError::Syntax { line: 1, column: 1, problem: SyntaxProblem::ExpectedValue };
        let html_page = |content_type: Option<&str>| LoadFailure::HtmlPage {
            url: url.to_owned(),
            content_type: content_type.map(str::to_owned),
        };
        let cases = [
            ("<!DOCTYPE html><title>404</title>", Some("text/html"), syntax(), html_page(Some("text/html"))),
            ("\u{feff}\n  <html>", None, syntax(), html_page(None)),
            (
                "Not Found",
                Some("text/html; charset=utf-8"),
                syntax(),
                html_page(Some("text/html; charset=utf-8")),
            ),
            ("{\"a\": }", Some("application/feed+json"), syntax(), LoadFailure::Feed(syntax())),
            ("<p>", Some("text/html"), FeedError::NotAnObject, LoadFailure::Feed(FeedError::NotAnObject)),
        ];
        for (text, content_type, error, expected) in cases {
            assert_eq!(LoadFailure::of_document(url, content_type, text, error), expected, "{text:?}");
        }
    }
}
