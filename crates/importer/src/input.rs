//! Where an input comes from and how its bytes are read: a file, standard input (`-`) or an
//! `http(s)` URL. The only module that does I/O on inputs; everything after it works on bytes.

use std::fmt;
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use article_reader_core::human_bytes;
use url::Url;

/// The most the importer reads from one input, so a runaway download or device cannot exhaust
/// memory. The reader itself refuses feeds over 64 MiB by default; sources are usually smaller
/// than the feed made from them.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How long one download may take from start to end.
const HTTP_TIMEOUT: Duration = Duration::from_secs(60);

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(Url),
}

impl Source {
    /// `-` is standard input, an `http:` or `https:` URL is fetched, anything else is a path.
    pub fn from_arg(arg: &str) -> Source {
        if arg == "-" {
            return Source::Stdin;
        }
        match Url::parse(arg) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => Source::Url(url),
            _ => Source::File(PathBuf::from(arg)),
        }
    }

    /// How messages name this input: as it was given.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".to_owned(),
            Source::File(path) => path.display().to_string(),
            Source::Url(url) => url.to_string(),
        }
    }
}

/// An input's bytes, and the URL they came from when that is known (after redirects): the base
/// of last resort for the feed's relative links.
#[derive(Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub url: Option<Url>,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// A file or standard input could not be read.
    Read(std::io::Error),
    /// The server could not be reached, or the download failed.
    Fetch(String),
    /// The server answered with an error status.
    Status { code: u16, reason: String },
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Read(error) => write!(f, "could not read: {error}"),
            InputError::Fetch(reason) => write!(f, "could not fetch: {reason}"),
            InputError::Status { code, reason } => {
                write!(f, "could not fetch: the server answered {code} {reason}")
            }
            InputError::TooLarge => {
                write!(f, "is larger than the {} the importer reads", human_bytes(MAX_INPUT_BYTES))
            }
        }
    }
}

/// Reads the whole of one input; `stdin` is what `-` reads.
pub fn read_source(source: &Source, stdin: &mut dyn Read) -> Result<Fetched, InputError> {
    match source {
        Source::Stdin => Ok(Fetched { bytes: read_limited(stdin)?, url: None }),
        Source::File(path) => {
            let mut file = std::fs::File::open(path).map_err(InputError::Read)?;
            Ok(Fetched { bytes: read_limited(&mut file)?, url: None })
        }
        Source::Url(url) => fetch(url),
    }
}

fn read_limited(reader: &mut dyn Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(InputError::Read)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge);
    }
    Ok(bytes)
}

fn fetch(url: &Url) -> Result<Fetched, InputError> {
    use ureq::ResponseExt;

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(HTTP_TIMEOUT))
        // A 404 is an answer to report in words, not a transport failure.
        .http_status_as_error(false)
        .user_agent(concat!("article-reader-import/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url.as_str())
        .header(
            "Accept",
            "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.8",
        )
        .call()
        .map_err(|error| InputError::Fetch(error.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(InputError::Status {
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
        });
    }
    let final_url = Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone());
    let bytes =
        response.body_mut().with_config().limit(MAX_INPUT_BYTES).read_to_vec().map_err(
            |error| match error {
                ureq::Error::BodyExceedsLimit(_) => InputError::TooLarge,
                other => InputError::Fetch(other.to_string()),
            },
        )?;
    Ok(Fetched { bytes, url: Some(final_url) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_its_inputs() {
        let cases = [
            ("-", "standard input"),
            ("feeds/a.xml", "feeds/a.xml"),
            ("https://example.com/feed", "https://example.com/feed"),
            ("HTTP://Example.com", "http://example.com/"),
            ("ftp://example.com/feed", "ftp://example.com/feed"),
            ("C:\\feeds\\a.xml", "C:\\feeds\\a.xml"),
        ];
        for (arg, name) in cases {
            assert_eq!(Source::from_arg(arg).name(), name, "{arg}");
        }
        assert!(matches!(Source::from_arg("ftp://example.com/feed"), Source::File(_)));
    }

    #[test]
    fn refuses_an_input_over_the_limit() {
        let mut endless = std::io::repeat(b'x');
        let error = read_source(&Source::Stdin, &mut endless).map(|f| f.bytes.len());
        assert!(matches!(error, Err(InputError::TooLarge)), "{error:?}");
    }
}
