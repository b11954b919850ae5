//! An article read aloud by the browser's speech synthesis (`speechSynthesis`): the headline and
//! every paragraph of the body in the order they are on the page, one sentence an utterance
//! (cut by `Intl.Segmenter`, in the article's language), with the sentence being read marked
//! (`<mark class="ar-speaking">`) and scrolled into view, never focused. What each control does
//! is the core's `listen::Player`; this module speaks, marks, and offers the controls only where
//! the browser has a voice for the article's language (`getVoices()`, again on
//! `voiceschanged`). Reading stops when the article closes, another one opens, or the reader
//! is removed. State changes are said in the controls' own polite status region.
//!
//! One utterance per sentence, rather than one per paragraph followed by `boundary` events:
//! engines differ in which boundaries they report (Chromium words only), and a long utterance
//! is cut short by some; a pause is the utterance cancelled and its sentence said again on
//! resuming, since `speechSynthesis.pause()` does not pause everywhere.
//!
//! The controls are the reading's own, not Yew's: the page renders an empty `.ar-listen` and
//! this module writes them into it once, as markup ([`crate::markup`]), with a status region of
//! their own; a press changes the play button's words and shows or hides (`hidden`) the
//! controls of a reading, so that a press never rebuilds the button that has the focus. One closure hears everything a reading hears: the
//! controls' clicks and choices, the voices changing and each utterance's end. (A virtual node
//! per control, a hook per state, a closure per event kind and controls added and taken away on
//! each start and stop cost several times the wasm.)

use std::cell::RefCell;
use std::rc::Rc;

use article_reader_core::interface::listen::{
    pick_voice, sentences, voices_for, Listening, Playback, Player, Press, Sentence, Voice, RATES,
    RATE_OPTIONS,
};
use article_reader_core::interface::text::Label;
use article_reader_core::interface::words::fill;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, Node, SpeechSynthesis, SpeechSynthesisUtterance, Text};
use yew::NodeRef;

use crate::context::ReaderContext;
use crate::interop::{object, property, set_property};
use crate::markup::Markup;
use crate::prefs::PrefsAction;

/// What is read, in the order it is on the page: the headline, then the body's blocks of text.
const PARAGRAPHS: &str =
    ".ar-article__title, .ar-body :is(p, h2, h3, h4, h5, h6, li, dt, dd, pre, caption, th, td, figcaption)";

/// The presses of the controls' buttons, by their `data-press` (one digit).
const PRESSES: [Press; 4] = [Press::PlayPause, Press::Back, Press::Forward, Press::Stop];

/// The controls where there is a voice, filled (`words::fill`) with the labels Listen, Previous
/// and Next paragraph, Stop and Speed, the speeds' options and the choice of voice (or nothing).
/// Those in `.ar-listen__more` show only while reading. The templates are the reader's own
/// markup, filled with its own labels and with markup that [`Markup`] wrote (a voice's name and
/// address escaped there).
const CONTROLS: &str = concat!(
    r#"<div class="ar-listen__group" role="group" aria-label="{0}">"#,
    r#"<button type="button" class="ar-action ar-listen__play" part="listen" data-press="0">{0}</button>"#,
    r#"<span class="ar-listen__more" hidden>"#,
    r#"<button type="button" class="ar-action ar-listen__back" data-press="1" aria-label="{1}">↑</button>"#,
    r#"<button type="button" class="ar-action ar-listen__forward" data-press="2" aria-label="{2}">↓</button>"#,
    r#"<button type="button" class="ar-action ar-listen__stop" data-press="3">{3}</button>"#,
    r#"<select class="ar-action ar-listen__rate" name="rate" aria-label="{4}">{5}</select>{6}</span>"#,
    r#"<span class="ar-listen__said" role="status"></span></div>"#,
);

/// The choice of voice, filled with the label Voice and the voices' options.
const VOICES: &str =
    r#"<select class="ar-action ar-listen__voice" name="voice" aria-label="{0}">{1}</select>"#;

