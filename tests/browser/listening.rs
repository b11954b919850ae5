//! Reading an article aloud, through a stand-in for the browser's `speechSynthesis` (its voices,
//! the utterances it is given, and their ends under the test's control): the reading order, the
//! mark that moves with the sentence, pause and resume, skipping paragraphs, the speed and the
//! voice remembered per language, the `n` key, reading stopped when the article closes, and no
//! control where there is no voice for the article's language.

use article_reader::{FeedLocation, ReaderOptions, Routing};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

use super::support::{blob_url, press, settled, Mounted};

/// Stands in for `speechSynthesis` and `SpeechSynthesisUtterance` until dropped: `getVoices()`
/// answers with the voices given, `speak` keeps each utterance (`arSpeech.spoken`), `cancel`
/// counts and forgets the one speaking.
struct Speech;

impl Speech {
    /// With `voices`, a JavaScript array of `{name, lang, voiceURI, default}`.
    fn with_voices(voices: &str) -> Speech {
        let install = format!(
            r#"
            const synth = new EventTarget();
            synth.voices = {voices};
            synth.spoken = [];
            synth.cancelled = 0;
            synth.current = null;
            synth.getVoices = () => synth.voices.slice();
            synth.speak = (u) => {{ synth.spoken.push(u); synth.current = u; }};
            synth.cancel = () => {{ synth.cancelled += 1; synth.current = null; }};
            synth.pause = () => {{}};
            synth.resume = () => {{}};
            globalThis.arSaved = ['speechSynthesis', 'SpeechSynthesisUtterance']
                .map((name) => [name, Object.getOwnPropertyDescriptor(window, name)]);
            Object.defineProperty(window, 'speechSynthesis', {{ value: synth, configurable: true }});
            Object.defineProperty(window, 'SpeechSynthesisUtterance', {{
                value: class {{ constructor(text) {{ this.text = text; }} }},
                configurable: true, writable: true,
            }});
            globalThis.arSpeech = synth;"#
        );
        js_sys::Function::new_no_args(&install).call0(&JsValue::NULL).unwrap();
        Speech
    }

    fn eval(script: &str) -> JsValue {
        js_sys::Function::new_no_args(script).call0(&JsValue::NULL).unwrap()
    }

    /// The texts of the utterances spoken so far.
    fn spoken() -> Vec<String> {
        let texts = Self::eval("return arSpeech.spoken.map((u) => u.text)");
        texts.dyn_into::<js_sys::Array>().unwrap().iter().filter_map(|t| t.as_string()).collect()
    }

    /// A property of the last utterance spoken.
    fn last(property: &str) -> JsValue {
        Self::eval(&format!("const u = arSpeech.spoken.at(-1); return u && u.{property}"))
    }

    fn cancelled() -> u32 {
        Self::eval("return arSpeech.cancelled").as_f64().unwrap_or_default() as u32
    }

    /// Whether an utterance is speaking (spoken and neither ended nor cancelled).
    fn speaking() -> bool {
        Self::eval("return arSpeech.current !== null").is_truthy()
    }

    /// The speaking utterance comes to its end, as the engine says when it has said it all.
    fn end() {
        Self::eval("const u = arSpeech.current; arSpeech.current = null; u.onend(new Event('end'))");
    }

    /// The browser's voices change to `voices`, and it says so.
    fn voices_change(voices: &str) {
        Self::eval(&format!(
            "arSpeech.voices = {voices}; arSpeech.dispatchEvent(new Event('voiceschanged'))"
        ));
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        Self::eval(
            "for (const [name, saved] of arSaved) {
                 if (saved) Object.defineProperty(window, name, saved); else delete window[name];
             }
             delete globalThis.arSaved; delete globalThis.arSpeech;",
        );
    }
}

const ENGLISH: &str = r#"[{name: "Ann", lang: "en-US", voiceURI: "ann", default: true},
    {name: "Ben", lang: "en-GB", voiceURI: "ben", default: false},
    {name: "Sami", lang: "ar-SA", voiceURI: "sami", default: false}]"#;

/// A feed in English with one article of a headline, two paragraphs (a sentence of the first
/// with emphasis in it) and a list, and one article in German.
fn feed() -> String {
    let items = [
        r#"{"id": "a", "title": "Listen here", "content_html": "<p>First one. Second <em>one</em>.</p><p>Third one.</p><ul><li>Fourth one.</li></ul>"}"#,
        r#"{"id": "de", "title": "Hör zu", "language": "de", "content_text": "Eins. Zwei."}"#,
    ];
    format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Listening", "language": "en", "items": [{}]}}"#,
        items.join(",")
    )
}

fn options(url: &str) -> ReaderOptions {
    ReaderOptions {
        src: Ok(FeedLocation::Url(url.to_owned())),
        routing: Routing::Hash,
        ..ReaderOptions::default()
    }
}

