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

/// The Gregorian months as CLDR names them in Arabic.
const ARABIC_MONTH_NAMES: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

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

    /// Reads a date the ways feeds write them: RFC 3339; ISO 8601 without seconds, with a
    /// `+0500` or `+05` offset, or a date alone (`2024-10-25`, read as midnight UTC); and
    /// RFC 822 / RFC 2822, as RSS has them (`Fri, 31 May 2019 12:17:58 -0700`, with or without
    /// the day's name or the seconds, a two-digit year, `GMT`, `UT`, `Z`, the US zone names).
    /// `None` when it is none of these. A date and time without any offset is refused: its
    /// instant is unknown. The looser forms are rewritten as RFC 3339 and read as that, so
    /// every date is checked by the one parser.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        Timestamp::parse_rfc3339(text)
            .or_else(|| Timestamp::parse_rfc3339(&loose_iso_as_rfc3339(text)?))
            .or_else(|| Timestamp::parse_rfc3339(&rfc2822_as_rfc3339(text)?))
    }

    /// The instant in RFC 3339, for `<time datetime>`: the feed's own text when it wrote RFC
    /// 3339, else its rewriting as RFC 3339.
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

    /// The calendar date in `language` (a BCP 47 tag): Arabic month names for Arabic, else
    /// English, "25 October 2024". What a native render (the prerendered page) writes where the
    /// browser formats a date with `Intl`; hydration replaces it with the browser's text.
    pub fn long_date_in(&self, language: &str) -> String {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        match primary.eq_ignore_ascii_case("ar") {
            true => format!("{} {} {}", self.day, ARABIC_MONTH_NAMES[usize::from(self.month - 1)], self.year),
            false => self.long_date(),
        }
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

/// ISO 8601 as feeds write it, as RFC 3339: a date alone becomes midnight UTC, a time without
/// seconds gets them, a `+0500` or `+05` offset its colon and minutes.
fn loose_iso_as_rfc3339(text: &str) -> Option<String> {
    if !text.is_ascii() {
        return None;
    }
    if text.len() == 10 {
        return Some([text, "T00:00:00Z"].concat());
    }
    let zone_at = 11 + text.get(11..)?.find(['+', '-', 'Z', 'z'])?;
    let (time, zone) = text.split_at(zone_at);
    let seconds = if time.len() == 16 { ":00" } else { "" };
    Some([time, seconds, &with_colon(zone)].concat())
}

/// A `+hhmm` or `+hh` offset as `+hh:mm`; anything else as it is.
fn with_colon(zone: &str) -> String {
    match (zone.get(..3), zone.get(3..)) {
        (Some(hours), Some("")) if zone.len() == 3 => [hours, ":00"].concat(),
        (Some(hours), Some(minutes)) if minutes.len() == 2 => [hours, ":", minutes].concat(),
        _ => zone.to_owned(),
    }
}

/// An RFC 822 / RFC 2822 date (`[Fri,] 31 May 2019 12:17[:58] -0700`, a trailing comment such
/// as `(UTC)` ignored) as RFC 3339.
fn rfc2822_as_rfc3339(text: &str) -> Option<String> {
    let text = text.split('(').next()?;
    let mut words =
        text.split(|c: char| c.is_ascii_whitespace() || c == ',').filter(|w| !w.is_empty()).peekable();
    // The day's name, when there is one, says nothing the date does not.
    if words.peek().is_some_and(|w| w.bytes().all(|b| b.is_ascii_alphabetic())) {
        words.next();
    }
    let (day, month, year, time, zone) =
        (words.next()?, words.next()?, words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || day.len() > 2 || month.len() < 3 || !year.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let day: u32 = day.parse().ok()?;
    let month = month.to_ascii_lowercase();
    let month = 1 + MONTH_NAMES.iter().position(|name| name.to_ascii_lowercase().starts_with(&month))? as u32;
    let year: u32 = year.parse().ok()?;
    // RFC 2822's reading of two- and three-digit years.
    let year = match year {
        0..=49 => 2000 + year,
        50..=999 => 1900 + year,
        _ => year,
    };
    let seconds = if time.len() == 5 { ":00" } else { "" };
    let zone = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => "Z".to_owned(),
        "EDT" => "-04:00".to_owned(),
        "EST" | "CDT" => "-05:00".to_owned(),
        "CST" | "MDT" => "-06:00".to_owned(),
        "MST" | "PDT" => "-07:00".to_owned(),
        "PST" => "-08:00".to_owned(),
        numeric if numeric.len() == 5 && numeric.starts_with(['+', '-']) => with_colon(numeric),
        _ => return None,
    };
    // Digits by hand: formatting with widths costs the bundle more than this.
    let mut out = String::with_capacity(32);
    for (value, width, after) in [(year, 1000, "-"), (month, 10, "-"), (day, 10, "T")] {
        let mut unit = width;
        while unit > 0 {
            out.push(char::from(b'0' + (value / unit % 10) as u8));
            unit /= 10;
        }
        out.push_str(after);
    }
    Some([&out, time, seconds, &zone].concat())
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

    #[test]
    fn reads_dates_as_feeds_write_them() {
        let cases = [
            ("Fri, 31 May 2019 12:17:58 -0700", "2019-05-31T12:17:58-07:00", "31 May 2019"),
            ("31 May 2019 12:17 GMT", "2019-05-31T12:17:00Z", "31 May 2019"),
            ("Sat, 1 Jun 19 08:00:00 EST", "2019-06-01T08:00:00-05:00", "1 June 2019"),
            ("Tue, 05 Sep 95 23:59:59 PDT", "1995-09-05T23:59:59-07:00", "5 September 1995"),
            ("Mon, 02 Jan 2006 15:04:05 +0000 (UTC)", "2006-01-02T15:04:05+00:00", "2 January 2006"),
            ("Wednesday, 07 Feb 2024 07:00:00 +0530", "2024-02-07T07:00:00+05:30", "7 February 2024"),
            ("2024-10-25T09:30+05:00", "2024-10-25T09:30:00+05:00", "25 October 2024"),
            ("2024-10-25T09:30:00+0500", "2024-10-25T09:30:00+05:00", "25 October 2024"),
            ("2024-10-25 09:30:00.250-03", "2024-10-25 09:30:00.250-03:00", "25 October 2024"),
            ("2024-10-25", "2024-10-25T00:00:00Z", "25 October 2024"),
            ("  2024-02-29t23:59:60.123456789z ", "2024-02-29t23:59:60.123456789z", "29 February 2024"),
        ];
        for (text, rfc3339, long) in cases {
            let parsed = Timestamp::parse(text);
            let got = parsed.as_ref().map(|t| (t.as_rfc3339().to_owned(), t.long_date()));
            assert_eq!(got, Some((rfc3339.to_owned(), long.to_owned())), "{text:?}");
        }
        let same_instant = [("Fri, 31 May 2019 12:17:58 -0700", "2019-05-31T19:17:58Z")];
        for (a, b) in same_instant {
            assert_eq!(Timestamp::parse(a), Timestamp::parse(b), "{a} = {b}");
        }
        let refused = [
            "yesterday",
            "2024-10-25T09:30",
            "2024-10-25T09:30:00",
            "2024-02-30",
            "2024-10-25T09:30:00+2400",
            "Fri, 31 Foo 2019 12:17:58 -0700",
            "31 May 2019",
            "Fri, 31 May 2019 12:17:58",
            "Fri, 31 May 2019 25:00:00 GMT",
            "Fri, 31 May 2019 12:17:58 -07",
            "Fri, 32 May 2019 12:17:58 GMT",
            "Fri, 31 May 2019 12:17:58 GMT and more",
        ];
        for text in refused {
            assert!(Timestamp::parse(text).is_none(), "{text:?} should be refused");
        }
    }
}