/// The event kinds the controls' element is heard for.
const HEARD: [&str; 2] = ["click", "change"];

/// One article's reading: what is read, where, and what is speaking.
struct Session {
    cx: ReaderContext,
    synthesis: SpeechSynthesis,
    /// The page's `.ar-listen`, which the controls are written into.
    controls: Element,
    article: Element,
    /// The article's language (its `lang`, else the reader's).
    lang: String,
    listening: Listening,
    /// All the browser's voices, and the same as the core reads them.
    voices: Vec<JsValue>,
    described: Vec<Voice>,
    player: Player,
    paragraphs: Vec<(Element, Vec<Sentence>)>,
    mark: Option<Element>,
    /// The utterance being spoken, whose handlers are taken off before it is cancelled (a
    /// cancelled utterance still reports its end).
    speaking: Option<JsValue>,
    heard: Option<Closure<dyn FnMut(Event)>>,
}

/// A reading aloud of the article on screen, ended (silent, its controls taken away) when
/// dropped.
pub struct Reading(Rc<RefCell<Session>>);

impl Drop for Reading {
    fn drop(&mut self) {
        self.0.borrow_mut().end();
    }
}

/// The browser's speech synthesis, where it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = gloo::utils::window();
    let get = |name: &str| Some(property(&window, name)).filter(JsValue::is_truthy);
    get("SpeechSynthesisUtterance")?;
    get("speechSynthesis").map(JsCast::unchecked_into)
}

/// A reading of the article whose headline is `heading`, its controls written into `controls`
/// once the browser has a voice for the article's language; `None` without speech synthesis.
pub fn start(heading: &NodeRef, controls: &NodeRef, cx: Option<ReaderContext>) -> Option<Reading> {
    let (cx, synthesis, heading, controls) =
        (cx?, synthesis()?, heading.cast::<Element>()?, controls.cast::<Element>()?);
    let article = heading.closest(".ar-article").ok()??;
    let lang = (heading.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|lang| !lang.is_empty())
        .unwrap_or_else(|| cx.ui.tag().to_owned());
    let session = Rc::new(RefCell::new(Session {
        listening: cx.prefs.listening(&lang),
        cx,
        synthesis,
        controls,
        article,
        lang,
        voices: Vec::new(),
        described: Vec::new(),
        player: Player::default(),
        paragraphs: Vec::new(),
        mark: None,
        speaking: None,
        heard: None,
    }));
    let weak = Rc::downgrade(&session);
    let heard = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if let Some(session) = weak.upgrade() {
            session.borrow_mut().hear(&event);
        }
    });
    {
        let mut s = session.borrow_mut();
        let function = heard.as_ref().unchecked_ref();
        for kind in HEARD {
            let _ = s.controls.add_event_listener_with_callback(kind, function);
        }
        let _ = s.synthesis.add_event_listener_with_callback("voiceschanged", function);
        s.heard = Some(heard);
        s.find_voices();
    }
    Some(Reading(session))
}

impl Session {
    /// Stops reading and listening, and takes the controls away.
    fn end(&mut self) {
        if let Some(heard) = self.heard.take() {
            let function = heard.as_ref().unchecked_ref();
            for kind in HEARD {
                let _ = self.controls.remove_event_listener_with_callback(kind, function);
            }
            let _ = self.synthesis.remove_event_listener_with_callback("voiceschanged", function);
        }
        if self.player.playback != Playback::Idle {
            self.silence();
            self.unmark();
        }
        self.controls.set_inner_html("");
    }

    /// What an event means to the reading: a control's press or choice, the voices changing,
    /// or the utterance being spoken (its end) or failing (its error, which stops the reading).
    fn hear(&mut self, event: &Event) {
        // Only the controls' elements are the target of a click or a choice heard.
        let target = event.target().map(JsCast::unchecked_into::<Element>);
        let press = match event.type_().as_str() {
            "voiceschanged" => return self.find_voices(),
            "change" => return self.choose(target),
            "click" => {
                let button = target.and_then(|t| t.closest("[data-press]").ok().flatten());
                let at = button.and_then(|b| b.get_attribute("data-press")).and_then(|p| p.bytes().next());
                match at.and_then(|at| PRESSES.get(usize::from(at.wrapping_sub(b'0')))) {
                    Some(&press) => press,
                    None => return,
                }
            }
            "error" => Press::Stop,
            _ => Press::Spoken,
        };
        self.press(press);
    }

