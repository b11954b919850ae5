//! The reading settings: text size in steps, the reading font, the column's width, the line
//! spacing and the theme. A native disclosure (`<details>`) holding a size stepper and radio
//! groups, so the keyboard and screen readers work it as they work any form. Each choice is the
//! person's, remembered per feed, and wins over the host's options (see `core::typography`).
//!
//! The panel (some fifty elements) is built when the disclosure opens, not with each page that
//! offers it: an article opened, or the feed gone back to, would otherwise build it every time
//! for a panel that is rarely opened.

use article_reader_core::feed::json::Value;
use article_reader_core::interface::text::Label;
use article_reader_core::interface::typography::Typography;
use web_sys::Element;
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::prefs::PrefsAction;

/// A radio group: its setting, its legend, and its choices with their words.
type Group = (&'static str, Label, &'static [(&'static str, Label)]);

const GROUPS: [Group; 4] = [
    (
        "font",
        Label::Font,
        &[("serif", Label::FontSerif), ("sans", Label::FontSans), ("mono", Label::FontMono)],
    ),
    (
        "width",
        Label::Width,
        &[("narrow", Label::WidthNarrow), ("normal", Label::WidthNormal), ("wide", Label::WidthWide)],
    ),
    (
        "spacing",
        Label::Spacing,
        &[("tight", Label::SpacingTight), ("normal", Label::SpacingNormal), ("loose", Label::SpacingLoose)],
    ),
    (
        "theme",
        Label::Theme,
        &[
            ("auto", Label::ThemeAuto),
            ("light", Label::ThemeLight),
            ("sepia", Label::ThemeSepia),
            ("dark", Label::ThemeDark),
        ],
    ),
];

/// The settings' disclosure. A plain function, not a component: its settings are the
/// preferences', and whether it is open is `open`, which the page showing it keeps.
pub fn reading_settings(cx: &ReaderContext, open: &UseStateHandle<bool>) -> Html {
    // Follows the element, however it opened or closed (a click, a key, find in page).
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(event.target_unchecked_into::<Element>().has_attribute("open"))
        })
    };
    html! {
        <details class="ar-settings" part="settings" open={**open} {ontoggle}>
            <summary class="ar-action ar-settings__toggle">
                <span class="ar-settings__icon" aria-hidden="true">{ "Aa" }</span>{ cx.ui.label(Label::ReadingSettings) }
            </summary>
            if **open {
                { panel(cx) }
            }
        </details>
    }
}

/// The text size stepper, the radio groups and the reset.
fn panel(cx: &ReaderContext) -> Html {
    let ui = cx.ui;
    let chosen = cx.prefs.typography;
    let shown = chosen.over(cx.typography);
    let current = shown.values();
    // One callback for every control: the setting and its new value, as options name them.
    let choose = {
        let cx = cx.clone();
        Callback::from(move |(property, value): (&'static str, String)| {
            let mut next = cx.prefs.typography;
            if next.set(property, &Value::String(value)).is_some() {
                cx.dispatch(PrefsAction::SetTypography(next));
            }
        })
    };
    let size = shown.text_size.unwrap_or(100);
    let step = |steps: isize| {
        let choose = choose.clone();
        let to = Typography::stepped(shown.text_size, steps);
        (to != size, Callback::from(move |_: MouseEvent| choose.emit(("textSize", to.to_string()))))
    };
    let (can_shrink, shrink) = step(-1);
    let (can_grow, grow) = step(1);
    let reset = {
        let cx = cx.clone();
        Callback::from(move |_: MouseEvent| cx.dispatch(PrefsAction::SetTypography(Typography::default())))
    };
    let group = |(property, legend, choices): Group| {
        let now = current.iter().find(|(name, _)| *name == property).and_then(|(_, value)| value.clone());
        // Unset, a setting shows the reader's own default.
        let default = match property {
            "font" => "serif",
            "theme" => "auto",
            _ => "normal",
        };
        let now = now.unwrap_or_else(|| default.to_owned());
        let name = cx.id(property);
        html! {
            <fieldset class="ar-settings__group">
                <legend class="ar-settings__legend">{ ui.label(legend) }</legend>
                { for choices.iter().map(|&(word, label)| {
                    let choose = choose.clone();
                    let onchange = Callback::from(move |_: Event| choose.emit((property, word.to_owned())));
                    html! {
                        <label class="ar-settings__choice">
                            <input type="radio" name={name.clone()} value={word} checked={now == word} {onchange} />
                            { ui.label(label) }
                        </label>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
            <div class="ar-settings__panel">
                <div class="ar-settings__size" role="group" aria-label={ui.label(Label::TextSize)}>
                    <span class="ar-settings__legend" aria-hidden="true">{ ui.label(Label::TextSize) }</span>
                    <button type="button" class="ar-settings__step" disabled={!can_shrink} onclick={shrink}>
                        <span aria-hidden="true">{ "A−" }</span><span class="ar-visually-hidden">{ ui.label(Label::SmallerText) }</span>
                    </button>
                    <output class="ar-settings__value">{ format!("{size}%") }</output>
                    <button type="button" class="ar-settings__step" disabled={!can_grow} onclick={grow}>
                        <span aria-hidden="true">{ "A+" }</span><span class="ar-visually-hidden">{ ui.label(Label::LargerText) }</span>
                    </button>
                </div>
                { for GROUPS.into_iter().map(group) }
                <button type="button" class="ar-settings__reset" disabled={chosen == Typography::default()} onclick={reset}>{ ui.label(Label::ResetSettings) }</button>
            </div>
    }
}
