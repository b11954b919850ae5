//! An article's attachments under its body: audio and video as native players (controls,
//! nothing fetched before play) with their title, duration and size in words, alternates that
//! share a title as one player's sources, anything else a download link with its type and size;
//! and a card's play control for an article with audio. Each player returns to where the person
//! left it, at the speed they chose (remembered per feed, by the prefs). All of it is markup
//! (see `markup.rs`): the players' listeners are the reader root's.

use article_reader_core::content::attachments::{shown, Shown};
use article_reader_core::interface::text::Label;
use article_reader_core::Attachment;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlMediaElement};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::markup::Markup;
use crate::prefs::{MediaPlace, Prefs};

/// What `attachment` is (`lead`: its title, or its type), how long and how large, as words.
fn details(cx: &ReaderContext, attachment: &Attachment, lead: &str) -> String {
    let mut parts = vec![lead.to_owned()];
    parts.extend(attachment.duration_in_seconds.map(|seconds| cx.ui.duration(seconds)));
    parts.extend(attachment.size_in_bytes.map(|bytes| cx.ui.bytes(bytes)));
    cx.ui.attachment_details(&parts)
}

/// The attribute a player carries with the address its place is remembered under.
const MEDIA_KEY: &str = "data-media";

/// A player for `sources`, as markup. Its place is kept by [`use_media_places`], through
/// `data-media`.
fn player(m: &mut Markup, video: bool, sources: &[&Attachment], class: &'static str) {
    let name = if video { "video" } else { "audio" };
    m.start(name).attr("controls", "").attr("preload", "none");
    if video {
        m.attr("playsinline", "");
    }
    m.attr(MEDIA_KEY, sources[0].url.as_str()).attr("class", class).end_start();
    for source in sources {
        m.start("source").attr("src", source.url.as_str()).attr("type", &source.mime_type).end_start();
    }
    m.end(name);
}

/// Every player in the reader under `root` resumes where the person left it, at the speed they
/// chose, and remembers where it is: every five seconds while playing, and at each pause and
/// change of speed. Media events do not bubble, so the listeners are the root's, in the capture
/// phase: one set for the reader, not one per player, and the feed's cards (markup, see
/// `feed_item`) need none of their own.
#[hook]
pub fn use_media_places(root: NodeRef, prefs: UseReducerHandle<Prefs>) {
    let scope = prefs.scope().map(str::to_owned);
    use_effect_on(scope, move |_| {
        let listeners = root.cast::<Element>().map(|root| {
            ["loadedmetadata", "timeupdate", "pause", "ratechange"].map(|kind| {
                let prefs = prefs.clone();
                let options = EventListenerOptions::run_in_capture_phase();
                EventListener::new_with_options(&root, kind, options, move |event| keep_place(&prefs, event))
            })
        });
        move || drop(listeners)
    });
}

/// Resumes the player `event` came from (`loadedmetadata`), or remembers where it is.
#[allow(clippy::disallowed_types)] // a web API's number, handed over as it is: never formatted or parsed in Rust
fn keep_place(prefs: &Prefs, event: &Event) {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<HtmlMediaElement>().ok()) else { return };
    let Some(key) = element.get_attribute(MEDIA_KEY) else { return };
    if event.type_() == "loadedmetadata" {
        if let Some(place) = prefs.media_place(&key) {
            element.set_current_time(place.tenths as f64 / 10.0);
            element.set_playback_rate(f64::from(place.speed_percent) / 100.0);
        }
        return;
    }
    let tenths = (element.current_time() * 10.0) as u64;
    if event.type_() == "timeupdate" && !(tenths / 10).is_multiple_of(5) {
        return;
    }
    let speed_percent = (element.playback_rate() * 100.0 + 0.5) as u32;
    prefs.store_media_place(&key, MediaPlace { tenths, speed_percent });
}

/// The attachments section of an article, as markup (see `article_parts`); empty when it has
/// none.
pub fn attachments(cx: &ReaderContext, attachments: &[Attachment]) -> String {
    let mut m = Markup::default();
    if attachments.is_empty() {
        return m.into_string();
    }
    let heading = cx.id("attachments-heading");
    m.start("section")
        .attr("part", "attachments")
        .attr("aria-labelledby", &heading)
        .attr("class", "ar-attachments")
        .end_start();
    m.element("h2", &[("id", &heading), ("class", "ar-related__heading")], cx.ui.label(Label::Attachments));
    for item in shown(attachments) {
        match item {
            Shown::Player { video, sources } => {
                let first = sources[0];
                m.start("figure").attr("class", "ar-attachment").end_start();
                let lead = first.title.as_deref().unwrap_or(&first.mime_type);
                m.element("figcaption", &[("class", "ar-attachment__details")], &details(cx, first, lead));
                player(&mut m, video, &sources, "ar-body__media ar-attachment__player");
                m.end("figure");
            }
            Shown::Download(attachment) => {
                let label = format!(
                    "{} {}",
                    cx.ui.label(Label::Download),
                    attachment.title.as_deref().unwrap_or_default()
                );
                m.start("p").attr("class", "ar-attachment").end_start();
                m.element(
                    "a",
                    &[
                        ("href", attachment.url.as_str()),
                        ("download", ""),
                        ("rel", "noopener noreferrer"),
                        ("class", "ar-attachment__download"),
                    ],
                    label.trim_end(),
                );
                let details = format!(" ({})", details(cx, attachment, &attachment.mime_type));
                m.element("span", &[("class", "ar-attachment__details")], &details);
                m.end("p");
            }
        }
    }
    m.end("section");
    m.into_string()
}

/// A card's play control, as markup (see `feed_item`): the first audio of the article, as a
/// compact player.
pub fn play_control(m: &mut Markup, attachments: &[Attachment]) {
    let sources = shown(attachments).into_iter().find_map(|item| match item {
        Shown::Player { video: false, sources } => Some(sources),
        _ => None,
    });
    let Some(sources) = sources else { return };
    player(m, false, &sources, "ar-body__media ar-card__player");
}