    /// Reads the browser's voices again, and offers Listen only where one is for the language.
    fn find_voices(&mut self) {
        self.voices = self.synthesis.get_voices().to_vec();
        self.described = (self.voices.iter())
            .map(|v| Voice {
                // WebKitGTK's voices have no `voiceURI`: their name is what tells them apart.
                id: Some(text(v, "voiceURI"))
                    .filter(|uri| !uri.is_empty())
                    .unwrap_or_else(|| text(v, "name")),
                lang: text(v, "lang"),
                default: property(v, "default").is_truthy(),
            })
            .collect();
        if voices_for(&self.lang, &self.described).is_empty() {
            self.press(Press::Stop);
            self.controls.set_inner_html("");
        } else if self.controls.first_child().is_none() {
            self.controls.set_inner_html(&self.markup());
            // The speed remembered, chosen (the options are written with none chosen).
            let rate = self.listening.percent();
            let rate = RATES.iter().find(|r| r.0 == rate).map_or("100", |r| r.1);
            if let Ok(Some(select)) = self.controls.query_selector(".ar-listen__rate") {
                set_property(&select, "value", &JsValue::from_str(rate));
            }
        }
    }

    /// The voice chosen (or the closest) for the article's language.
    fn voice(&self) -> Option<usize> {
        pick_voice(&self.lang, &self.described, self.listening.voice.as_deref())
    }

    /// A speed or a voice chosen: remembered for the language, and heard at once (the sentence
    /// is said again at the new speed or in the new voice).
    fn choose(&mut self, select: Option<Element>) {
        let Some(select) = select else { return };
        let value = property(&select, "value").as_string();
        match select.get_attribute("name").as_deref() {
            Some("rate") => self.listening.rate = Listening::from_stored(value.as_deref(), None).rate,
            _ => self.listening.voice = value,
        }
        self.cx.dispatch(PrefsAction::SetListening(self.lang.clone(), self.listening.clone()));
        if self.player.playback == Playback::Playing {
            self.speak();
        }
    }

    /// What a press does: to the reading, to what is said and marked, and to the controls.
    fn press(&mut self, press: Press) {
        let before = self.player.playback;
        if before == Playback::Idle && press == Press::PlayPause {
            self.read_page();
        }
        if !self.player.press(press) {
            return;
        }
        let now = self.player.playback;
        if now == Playback::Playing {
            self.speak();
        } else {
            self.silence();
            if now == Playback::Paused {
                self.mark_current();
            } else {
                self.unmark();
            }
        }
        if now == before {
            return;
        }
        let (play, said) = match now {
            Playback::Playing => (Label::PauseReading, Label::NowReading),
            Playback::Paused => (Label::ResumeReading, Label::ReadingPaused),
            Playback::Idle => (Label::Listen, Label::ReadingStopped),
        };
        let ui = self.cx.ui;
        let controls = &self.controls;
        let find = |selector| controls.query_selector(selector).ok().flatten();
        if let Some(status) = find("[role=status]") {
            status.set_text_content(Some(ui.label(said)));
        }
        let Some(button) = find(".ar-listen__play") else { return };
        button.set_text_content(Some(ui.label(play)));
        let Some(more) = find(".ar-listen__more") else { return };
        // Stopped from a control that hides with the reading's: the focus goes back to Listen
        // rather than nowhere.
        let focused = more.matches(":focus-within").unwrap_or_default();
        let _ = more.toggle_attribute_with_force("hidden", now == Playback::Idle);
        if focused && now == Playback::Idle {
            let _ = button.unchecked_into::<HtmlElement>().focus();
        }
    }

