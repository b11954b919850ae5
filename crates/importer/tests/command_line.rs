//! The `article-reader-import` binary as a person runs it: files, standard input and http URLs
//! (served from loopback by a small server in the test), options, messages and exit status.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use article_reader_core::load_feed;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[String], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-reader-import"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the importer: {e:?}"));
    if let Some(mut input) = child.stdin.take() {
        // The importer may exit without reading (a usage error); a broken pipe is fine then.
        let _ = input.write_all(stdin);
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("the importer did not finish: {e:?}"));
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The ids of the feed in `json`, which the reader must load with nothing skipped.
fn loaded_ids(json: &str) -> Vec<String> {
    let loaded =
        load_feed(json).unwrap_or_else(|e| panic!("the reader cannot load the output: {e:?}\n{json}"));
    assert!(loaded.skipped.is_empty(), "the reader skipped {:?}", loaded.skipped);
    loaded.feed.articles.iter().map(|a| a.id.as_str().to_owned()).collect()
}

/// Serves `routes` (path, content type, body) over HTTP on loopback, one request per
/// connection, for as long as the test runs; any other path is a 404.
fn serve(routes: Vec<(&'static str, &'static str, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("cannot listen: {e:?}"));
    let origin = format!("http://{}", listener.local_addr().map(|a| a.to_string()).unwrap_or_default());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/");
            let response = match routes.iter().find(|(p, ..)| *p == path) {
                Some((_, content_type, body)) => format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                ),
                None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(),
            };
            let _ = (&stream).write_all(response.as_bytes());
        }
    });
    origin
}

/// An address on loopback where nothing listens.
fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("cannot listen: {e:?}"));
    let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    drop(listener);
    format!("http://{address}/feed.xml")
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("article-reader-import-test-{}-{name}", std::process::id()))
}

/// Arguments, standard input, exit status, lines of standard error, ids written.
type Case<'a> = (Vec<String>, &'a [u8], i32, Vec<String>, Vec<&'a str>);

#[test]
fn imports_files_and_standard_input_and_reports_in_words() {
    let json_feed = std::fs::read(fixture("feed.json")).unwrap_or_default();
    let missing = fixture("missing.xml");
    let broken = temp_path("broken.xml");
    std::fs::write(&broken, "<rss version=\"2.0\"><channel><title>x</title><item>").unwrap_or_default();
    let broken = broken.display().to_string();
    let atom = fixture("atom.xml");

    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        (vec!["-".into()], &json_feed, 0,
            vec!["note: standard input: item 4 (id \"desk-3\"): repeats the URL of standard input: item 3 (id \"shared-1\"); the first is kept".into(),
                 "imported 3 items from 1 of 1 input into standard output".into()],
            vec!["desk-1", "desk-2", "shared-1"]),
        (vec![atom.clone(), "--max-items".into(), "1".into()], b"", 0,
            vec![format!("warning: {atom}: item 4 (id \"tag:blog.example.org,2024:empty\"): has neither a title nor any content; skipped"),
                 format!("note: {atom}: item 2 (link \"https://blog.example.org/journal/tea.html\"): past the 1 newest items; left out"),
                 format!("note: {atom}: item 3 (id \"tag:blog.example.org,2024:desert\"): past the 1 newest items; left out"),
                 "imported 1 item from 1 of 1 input into standard output".into()],
            vec!["tag:blog.example.org,2024:valley"]),
        (vec![missing.clone(), broken.clone(), "-".into()], &json_feed, 1,
            vec![format!("error: {missing}: could not read: No such file or directory (os error 2)"),
                 format!("error: {broken}: not a feed: unable to parse XML: Parser error: syntax error: tag not closed: `>` not found before end of input"),
                 "note: standard input: item 4 (id \"desk-3\"): repeats the URL of standard input: item 3 (id \"shared-1\"); the first is kept".into(),
                 "imported 3 items from 1 of 3 inputs into standard output".into()],
            vec!["desk-1", "desk-2", "shared-1"]),
        (vec![missing.clone()], b"", 1,
            vec![format!("error: {missing}: could not read: No such file or directory (os error 2)"),
                 "error: no input could be imported; nothing written".into()],
            vec![]),
        (vec![], b"", 2,
            vec!["article-reader-import: no input given: name a feed file, - for standard input, or an http(s) URL".into(),
                 "Try --help for how to use it.".into()],
            vec![]),
        (vec![atom.clone(), "--max-items".into(), "none".into()], b"", 2,
            vec!["article-reader-import: --max-items needs a whole number above 0, not \"none\"".into(),
                 "Try --help for how to use it.".into()],
            vec![]),
    ];
    for (args, stdin, status, stderr, ids) in cases {
        let run = run(&args, stdin);
        assert_eq!(run.stderr.lines().collect::<Vec<_>>(), stderr, "{args:?}: standard error");
        assert_eq!(run.status, status, "{args:?}: exit status");
        let written = if run.stdout.is_empty() { Vec::new() } else { loaded_ids(&run.stdout) };
        assert_eq!(written, ids, "{args:?}: items written");
    }
}

#[test]
fn writes_the_output_file_with_the_title_asked_for() {
    let output = temp_path("out.json");
    let args: Vec<String> = vec![
        fixture("rss-2.0.xml"),
        fixture("feed.json"),
        "--title".into(),
        "Morning reading".into(),
        "-o".into(),
        output.display().to_string(),
    ];
    let run = run(&args, b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "nothing on standard output");
    assert_eq!(
        run.stderr.lines().last(),
        Some(format!("imported 6 items from 2 of 2 inputs into {}", output.display()).as_str())
    );
    let json = std::fs::read_to_string(&output).unwrap_or_default();
    let _ = std::fs::remove_file(&output);
    assert_eq!(loaded_ids(&json).len(), 6);
    assert_eq!(load_feed(&json).map(|l| l.feed.title).ok().as_deref(), Some("Morning reading"));
}

