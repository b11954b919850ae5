//! An article read aloud by the browser's speech synthesis (`speechSynthesis`): the headline and
//! every paragraph of the body in the order they are on the page, one sentence an utterance
//! (cut by `Intl.Segmenter`, in the article's language), with the sentence being read marked
//! (`<mark class="ar-speaking">`) and scrolled into view, never focused. What each control does
//! is the core's `listen::Player`; this module speaks, marks, and offers the controls only where
//! the browser has a voice for the article's language (`getVoices()`, again on
//! `voiceschanged`). Reading stops when the article closes, another one opens, or the reader
//! is removed. State changes are said in the article's polite status region.
//!
//! One utterance per sentence, rather than one per paragraph followed by `boundary` events:
//! engines differ in which boundaries they report (Chromium words only), and a long utterance
//! is cut short by some; a pause is the utterance cancelled and its sentence said again on
//! resuming, since `speechSynthesis.pause()` does not pause everywhere.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use article_reader_core::interface::listen::{
    pick_voice, rate_words, sentences, voices_for, Listening, Playback, Player, Press, Sentence, Voice, RATES,
};
use article_reader_core::interface::text::Label;
use gloo::events::EventListener;
use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, HtmlSelectElement, Node, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice,
    Text,
};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::prefs::PrefsAction;

/// What is read, in the order it is on the page: the headline, then the body's blocks of text.
const PARAGRAPHS: &str =
    ".ar-article__title, .ar-body :is(p, h2, h3, h4, h5, h6, li, dt, dd, pre, caption, th, td, figcaption)";

