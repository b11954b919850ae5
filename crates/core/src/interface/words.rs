//! The small pieces messages are written with: a quoted excerpt of what a feed holds, a count
//! with its digits grouped, a byte count in binary units. A leaf: it knows no other module, so
//! that anything that writes a message can use it.

/// The words of a byte count in one language: the unit below a kibibyte, singular and plural,
/// then KiB, MiB, GiB and TiB.
#[derive(Clone, Copy, Debug)]
pub struct ByteUnits {
    pub byte: &'static str,
    pub bytes: &'static str,
    pub larger: [&'static str; 4],
}

pub const ENGLISH_BYTE_UNITS: ByteUnits =
    ByteUnits { byte: "byte", bytes: "bytes", larger: ["KiB", "MiB", "GiB", "TiB"] };

/// `1234567` as `1,234,567`.
pub fn group_digits(n: usize) -> String {
    group_digits_in(n, ",")
}

/// `1234567` with `mark` between each group of three digits (a language's: `1 234 567`).
pub fn group_digits_in(n: usize, mark: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * mark.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(mark);
        }
        out.push(digit);
    }
    out
}

/// A byte count for people: `512 bytes`, `1.5 KiB`, `64 MiB`.
pub fn human_bytes(bytes: u64) -> String {
    human_bytes_in(bytes, &ENGLISH_BYTE_UNITS, ".")
}

/// [`human_bytes`] with the units of a language, and its decimal mark (`1,5 Mio`).
pub fn human_bytes_in(bytes: u64, units: &ByteUnits, decimal: &str) -> String {
    if bytes < 1024 {
        return format!("{bytes} {}", if bytes == 1 { units.byte } else { units.bytes });
    }
    // Integer arithmetic in tenths: no float formatting in the wasm for one decimal place.
    let mut unit = 0;
    let mut divisor: u64 = 1024;
    while bytes / divisor >= 1024 && unit < units.larger.len() - 1 {
        divisor *= 1024;
        unit += 1;
    }
    // (bytes * 10 + divisor / 2) / divisor and (bytes + divisor / 2) / divisor from the quotient
    // and the remainder: exact and without overflow in u64. (u128 arithmetic here and in
    // `source::parse_size` linked 128-bit division and formatting: 1.3 KB brotli of the wasm.)
    let (quotient, remainder) = (bytes / divisor, bytes % divisor);
    let tenths = quotient * 10 + (remainder * 10 + divisor / 2) / divisor;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 || whole >= 100 {
        format!("{} {}", quotient + (remainder + divisor / 2) / divisor, units.larger[unit])
    } else {
        format!("{whole}{decimal}{tenth} {}", units.larger[unit])
    }
}

/// Text in double quotes for a message, with quotes, backslashes and control characters
/// escaped so the message shows exactly what the feed holds.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `template` with each `{n}` replaced by `values[n]` (by nothing when there is no such value);
/// any other brace is kept. One function fills every message of every language, where a
/// `format!` per message and language would each be code of their own in the wasm.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| Some((close, after[..close].parse::<usize>().ok()?)));
        match slot {
            Some((close, n)) => {
                out.push_str(values.get(n).copied().unwrap_or_default());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// At most `max_chars` characters of `text`, with an ellipsis when it was longer.
pub fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic in u64 gives what exact u128 arithmetic gives, at the edges too.
    #[test]
    fn byte_counts_agree_with_exact_arithmetic() {
        let exact = |bytes: u64| -> String {
            const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
            if bytes < 1024 {
                return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
            }
            let (mut unit, mut divisor) = (0, 1024u128);
            while u128::from(bytes) / divisor >= 1024 && unit < UNITS.len() - 1 {
                divisor *= 1024;
                unit += 1;
            }
            let tenths = (u128::from(bytes) * 10 + divisor / 2) / divisor;
            if tenths % 10 == 0 || tenths / 10 >= 100 {
                format!("{} {}", (u128::from(bytes) + divisor / 2) / divisor, UNITS[unit])
            } else {
                format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
            }
        };
        let mut samples =
            vec![0, 1, 2, 1023, 1024, 1075, 1076, 1535, 1536, u64::MAX, u64::MAX - 1, u64::MAX / 10];
        for power in 1..=5u32 {
            let unit = 1u64 << (10 * power);
            for near in
                [unit - 1, unit, unit + 1, unit / 20 * 19, unit * 1023, unit * 1024 - 1, unit * 99 + unit / 2]
            {
                samples.extend([near, near.wrapping_mul(3) / 2, near / 7 * 5]);
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.extend([x, x >> (x % 64)]);
        }
        for bytes in samples {
            assert_eq!(human_bytes(bytes), exact(bytes), "{bytes}");
        }
    }

    #[test]
    fn groups_digits_in_threes() {
        for (n, grouped) in [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567")] {
            assert_eq!(group_digits(n), grouped);
        }
    }

    #[test]
    fn quotes_what_the_feed_holds_visibly() {
        assert_eq!(quote("a \"b\"\\\n\u{7}"), r#""a \"b\"\\\n\u{0007}""#);
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