#[test]
fn fetches_http_inputs_and_resolves_against_their_address() {
    let rss = "<rss version=\"2.0\"><channel><title>Served</title><item><title>One</title><link>/a/1</link><description>&lt;p&gt;See &lt;a href=\"more.html\"&gt;more&lt;/a&gt;.&lt;/p&gt;</description><enclosure url=\"img/1.png\" type=\"image/png\"/></item></channel></rss>".to_owned();
    let origin = serve(vec![("/feeds/rss.xml", "application/rss+xml", rss)]);
    let unreachable = closed_port_url();
    let args =
        vec![format!("{origin}/feeds/rss.xml"), format!("{origin}/feeds/gone.xml"), unreachable.clone()];
    let run = run(&args, b"");
    assert_eq!(run.status, 1, "{}", run.stderr);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert_eq!(
        errors[0],
        format!("error: {origin}/feeds/gone.xml: could not fetch: the server answered 404 Not Found")
    );
    assert!(errors[1].starts_with(&format!("error: {unreachable}: could not fetch: ")), "{}", errors[1]);
    assert_eq!(loaded_ids(&run.stdout), [format!("{origin}/a/1")]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
    let item = &document["items"][0];
    assert_eq!(item["content_html"], format!("<p>See <a href=\"{origin}/a/more.html\">more</a>.</p>"));
    assert_eq!(item["image"], format!("{origin}/feeds/img/1.png"));
}

#[test]
fn help_and_version_go_to_standard_output() {
    let help = run(&["--help".to_owned()], b"");
    assert_eq!((help.status, help.stderr.as_str()), (0, ""));
    assert!(help.stdout.starts_with("Usage: article-reader-import [OPTIONS] INPUT..."), "{}", help.stdout);
    let version = run(&["-V".to_owned()], b"");
    assert_eq!(version.stdout, format!("article-reader-import {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn reads_a_feed_bigger_than_a_pipe_buffer_from_standard_input() {
    let items: String = (0..2000)
        .map(|n| {
            format!(
                "<item><guid>n{n}</guid><title>Item {n}</title><description>Text {n}.</description></item>"
            )
        })
        .collect();
    let rss = format!("<rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>");
    let run = run(&["-".to_owned()], rss.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(loaded_ids(&run.stdout).len(), 2000);
    assert!(run.stdout.starts_with("{\n  \"version\""), "pretty-printed JSON");
}

#[test]
fn writes_the_split_form_for_very_large_feeds() {
    let dir = temp_path("split");
    let args: Vec<String> = vec![
        fixture("rss-2.0.xml"),
        fixture("atom.xml"),
        "--split".into(),
        dir.display().to_string(),
        "--per-chunk".into(),
        "2".into(),
    ];
    let result = run(&args, b"");
    assert_eq!(result.status, 0, "{}", result.stderr);
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let index = load_feed(&read("index.json")).unwrap_or_else(|e| panic!("index: {e:?}"));
    assert!(index.skipped.is_empty(), "{:?}", index.skipped);
    assert!(index.feed.articles.iter().all(|a| a.body.is_empty() && a.body_chunk.is_some()));
    let in_chunks: usize = index
        .feed
        .articles
        .iter()
        .filter_map(|a| a.body_chunk.as_ref().map(|c| c.as_str().to_owned()))
        .collect::<std::collections::BTreeSet<_>>()
        .iter()
        .map(|chunk| loaded_ids(&read(chunk)).len())
        .sum();
    assert_eq!(in_chunks, index.feed.articles.len(), "every article's body is in its chunk");
    let both = run(&[fixture("atom.xml"), "--split".into(), "x".into(), "-o".into(), "y".into()], b"");
    assert_eq!(both.status, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writes_a_feed_in_pages_linked_by_next_url() {
    let inputs = [fixture("rss-2.0.xml"), fixture("atom.xml")];
    let whole = run(&inputs, b"");
    assert_eq!(whole.status, 0, "{}", whole.stderr);
    let dir = temp_path("pages");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e:?}"));
    let file = dir.join("feed.json").display().to_string();
    let mut args = inputs.to_vec();
    args.extend(["-o".into(), file, "--page-size".into(), "2".into()]);
    let result = run(&args, b"");
    assert_eq!(result.status, 0, "{}", result.stderr);

    let (mut ids, mut names) = (Vec::new(), Vec::new());
    let mut next = Some("feed.json".to_owned());
    while let Some(name) = next.take() {
        let json = std::fs::read_to_string(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let page = loaded_ids(&json);
        assert!(!page.is_empty() && page.len() <= 2, "{name}: {page:?}");
        ids.extend(page);
        let loaded = load_feed(&json).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        next = loaded.feed.next_url.map(|url| url.as_str().to_owned());
        names.push(name);
        assert!(names.len() < 50, "the pages loop");
    }
    assert_eq!(ids, loaded_ids(&whole.stdout), "the pages hold the whole feed, in its order");
    assert_eq!(names[1], "feed-2.json");
    assert!(names.len() >= 3, "{names:?}");

    let to_stdout = run(&[fixture("atom.xml"), "--page-size".into(), "2".into()], b"");
    assert_eq!(to_stdout.status, 2, "pages need a file to be named after");
    let _ = std::fs::remove_dir_all(&dir);
}