/// The browser's speech synthesis, where it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = gloo::utils::window();
    let has = |name: &str| {
        Reflect::get(&window, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    (has("speechSynthesis") && has("SpeechSynthesisUtterance"))
        .then(|| window.speech_synthesis().ok())
        .flatten()
}

/// One article's reading: what is read, where, and what is speaking.
#[derive(Default)]
struct Session {
    player: Player,
    /// The article's language (its `lang`, else the reader's), and the voices for it.
    lang: String,
    voices: Vec<SpeechSynthesisVoice>,
    /// The same, as the core reads them.
    described: Vec<Voice>,
    listening: Listening,
    paragraphs: Vec<(Element, Vec<Sentence>)>,
    mark: Option<Element>,
    /// The utterance being spoken and the handler of its end, taken off it before it is
    /// dropped (a cancelled utterance still reports its end).
    speaking: Option<(SpeechSynthesisUtterance, Handler)>,
    /// What the status region says of the last change.
    said: Option<Label>,
}

type Shared = Rc<RefCell<Session>>;
/// What hears an utterance end.
type Handler = Closure<dyn FnMut(Event)>;

/// The reading of the article whose headline is `heading`, and its controls.
pub struct Listen {
    session: Shared,
    update: UseForceUpdateHandle,
    copied: UseStateSetter<Option<Result<(), String>>>,
}

/// Reads the article whose headline is `heading` (at `position`) aloud; `copied` is the share's
/// message in the same status region, cleared when reading says something.
#[hook]
pub fn use_listen(
    heading: NodeRef,
    position: usize,
    cx: Option<ReaderContext>,
    copied: UseStateSetter<Option<Result<(), String>>>,
) -> Listen {
    let session = use_mut_ref(Session::default);
    let update = use_force_update();
    if let Some(cx) = &cx {
        let mut s = session.borrow_mut();
        s.listening = cx.prefs.listening(&s.lang);
    }
    {
        let (session, update) = (session.clone(), update.clone());
        let fallback = cx.map(|cx| cx.ui.language.tag()).unwrap_or_default();
        use_effect_on(position, move |_| {
            let lang = heading
                .cast::<Element>()
                .and_then(|h| h.closest("[lang]").ok().flatten())
                .and_then(|e| e.get_attribute("lang"))
                .filter(|lang| !lang.is_empty())
                .unwrap_or_else(|| fallback.to_owned());
            let synthesis = synthesis();
            let find_voices = {
                let (session, update, synthesis) = (session.clone(), update.clone(), synthesis.clone());
                move || {
                    let all: Vec<SpeechSynthesisVoice> = (synthesis.as_ref())
                        .map(|s| s.get_voices().iter().map(JsCast::unchecked_into).collect())
                        .unwrap_or_default();
                    let described: Vec<Voice> = all.iter().map(describe).collect();
                    let mut s = session.borrow_mut();
                    let fitting = voices_for(&lang, &described);
                    s.voices = fitting.iter().map(|&i| all[i].clone()).collect();
                    s.described = fitting.iter().map(|&i| described[i].clone()).collect();
                    s.lang = lang.clone();
                    drop(s);
                    update.force_update();
                }
            };
            find_voices();
            let listener = synthesis.map(|s| EventListener::new(&s, "voiceschanged", move |_| find_voices()));
            move || {
                drop(listener);
                let mut s = session.borrow_mut();
                if s.player.playback != Playback::Idle {
                    s.silence();
                    s.unmark();
                }
                *s = Session::default();
            }
        });
    }
    Listen { session, update, copied }
}

fn describe(voice: &SpeechSynthesisVoice) -> Voice {
    Voice { id: voice.voice_uri(), lang: voice.lang(), default: voice.default() }
}

impl Session {
    /// The voice chosen (or the closest) for the article's language.
    fn voice(&self) -> Option<&SpeechSynthesisVoice> {
        pick_voice(&self.lang, &self.described, self.listening.voice.as_deref())
            .and_then(|i| self.voices.get(i))
    }

    /// Reads the article's paragraphs and cuts them into sentences, from the page as it is now.
    fn read_page(&mut self, article: &Element) {
        let segmenter = segmenter(&self.lang);
        let mut counts = Vec::new();
        self.paragraphs.clear();
        let Ok(list) = article.query_selector_all(PARAGRAPHS) else { return };
        for i in 0..list.length() {
            let Some(element) = list.item(i).and_then(|e| e.dyn_into::<Element>().ok()) else { continue };
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
        if let Some((utterance, _handler)) = self.speaking.take() {
            utterance.set_onend(None);
            utterance.set_onerror(None);
        }
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
    }

    /// Speaks the sentence the player is at, marked; `done` hears when it has been spoken.
    fn speak(&mut self, done: Handler) {
        self.silence();
        self.mark_current();
        let (paragraph, sentence) = self.player.at;
        let Some(sentence) = self.paragraphs.get(paragraph).and_then(|(_, s)| s.get(sentence)) else {
            return;
        };
        let (Some(synthesis), Ok(utterance)) =
            (synthesis(), SpeechSynthesisUtterance::new_with_text(&sentence.text))
        else {
            return;
        };
        utterance.set_lang(&self.lang);
        utterance.set_rate(rate(self.listening.percent()));
        utterance.set_voice(self.voice());
        utterance.set_onend(Some(done.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(done.as_ref().unchecked_ref()));
        synthesis.speak(&utterance);
        self.speaking = Some((utterance, done));
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
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
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

/// A speed in percent as `SpeechSynthesisUtterance.rate` takes it (1 is the voice's own).
#[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
fn rate(percent: u16) -> f32 {
    f32::from(percent) / 100.0
}

/// `Intl.Segmenter` by sentence for `lang`, where the browser has it (else each paragraph is
/// read as one).
fn segmenter(lang: &str) -> Option<js_sys::Intl::Segmenter> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    Reflect::get(&intl, &JsValue::from_str("Segmenter")).ok().filter(JsValue::is_function)?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("granularity"), &JsValue::from_str("sentence"));
    Some(js_sys::Intl::Segmenter::new(&js_sys::Array::of1(&JsValue::from_str(lang)), &options))
}

/// Where the segmenter's sentences of `text` start (UTF-16 offsets).
fn starts(segmenter: &js_sys::Intl::Segmenter, text: &str) -> Vec<u32> {
    let segments = segmenter.segment(text);
    let length = js_sys::JsString::from(text).length();
    let mut starts = Vec::new();
    let mut at = 0;
    while at < length {
        let Some(segment) = segments.containing(at) else { break };
        starts.push(segment.index());
        at = segment.index() + segment.segment().length().max(1);
    }
    starts
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
    mark.set_class_name("ar-speaking");
    mark.append_child(&range.extract_contents().ok()?.into()).ok()?;
    range.insert_node(&mark).ok()?;
    Some(mark)
}

/// The text nodes under `node`, in order.
fn text_nodes(node: &Node, out: &mut Vec<Text>) {
    let mut child = node.first_child();
    while let Some(node) = child {
        match node.dyn_ref::<Text>() {
            Some(text) => out.push(text.clone()),
            None => text_nodes(&node, out),
        }
        child = node.next_sibling();
    }
}

fn press_on(
    session: &Shared,
    update: &UseForceUpdateHandle,
    copied: &UseStateSetter<Option<Result<(), String>>>,
    press: Press,
    heading: Option<Element>,
) {
    let mut s = session.borrow_mut();
    let before = s.player.playback;
    if before == Playback::Idle && matches!(press, Press::PlayPause | Press::StartStop) {
        let Some(article) = heading.as_ref().and_then(|h| h.closest(".ar-article").ok().flatten()) else {
            return;
        };
        s.read_page(&article);
    }
    if !s.player.press(press) {
        return;
    }
    match s.player.playback {
        Playback::Playing => speak(session, &mut s, update, copied),
        Playback::Paused => {
            s.silence();
            s.mark_current();
        }
        Playback::Idle => {
            s.silence();
            s.unmark();
        }
    }
    let now = s.player.playback;
    if now != before {
        s.said = Some(match now {
            Playback::Playing => Label::NowReading,
            Playback::Paused => Label::ReadingPaused,
            Playback::Idle => Label::ReadingStopped,
        });
        copied.set(None);
    }
    drop(s);
    update.force_update();
}

/// Speaks the sentence `s` (borrowed from `session`) is at. Its end goes on to the next
/// sentence, and an engine's error stops the reading. (The handler may drop itself as it runs:
/// wasm-bindgen frees a closure dropped during its call when the call returns.)
fn speak(
    session: &Shared,
    s: &mut Session,
    update: &UseForceUpdateHandle,
    copied: &UseStateSetter<Option<Result<(), String>>>,
) {
    let (weak, update, copied) = (Rc::downgrade(session), update.clone(), copied.clone());
    s.speak(Closure::new(move |event: Event| {
        let Some(session) = Weak::upgrade(&weak) else { return };
        let press = if event.type_() == "error" { Press::Stop } else { Press::Spoken };
        press_on(&session, &update, &copied, press, None);
    }));
}

/// The presses of the controls' buttons, by their `data-press`.
const PRESSES: [Press; 4] = [Press::PlayPause, Press::Back, Press::Forward, Press::Stop];

/// A button of the controls: its class, which of [`PRESSES`] it is, what it shows, and its name
/// when what it shows is a symbol. (One function for all, rather than `html!` for each: each
/// `html!` element is code of its own in the wasm.)
fn button(class: &'static str, press: &'static str, text: &'static str, name: Option<&'static str>) -> Html {
    html! { <button type="button" class={class} data-press={press} aria-label={name}>{ text }</button> }
}

/// A choice of the controls (`name` tells which to the group's listener): its options as
/// value, words and whether chosen.
fn select(
    class: &'static str,
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String, bool)>,
) -> Html {
    html! {
        <select class={class} name={name} aria-label={label}>
            { for options.into_iter().map(|(value, words, chosen)| html! { <option value={value} selected={chosen}>{ words }</option> }) }
        </select>
    }
}

/// The controls, where there is a voice for the article's language: Listen (then Pause and
/// Resume), and while reading, the paragraph before and after, Stop, the speed and the voice.
/// One listener for the group's clicks and one for its choices.
pub fn listen_controls(cx: &ReaderContext, listen: &Listen, heading: &NodeRef) -> Html {
    let s = listen.session.borrow();
    if s.voices.is_empty() {
        return Html::default();
    }
    let ui = cx.ui;
    let pressed = {
        let (session, update, copied, heading) =
            (listen.session.clone(), listen.update.clone(), listen.copied.clone(), heading.clone());
        Callback::from(move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let button = target.and_then(|t| t.closest("[data-press]").ok().flatten());
            // `data-press` is one digit, an index into PRESSES.
            let at = button.and_then(|b| b.get_attribute("data-press")).and_then(|p| p.bytes().next());
            if let Some(&press) = at.and_then(|at| PRESSES.get(usize::from(at.wrapping_sub(b'0')))) {
                press_on(&session, &update, &copied, press, heading.cast::<Element>());
            }
        })
    };
    let chosen = {
        let (session, update, copied, cx) =
            (listen.session.clone(), listen.update.clone(), listen.copied.clone(), cx.clone());
        Callback::from(move |event: Event| {
            let Some(select) = event.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else {
                return;
            };
            let mut s = session.borrow_mut();
            let mut listening = s.listening.clone();
            match select.name().as_str() {
                "rate" => listening.rate = Listening::from_stored(Some(&select.value()), None).rate,
                _ => listening.voice = Some(select.value()),
            }
            s.listening = listening.clone();
            cx.dispatch(PrefsAction::SetListening(s.lang.clone(), listening));
            // Heard at once: the sentence is said again at the new speed or in the new voice.
            if s.player.playback == Playback::Playing {
                speak(&session, &mut s, &update, &copied);
            }
        })
    };
    let playback = s.player.playback;
    let rate = s.listening.percent();
    let voice = s.voice().map(SpeechSynthesisVoice::voice_uri);
    let play = match playback {
        Playback::Idle => Label::Listen,
        Playback::Playing => Label::PauseReading,
        Playback::Paused => Label::ResumeReading,
    };
    let reading = playback != Playback::Idle;
    let rates = || RATES.iter().map(|&r| (r.to_string(), rate_words(r), r == rate)).collect();
    let voices =
        || s.voices.iter().map(|v| (v.voice_uri(), v.name(), Some(v.voice_uri()) == voice)).collect();
    html! {
        <div class="ar-listen" role="group" aria-label={ui.label(Label::Listen)} onclick={pressed} onchange={chosen}>
            <button type="button" class="ar-action ar-listen__play" part="listen" data-press="0">{ ui.label(play) }</button>
            if reading {
                { button("ar-action ar-listen__back", "1", "↑", Some(ui.label(Label::PreviousParagraph))) }
                { button("ar-action ar-listen__forward", "2", "↓", Some(ui.label(Label::NextParagraph))) }
                { button("ar-action ar-listen__stop", "3", ui.label(Label::StopReading), None) }
                { select("ar-action ar-listen__rate", "rate", ui.label(Label::ReadingSpeed), rates()) }
                if s.voices.len() > 1 {
                    { select("ar-action ar-listen__voice", "voice", ui.label(Label::Voice), voices()) }
                }
            }
        </div>
    }
}

/// What reading aloud last said, for the article's status region.
pub fn said(listen: &Listen) -> Option<Label> {
    listen.session.borrow().said
}
