//! RFC 3339 timestamps: parsing, ordering and the reader's human date format.
//!
//! A [`Timestamp`] remembers the calendar date and offset exactly as the feed wrote them, so a
//! date shows as the publisher meant it ("25 October 2024") whatever the reader's time zone is,
//! while ordering uses the instant in UTC.

use std::cmp::Ordering;
use std::fmt;

/// A point in time parsed from an RFC 3339 string such as `2024-10-25T09:30:00+05:00`.
#[derive(Clone, Debug)]
pub struct Timestamp {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    offset_minutes: i16,
    source: String,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Timestamp {
    /// Parses an RFC 3339 `date-time`; `None` when the text is not one.
    ///
    /// Accepts `T`, `t` or a space between date and time (RFC 3339 §5.6 allows the space),
    /// fractional seconds, `Z`/`z` or a `±hh:mm` offset, and a leap second.
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 || !b.is_ascii() {
            return None;
        }
        let year = digits(b, 0, 4)? as i32;
        let month = digits(b, 5, 2)? as u8;
        let day = digits(b, 8, 2)? as u8;
        let hour = digits(b, 11, 2)? as u8;
        let minute = digits(b, 14, 2)? as u8;
        let second = digits(b, 17, 2)? as u8;
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut rest = &b[19..];
        let mut nanos = 0u32;
        if let Some((b'.', fraction)) = rest.split_first() {
            let len = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if len == 0 {
                return None;
            }
            for (i, digit) in fraction[..len].iter().take(9).enumerate() {
                nanos += u32::from(digit - b'0') * 10u32.pow(8 - i as u32);
            }
            rest = &fraction[len..];
        }
        let offset_minutes = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), ..] if rest.len() == 6 && rest[3] == b':' => {
                let hours = digits(rest, 1, 2)? as i16;
                let minutes = digits(rest, 4, 2)? as i16;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let total = hours * 60 + minutes;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return None,
        };
        Some(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanos,
            offset_minutes,
            source: text.to_owned(),
        })
    }

    /// The text as the feed wrote it: what `<time datetime>` should carry.
    pub fn as_rfc3339(&self) -> &str {
        &self.source
    }

    /// Year, month (1 to 12) and day as the feed wrote them.
    pub fn calendar_date(&self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The calendar date as written, for example `25 October 2024`.
    pub fn long_date(&self) -> String {
        format!("{} {} {}", self.day, MONTH_NAMES[usize::from(self.month - 1)], self.year)
    }

    /// Seconds since the Unix epoch in UTC, with nanoseconds, for ordering.
    fn instant(&self) -> (i64, u32) {
        let days = days_from_civil(self.year, self.month, self.day);
        let local = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        (local - i64::from(self.offset_minutes) * 60, self.nanos)
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant().cmp(&other.instant())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long_date())
    }
}

fn digits(bytes: &[u8], start: usize, len: usize) -> Option<u32> {
    let slice = bytes.get(start..start + len)?;
    slice.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_valid_timestamps() {
        let cases = [
            ("2024-10-25T09:30:00+05:00", "25 October 2024"),
            ("2026-01-20T00:00:00Z", "20 January 2026"),
            ("2024-02-29t23:59:60.123456789z", "29 February 2024"),
            ("2000-02-29 12:00:00-11:30", "29 February 2000"),
            ("1999-12-31T23:59:59.5+00:00", "31 December 1999"),
        ];
        for (text, expected) in cases {
            let parsed = Timestamp::parse_rfc3339(text);
            assert_eq!(parsed.map(|t| t.long_date()).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_rfc3339() {
        let cases = [
            "",
            "yesterday",
            "2024-10-25",
            "2024-10-25T09:30:00",
            "2024-10-25T09:30+05:00",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-10-25T24:00:00Z",
            "2024-10-25T09:60:00Z",
            "2024-10-25T09:30:00.Z",
            "2024-10-25T09:30:00+0500",
            "2024-10-25T09:30:00+24:00",
            "2024-10-25X09:30:00Z",
            "２０２４-10-25T09:30:00Z",
            "2024-10-25T09:30:00Zjunk",
        ];
        for text in cases {
            assert!(Timestamp::parse_rfc3339(text).is_none(), "{text:?} should be rejected");
        }
    }

    #[test]
    fn orders_by_instant_across_offsets() {
        let cases = [
            ("2024-10-25T09:00:00+05:00", "2024-10-25T04:00:00Z", Ordering::Equal),
            ("2024-10-25T09:00:00+05:00", "2024-10-25T04:00:01Z", Ordering::Less),
            ("2024-01-01T00:00:00-01:00", "2024-01-01T00:30:00Z", Ordering::Greater),
            ("1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", Ordering::Less),
            ("2024-10-25T09:00:00.1Z", "2024-10-25T09:00:00.09Z", Ordering::Greater),
        ];
        for (a, b, expected) in cases {
            let (Some(a_time), Some(b_time)) = (Timestamp::parse_rfc3339(a), Timestamp::parse_rfc3339(b))
            else {
                panic!("fixture {a} or {b} did not parse");
            };
            assert_eq!(a_time.cmp(&b_time), expected, "{a} vs {b}");
        }
    }

    #[test]
    fn keeps_the_source_text_for_machine_readable_output() {
        let text = "2026-01-20T10:15:00+05:00";
        assert_eq!(Timestamp::parse_rfc3339(text).map(|t| t.as_rfc3339().to_owned()).as_deref(), Some(text));
    }
}