async fn open(url: &str) -> Mounted {
    let reader = Mounted::with_options("#/article/a", options(url)).await;
    reader.until("the article offers to listen", |r| r.texts("button[part=listen]") == ["Listen"]).await;
    reader
}

/// What the reader marks as being read.
fn marked(reader: &Mounted) -> Vec<String> {
    reader.texts("mark.ar-speaking")
}

fn status(reader: &Mounted) -> String {
    reader.texts(".ar-listen__said").join("")
}

/// Waits until `count` utterances have been spoken.
async fn spoken(reader: &Mounted, count: usize) {
    reader.until(&format!("{count} utterances"), |_| Speech::spoken().len() == count).await;
}

fn choose(reader: &Mounted, selector: &str, value: &str) {
    let select: HtmlSelectElement = reader.one(selector).unwrap().dyn_into().unwrap();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_article_is_read_sentence_by_sentence_in_order_with_the_sentence_marked() {
    let _speech = Speech::with_voices(ENGLISH);
    let reader = open(&blob_url(&feed())).await;
    let focused = gloo::utils::document().active_element();
    reader.click("button", "Listen");
    spoken(&reader, 1).await;
    assert_eq!(Speech::last("lang").as_string().as_deref(), Some("en"), "in the feed's language");
    assert_eq!(Speech::last("voice.voiceURI").as_string().as_deref(), Some("ann"), "its default voice");
    assert_eq!(Speech::last("rate").as_f64(), Some(1.0));
    reader.until("reading is said", |r| status(r) == "Reading").await;
    assert_eq!(reader.texts("button[part=listen]"), ["Pause"]);
    assert_eq!(marked(&reader), ["Listen here"]);

    let order = ["First one.", "Second one.", "Third one.", "Fourth one."];
    for (n, sentence) in order.iter().enumerate() {
        Speech::end();
        spoken(&reader, n + 2).await;
        assert_eq!(Speech::spoken().last().map(String::as_str), Some(*sentence));
        reader.until("the mark moves to the sentence read", |r| marked(r) == [*sentence]).await;
        assert_eq!(gloo::utils::document().active_element(), focused, "the focus stays where it was");
    }
    assert_eq!(Speech::spoken()[0], "Listen here", "the headline first");
    // The mark wraps the emphasis with its sentence, and the text reads as it did.
    Speech::end();
    reader.until("the reading ends", |r| status(r) == "Stopped").await;
    assert!(marked(&reader).is_empty());
    assert_eq!(reader.texts("button[part=listen]"), ["Listen"]);
    assert_eq!(reader.texts(".ar-body p"), ["First one. Second one.", "Third one."]);
    assert_eq!(reader.texts(".ar-body em"), ["one"]);
    assert_eq!(reader.texts("h1"), ["Listen here"]);
    assert_eq!(Speech::spoken().len(), 5);
}

#[wasm_bindgen_test]
async fn pause_resume_skip_and_the_speed_and_voice_remembered() {
    let _speech = Speech::with_voices(ENGLISH);
    let url = blob_url(&feed());
    let reader = open(&url).await;
    reader.click("button", "Listen");
    spoken(&reader, 1).await;
    Speech::end();
    spoken(&reader, 2).await;

    // Paused: silent, the sentence still marked; resumed: that sentence again.
    let cancelled = Speech::cancelled();
    reader.click("button", "Pause");
    reader.until("pausing is said", |r| status(r) == "Paused").await;
    assert!(!Speech::speaking() && Speech::cancelled() > cancelled, "the speech is cancelled");
    assert_eq!(marked(&reader), ["First one."]);
    assert_eq!(reader.texts("button[part=listen]"), ["Resume"]);
    settled().await;
    assert_eq!(Speech::spoken().len(), 2, "nothing said while paused");
    reader.click("button", "Resume");
    spoken(&reader, 3).await;
    assert_eq!(Speech::spoken()[2], "First one.");

    // A paragraph forward, then back: the start of the one before.
    reader.one(".ar-listen__forward").unwrap().dyn_into::<HtmlElement>().unwrap().click();
    spoken(&reader, 4).await;
    assert_eq!(Speech::spoken()[3], "Third one.");
    assert_eq!(marked(&reader), ["Third one."]);
    reader.one(".ar-listen__back").unwrap().dyn_into::<HtmlElement>().unwrap().click();
    spoken(&reader, 5).await;
    assert_eq!(Speech::spoken()[4], "First one.");

    // The speed and the voice: the sentence said again with them at once.
    choose(&reader, ".ar-listen__rate", "150");
    spoken(&reader, 6).await;
    assert_eq!((Speech::spoken()[5].as_str(), Speech::last("rate").as_f64()), ("First one.", Some(1.5)));
    assert_eq!(reader.texts(".ar-listen__voice option"), ["Ann", "Ben"], "the English voices");
    choose(&reader, ".ar-listen__voice", "ben");
    spoken(&reader, 7).await;
    assert_eq!(Speech::last("voice.voiceURI").as_string().as_deref(), Some("ben"));
    reader.click("button", "Stop");
    reader.until("stopping is said", |r| status(r) == "Stopped").await;
    drop(reader);

    // Remembered for English: a reader of the same feed reads at that speed with that voice.
    let reader = open(&url).await;
    reader.click("button", "Listen");
    spoken(&reader, 8).await;
    assert_eq!(Speech::last("rate").as_f64(), Some(1.5));
    assert_eq!(Speech::last("voice.voiceURI").as_string().as_deref(), Some("ben"));
    reader.click("button", "Stop");
}

#[wasm_bindgen_test]
async fn the_n_key_starts_and_stops_and_closing_the_article_stops_reading() {
    let _speech = Speech::with_voices(ENGLISH);
    let reader = open(&blob_url(&feed())).await;
    press("n");
    spoken(&reader, 1).await;
    reader.until("reading is said", |r| status(r) == "Reading").await;
    press("n");
    reader.until("the key stops it", |r| status(r) == "Stopped").await;
    assert!(!Speech::speaking() && marked(&reader).is_empty());

    press("n");
    spoken(&reader, 2).await;
    let cancelled = Speech::cancelled();
    reader.click("a.ar-back", "");
    reader.until("the feed is back", |r| r.one("h1.ar-article__title").is_none()).await;
    assert!(Speech::cancelled() > cancelled, "closing the article stops the speech");
    settled().await;
    assert_eq!(Speech::spoken().len(), 2);

    // The help lists the key.
    press("?");
    reader.until("the help opens", |r| r.one("dialog[open]").is_some()).await;
    assert!(reader.texts("dialog[open] dd").iter().any(|t| t == "listen to the article, or stop"));
}

#[wasm_bindgen_test]
async fn no_control_without_a_voice_for_the_articles_language() {
    let _speech = Speech::with_voices("[]");
    let url = blob_url(&feed());
    let reader = Mounted::with_options("#/article/a", options(&url)).await;
    reader.until("the article opens", |r| r.one("h1.ar-article__title").is_some()).await;
    settled().await;
    assert!(reader.one("button[part=listen]").is_none(), "no voices yet");
    press("n");
    settled().await;
    assert!(Speech::spoken().is_empty(), "and the key does nothing");
    // Chromium lists its voices later, with `voiceschanged`.
    Speech::voices_change(ENGLISH);
    reader.until("the control comes with the voices", |r| r.one("button[part=listen]").is_some()).await;
    assert!(reader.one(".ar-listen__voice").is_none(), "no choice before reading");
    reader.click("button", "Listen");
    reader.until("the choice shows while reading", |r| r.one(".ar-listen__voice").is_some()).await;
    reader.click("button", "Stop");
    reader.until("and goes with the reading", |r| r.one(".ar-listen__voice").is_none()).await;
    drop(reader);

    // German, with English and Arabic voices only: nothing offered.
    let reader = Mounted::with_options("#/article/de", options(&url)).await;
    reader.until("the article opens", |r| r.texts("h1") == ["Hör zu"]).await;
    settled().await;
    assert!(reader.one("button[part=listen]").is_none());
}

#[wasm_bindgen_test]
async fn voices_without_an_address_are_told_apart_by_name() {
    // As WebKitGTK lists its voices: an empty `voiceURI`.
    let _speech = Speech::with_voices(
        r#"[{name: "kal", lang: "en-US", voiceURI: "", default: true},
            {name: "slt", lang: "en-US", voiceURI: "", default: false}]"#,
    );
    let reader = open(&blob_url(&feed())).await;
    reader.click("button", "Listen");
    spoken(&reader, 1).await;
    assert_eq!(Speech::last("voice.name").as_string().as_deref(), Some("kal"));
    choose(&reader, ".ar-listen__voice", "slt");
    spoken(&reader, 2).await;
    assert_eq!(Speech::last("voice.name").as_string().as_deref(), Some("slt"), "the voice chosen");
    reader.click("button", "Stop");
}

#[wasm_bindgen_test]
async fn a_language_tag_the_browser_rejects_is_read_a_paragraph_at_a_time() {
    // "en-" (a hyphen left dangling): an English voice fits it, but `Intl.Segmenter` throws on it.
    let _speech = Speech::with_voices(ENGLISH);
    let feed = feed().replace(r#""language": "en""#, r#""language": "en-""#);
    let reader = open(&blob_url(&feed)).await;
    reader.click("button", "Listen");
    spoken(&reader, 1).await;
    Speech::end();
    spoken(&reader, 2).await;
    assert_eq!(Speech::spoken().last().map(String::as_str), Some("First one. Second one."), "a paragraph");
    reader.click("button", "Pause");
    reader.until("the reading pauses", |r| status(r) == "Paused").await;
    reader.click("button", "Stop");
    reader.until("the reading stops", |r| status(r) == "Stopped").await;
}
