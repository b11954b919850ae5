//! Which failures to fetch a feed are worth another try, and after how long.
//!
//! A network error, a request timeout (408), too many requests (429), a server error (5xx), a
//! body cut short of its `Content-Length` and a download stalled for [`STALL_SECONDS`] are
//! transient: tried again after 1, 2 and 4 seconds ([`BACKOFF_SECONDS`]), or after the server's
//! `Retry-After` (in seconds, at most [`MAX_RETRY_AFTER_SECONDS`]), then given up. A 404 or 403
//! (any other status), a document that is not a feed, a feed over the size limit, a CORS
//! refusal and an offline browser are not: trying again would give the same answer (the
//! browser's `online` event tries an offline one again).

use crate::feed::source::LoadFailure;

/// The waits before the second, third and fourth tries.
pub const BACKOFF_SECONDS: [u32; 3] = [1, 2, 4];

/// The longest `Retry-After` honoured; a longer one is waited for this long.
pub const MAX_RETRY_AFTER_SECONDS: u32 = 30;

/// A download with no progress for this long is given up (and tried again).
pub const STALL_SECONDS: u32 = 30;

/// Whether another try may succeed where this one failed.
pub fn is_transient(failure: &LoadFailure) -> bool {
    match failure {
        LoadFailure::Network { .. } | LoadFailure::CutShort { .. } | LoadFailure::Stalled { .. } => true,
        LoadFailure::Status { status, .. } => matches!(status, 408 | 429 | 500..=599),
        _ => false,
    }
}

/// The seconds to wait after the `failures`-th failure in a row before trying again, or `None`
/// to give up (not transient, or the tries are used up).
pub fn wait_after(failures: usize, failure: &LoadFailure) -> Option<u32> {
    if !is_transient(failure) {
        return None;
    }
    let backoff = *BACKOFF_SECONDS.get(failures.checked_sub(1)?)?;
    Some(match failure {
        LoadFailure::Status { retry_after: Some(seconds), .. } => (*seconds).min(MAX_RETRY_AFTER_SECONDS),
        _ => backoff,
    })
}

/// A `Retry-After` header's seconds; `None` for an HTTP date or anything else (the backoff
/// then applies).
pub fn parse_retry_after(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // More digits than a u32 holds is still "a long time".
    Some(value.parse().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, retry_after: Option<u32>) -> LoadFailure {
        LoadFailure::Status { url: "u".into(), status, status_text: String::new(), retry_after }
    }

    #[test]
    fn transient_failures_are_tried_again_with_backoff_then_given_up() {
        let url = || "https://example.com/feed.json".to_owned();
        let network = LoadFailure::Network { url: url(), detail: "TypeError".into() };
        let cases: [(LoadFailure, [Option<u32>; 4]); 13] = [
            (network, [Some(1), Some(2), Some(4), None]),
            (status(503, None), [Some(1), Some(2), Some(4), None]),
            (status(500, None), [Some(1), Some(2), Some(4), None]),
            (status(408, None), [Some(1), Some(2), Some(4), None]),
            (status(429, Some(7)), [Some(7), Some(7), Some(7), None]),
            (status(503, Some(3600)), [Some(30), Some(30), Some(30), None]),
            (
                LoadFailure::CutShort { url: url(), received: 1, expected: 2 },
                [Some(1), Some(2), Some(4), None],
            ),
            (LoadFailure::Stalled { url: url(), seconds: 30 }, [Some(1), Some(2), Some(4), None]),
            (status(404, None), [None; 4]),
            (status(403, Some(1)), [None; 4]),
            (LoadFailure::Refused { url: url() }, [None; 4]),
            (LoadFailure::Offline { url: url() }, [None; 4]),
            (LoadFailure::Feed(crate::FeedError::NotAnObject), [None; 4]),
        ];
        for (failure, waits) in cases {
            let got: Vec<Option<u32>> = (1..=4).map(|n| wait_after(n, &failure)).collect();
            assert_eq!(got, waits, "{failure:?}");
            assert_eq!(wait_after(0, &failure), None);
        }
    }

    #[test]
    fn reads_retry_after_seconds_only() {
        let cases = [
            ("1", Some(1)),
            (" 120 ", Some(120)),
            ("0", Some(0)),
            ("99999999999999", Some(u32::MAX)),
            ("Wed, 21 Oct 2015 07:28:00 GMT", None),
            ("-1", None),
            ("1.5", None),
            ("", None),
        ];
        for (text, seconds) in cases {
            assert_eq!(parse_retry_after(text), seconds, "{text}");
        }
    }
}
