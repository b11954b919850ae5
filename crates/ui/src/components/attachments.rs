//! An article's attachments under its body: audio and video as native players (controls,
//! nothing fetched before play) with their title, duration and size in words, alternates that
//! share a title as one player's sources, anything else a download link with its type and size;
//! and a card's play control for an article with audio. Each player returns to where the person
//! left it, at the speed they chose (remembered per feed, by the prefs).

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

/// A player for `sources`. Its place is kept by [`use_media_places`], through `data-media`.
fn player(video: bool, sources: &[&Attachment], class: &'static str) -> Html {
    let key = sources[0].url.as_str().to_owned();
    let sources: Html = sources
        .iter()
        .map(|a| html! { <source src={a.url.as_str().to_owned()} type={a.mime_type.clone()} /> })
        .collect();
    if video {
        html! {
            <video class={classes!("ar-body__media", class)} controls=true preload="none" playsinline=true data-media={key}>
                { sources }
            </video>
        }
    } else {
        html! {
            <audio class={classes!("ar-body__media", class)} controls=true preload="none" data-media={key}>
                { sources }
            </audio>
        }
    }
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

/// The attachments section of an article; nothing when it has none.
pub fn attachments(cx: &ReaderContext, attachments: &[Attachment]) -> Html {
    if attachments.is_empty() {
        return Html::default();
    }
    let heading = cx.id("attachments-heading");
    html! {
        <section class="ar-attachments" part="attachments" aria-labelledby={heading.clone()}>
            <h2 class="ar-related__heading" id={heading}>{ cx.ui.label(Label::Attachments) }</h2>
            { for shown(attachments).into_iter().map(|item| match item {
                Shown::Player { video, sources } => html! {
                    <figure class="ar-attachment">
                        <figcaption class="ar-attachment__details">{ details(cx, sources[0], sources[0].title.as_deref().unwrap_or(&sources[0].mime_type)) }</figcaption>
                        { player(video, &sources, "ar-attachment__player") }
                    </figure>
                },
                Shown::Download(attachment) => html! {
                    <p class="ar-attachment">
                        <a class="ar-attachment__download" href={attachment.url.as_str().to_owned()} download="" rel="noopener noreferrer">
                            { format!("{} {}", cx.ui.label(Label::Download), attachment.title.as_deref().unwrap_or_default()).trim_end().to_owned() }
                        </a>
                        <span class="ar-attachment__details">{ format!(" ({})", details(cx, attachment, &attachment.mime_type)) }</span>
                    </p>
                },
            }) }
        </section>
    }
}

/// A card's play control, as markup (see `feed_item`): the first audio of the article, as a
/// compact player.
pub fn play_control(m: &mut Markup, attachments: &[Attachment]) {
    let sources = shown(attachments).into_iter().find_map(|item| match item {
        Shown::Player { video: false, sources } => Some(sources),
        _ => None,
    });
    let Some(sources) = sources else { return };
    m.start("audio")
        .attr("controls", "")
        .attr("preload", "none")
        .attr(MEDIA_KEY, sources[0].url.as_str())
        .attr("class", "ar-body__media ar-card__player")
        .end_start();
    for source in sources {
        m.start("source").attr("src", source.url.as_str()).attr("type", &source.mime_type).end_start();
    }
    m.end("audio");
}