    /// The controls: Listen, and for a reading the paragraph before and after, Stop, the speed
    /// and (with a choice) the voice.
    fn markup(&self) -> String {
        let ui = self.cx.ui;
        let mut voices = Markup::default();
        let fitting = voices_for(&self.lang, &self.described);
        if fitting.len() > 1 {
            let chosen = self.voice();
            for &i in &fitting {
                let (Some(voice), Some(described)) = (self.voices.get(i), self.described.get(i)) else {
                    continue;
                };
                option(&mut voices, &described.id, &text(voice, "name"), Some(i) == chosen);
            }
        }
        let voices = voices.into_string();
        let voices = match voices.is_empty() {
            true => voices,
            false => fill(VOICES, &[ui.label(Label::Voice), &voices]),
        };
        let labels = [
            Label::Listen,
            Label::PreviousParagraph,
            Label::NextParagraph,
            Label::StopReading,
            Label::ReadingSpeed,
        ];
        let [listen, back, forward, stop, speed] = labels.map(|label| ui.label(label));
        fill(CONTROLS, &[listen, back, forward, stop, speed, RATE_OPTIONS, &voices])
    }

    /// Reads the article's paragraphs and cuts them into sentences, from the page as it is now.
    fn read_page(&mut self) {
        let segmenter = segmenter(&self.lang);
        let mut counts = Vec::new();
        self.paragraphs.clear();
        let Ok(list) = self.article.query_selector_all(PARAGRAPHS) else { return };
        for i in 0..list.length() {
            let Some(element) = list.item(i).map(JsCast::unchecked_into::<Element>) else { continue };
            let text = element.text_content().unwrap_or_default();
            // The headline (first) is read as one, and left as the app wrote it but for the mark.
            let starts = match &segmenter {
                Some(segmenter) if i > 0 => starts(segmenter, &text),
                _ => Vec::new(),
            };
            let cut = sentences(&text, &starts);
            counts.push(cut.len());
            self.paragraphs.push((element, cut));
        }
        self.player = Player::new(counts);
    }

    /// Stops speaking, without a word from the utterance stopped.
    fn silence(&mut self) {
        if let Some(utterance) = self.speaking.take() {
            set_property(&utterance, "onend", &JsValue::NULL);
            set_property(&utterance, "onerror", &JsValue::NULL);
        }
        self.synthesis.cancel();
    }

    /// Speaks the sentence the player is at, marked; its end goes on to the next sentence.
    fn speak(&mut self) {
        self.silence();
        self.mark_current();
        let (paragraph, sentence) = self.player.at;
        let Some(sentence) = self.paragraphs.get(paragraph).and_then(|(_, s)| s.get(sentence)) else {
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&sentence.text) else { return };
        set_property(&utterance, "lang", &JsValue::from_str(&self.lang));
        set_property(&utterance, "rate", &rate(self.listening.percent()));
        if let Some(voice) = self.voice().and_then(|i| self.voices.get(i)) {
            set_property(&utterance, "voice", voice);
        }
        if let Some(heard) = &self.heard {
            set_property(&utterance, "onend", heard.as_ref());
            set_property(&utterance, "onerror", heard.as_ref());
        }
        self.synthesis.speak(&utterance);
        self.speaking = Some(utterance.into());
    }

    /// Marks the sentence the player is at, and scrolls it into view if it is not.
    fn mark_current(&mut self) {
        self.unmark();
        let (paragraph, sentence) = self.player.at;
        let Some((element, sentence)) =
            self.paragraphs.get(paragraph).and_then(|(e, s)| Some((e, s.get(sentence)?)))
        else {
            return;
        };
        self.mark = mark(element, sentence.start, sentence.end);
        if let Some(mark) = &self.mark {
            let options = object(&[("block", JsValue::from_str("nearest"))]);
            mark.scroll_into_view_with_scroll_into_view_options(options.unchecked_ref());
        }
    }

    /// Takes the mark away, leaving its text where it was.
    fn unmark(&mut self) {
        let Some(mark) = self.mark.take() else { return };
        let Some(parent) = mark.parent_node() else { return };
        while let Some(child) = mark.first_child() {
            let _ = parent.insert_before(&child, Some(&mark));
        }
        mark.remove();
        parent.normalize();
    }
}

/// An `<option>` of a choice of the controls.
fn option(m: &mut Markup, value: &str, words: &str, chosen: bool) {
    m.start("option").attr("value", value).attr_some("selected", chosen.then_some(""));
    m.end_start().text(words).end("option");
}

/// A speed in percent as `SpeechSynthesisUtterance.rate` takes it (1 is the voice's own).
#[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
fn rate(percent: u16) -> JsValue {
    JsValue::from_f64(f64::from(percent) / 100.0)
}

/// A property of a web API's object, as text (`""` when it is not text).
fn text(object: &JsValue, key: &str) -> String {
    property(object, key).as_string().unwrap_or_default()
}

/// `Intl.Segmenter` by sentence for `lang`, where the browser has it and takes the tag (else
/// each paragraph is read as one). The language is the feed's, and a tag the browser rejects
/// ("en-", a hyphen left dangling) is a RangeError: constructed through `Reflect`, as
/// `dates::formatter` builds `Intl.DateTimeFormat`, it is answered here, where thrown
/// through the wasm it would leave the reading borrowed and every later press a panic.
fn segmenter(lang: &str) -> Option<js_sys::Intl::Segmenter> {
    let constructor = property(&property(&js_sys::global(), "Intl"), "Segmenter");
    let constructor = constructor.dyn_into::<js_sys::Function>().ok()?;
    let options = object(&[("granularity", JsValue::from_str("sentence"))]);
    let args = js_sys::Array::of2(&js_sys::Array::of1(&JsValue::from_str(lang)), &options);
    js_sys::Reflect::construct(&constructor, &args).ok().map(JsCast::unchecked_into)
}

/// Where the segmenter's sentences of `text` start (UTF-16 offsets): the `index` of each of its
/// segments, read through `Array.from` (one call, rather than one per segment and field).
fn starts(segmenter: &js_sys::Intl::Segmenter, text: &str) -> Vec<u32> {
    let segments = js_sys::Array::from(&segmenter.segment(text));
    segments.iter().filter_map(|segment| property(&segment, "index").as_f64()).map(|at| at as u32).collect()
}

/// Wraps the text of `element` from UTF-16 offset `start` to `end` in `<mark class="ar-speaking">`.
/// A text node wholly in the sentence is moved into the mark as it is (the headline's is the
/// app's), and only one cut by the sentence is split.
fn mark(element: &Element, start: u32, end: u32) -> Option<Element> {
    let mut texts = Vec::new();
    text_nodes(element, &mut texts);
    let document = gloo::utils::document();
    let range = document.create_range().ok()?;
    let mut at = 0;
    for text in &texts {
        let length = text.length();
        if (at..at + length).contains(&start) {
            match start - at {
                0 => range.set_start_before(text).ok()?,
                offset => range.set_start(text, offset).ok()?,
            }
        }
        if at < end && end <= at + length {
            match end - at {
                offset if offset == length => range.set_end_after(text).ok()?,
                offset => range.set_end(text, offset).ok()?,
            }
            break;
        }
        at += length;
    }
    let mark = document.create_element("mark").ok()?;
    mark.set_attribute("class", "ar-speaking").ok()?;
    mark.append_child(&range.extract_contents().ok()?.into()).ok()?;
    range.insert_node(&mark).ok()?;
    Some(mark)
}

/// The text nodes under `node`, in order.
fn text_nodes(node: &Node, out: &mut Vec<Text>) {
    let mut child = node.first_child();
    while let Some(node) = child {
        match node.node_type() {
            Node::TEXT_NODE => out.push(node.clone().unchecked_into()),
            _ => text_nodes(&node, out),
        }
        child = node.next_sibling();
    }
}
