//! How a reader sets its text: size, font, content width, line spacing and colour theme.
//!
//! A host gives these as options (`text-size`, `font`, `width`, `spacing`, `theme`); a person
//! chooses them in the reading settings, and the reader remembers the choice per feed. The
//! person's choice wins over the host's, which wins over the reader's own defaults; an unset
//! one leaves the host's CSS custom property (`--ar-text-size`, `--ar-font-text`,
//! `--ar-width`, `--ar-line-height`, `--ar-color-scheme`) in charge.

use crate::feed::json::Value;

/// The text sizes the settings step through, in percent of the person's default font size.
pub const TEXT_SIZES: [u16; 7] = [85, 100, 115, 130, 150, 175, 200];

/// The reader's colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    /// Dark text on warm paper.
    Sepia,
    Dark,
}

/// The family of the reading text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    Serif,
    Sans,
    Mono,
}

/// How wide the article's column may grow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    Narrow,
    Normal,
    Wide,
}

/// The space between lines of the reading text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spacing {
    Tight,
    Normal,
    Loose,
}

/// A word for every choice, as options and storage write it, and the class the stylesheet
/// knows it by (`ar-font-sans`).
pub trait Choice: Copy + PartialEq + 'static {
    /// Every choice with its word, the first the default.
    const WORDS: &'static [(&'static str, Self)];

    fn word(self) -> &'static str {
        Self::WORDS.iter().find(|(_, choice)| *choice == self).map_or("", |(word, _)| word)
    }

    fn from_word(word: &str) -> Option<Self> {
        let word = word.trim().to_ascii_lowercase();
        Self::WORDS.iter().find(|(name, _)| *name == word).map(|&(_, choice)| choice)
    }
}

impl Choice for Theme {
    const WORDS: &'static [(&'static str, Theme)] =
        &[("auto", Theme::Auto), ("light", Theme::Light), ("sepia", Theme::Sepia), ("dark", Theme::Dark)];
}

impl Choice for Font {
    const WORDS: &'static [(&'static str, Font)] =
        &[("serif", Font::Serif), ("sans", Font::Sans), ("mono", Font::Mono)];
}

impl Choice for Width {
    const WORDS: &'static [(&'static str, Width)] =
        &[("normal", Width::Normal), ("narrow", Width::Narrow), ("wide", Width::Wide)];
}

impl Choice for Spacing {
    const WORDS: &'static [(&'static str, Spacing)] =
        &[("normal", Spacing::Normal), ("tight", Spacing::Tight), ("loose", Spacing::Loose)];
}

impl Theme {
    /// The option's word for it.
    pub fn as_str(self) -> &'static str {
        self.word()
    }
}

/// The text settings; each `None` where nobody chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Typography {
    /// Percent of the person's default font size, one of [`TEXT_SIZES`].
    pub text_size: Option<u16>,
    pub font: Option<Font>,
    pub width: Option<Width>,
    pub spacing: Option<Spacing>,
    pub theme: Option<Theme>,
}

/// The JavaScript names of the settings, as options and storage name them.
pub const PROPERTIES: [&str; 5] = ["textSize", "font", "width", "spacing", "theme"];

impl Typography {
    /// These settings, with `defaults` where these have none.
    pub fn over(self, defaults: Typography) -> Typography {
        Typography {
            text_size: self.text_size.or(defaults.text_size),
            font: self.font.or(defaults.font),
            width: self.width.or(defaults.width),
            spacing: self.spacing.or(defaults.spacing),
            theme: self.theme.or(defaults.theme),
        }
    }

    /// Sets the setting `property` (a name of [`PROPERTIES`]) from an option's value: a word,
    /// or for the text size a percentage (`"115%"`, `"115"`, `115`), taken to the nearest step.
    /// `None` when the value is not one.
    pub fn set(&mut self, property: &str, value: &Value) -> Option<()> {
        let text = match value {
            Value::String(text) | Value::Number(text) => text.as_str(),
            _ => return None,
        };
        match property {
            "textSize" => {
                let percent = percentage(text)?;
                if !(50..=300).contains(&percent) {
                    return None;
                }
                self.text_size = TEXT_SIZES.iter().copied().min_by_key(|&step| step.abs_diff(percent));
            }
            "font" => self.font = Some(Font::from_word(text)?),
            "width" => self.width = Some(Width::from_word(text)?),
            "spacing" => self.spacing = Some(Spacing::from_word(text)?),
            _ => self.theme = Some(Theme::from_word(text)?),
        }
        Some(())
    }

    /// Leaves the setting `property` unchosen.
    pub fn reset(&mut self, property: &str) {
        match property {
            "textSize" => self.text_size = None,
            "font" => self.font = None,
            "width" => self.width = None,
            "spacing" => self.spacing = None,
            _ => self.theme = None,
        }
    }

    /// Each setting's value as options read it back: a word, the size in percent, `None` unset.
    pub fn values(&self) -> [(&'static str, Option<String>); 5] {
        [
            ("textSize", self.text_size.map(|size| size.to_string())),
            ("font", self.font.map(|c| c.word().to_owned())),
            ("width", self.width.map(|c| c.word().to_owned())),
            ("spacing", self.spacing.map(|c| c.word().to_owned())),
            ("theme", self.theme.map(|c| c.word().to_owned())),
        ]
    }

    /// The settings as storage keeps them: `textSize=115&font=sans`.
    pub fn to_stored(&self) -> String {
        let pairs: Vec<String> = self
            .values()
            .into_iter()
            .filter_map(|(name, value)| Some(format!("{name}={}", value?)))
            .collect();
        pairs.join("&")
    }

    /// Settings kept by [`Typography::to_stored`]; what cannot be read is left unchosen.
    pub fn from_stored(stored: &str) -> Typography {
        let mut typography = Typography::default();
        for (name, value) in stored.split('&').filter_map(|pair| pair.split_once('=')) {
            if PROPERTIES.contains(&name) {
                let _ = typography.set(name, &Value::String(value.to_owned()));
            }
        }
        typography
    }

    /// The text size `steps` steps larger (or smaller, below zero) than `size` (100 when unset),
    /// within [`TEXT_SIZES`].
    pub fn stepped(size: Option<u16>, steps: isize) -> u16 {
        let at = TEXT_SIZES.iter().position(|&step| Some(step) == size).unwrap_or(1);
        let to = at.saturating_add_signed(steps).min(TEXT_SIZES.len() - 1);
        TEXT_SIZES[to]
    }

    /// The classes the stylesheet sets the text with (`ar-size-115 ar-font-sans`).
    pub fn classes(&self) -> Vec<String> {
        let mut classes: Vec<String> =
            self.text_size.map(|size| format!("ar-size-{size}")).into_iter().collect();
        let words = [
            ("font", self.font.map(Choice::word)),
            ("width", self.width.map(Choice::word)),
            ("spacing", self.spacing.map(Choice::word)),
            ("theme", self.theme.filter(|theme| *theme != Theme::Auto).map(Choice::word)),
        ];
        classes.extend(words.into_iter().filter_map(|(kind, word)| Some(format!("ar-{kind}-{}", word?))));
        classes
    }
}

/// `"115%"`, `"115"`, `"114.6"` as a whole percentage, rounded; without parsing floats, whose
/// code would weigh more in the wasm than the rest of this module.
fn percentage(text: &str) -> Option<u16> {
    let number = text.trim().strip_suffix('%').unwrap_or(text.trim()).trim_end();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let whole: u16 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let round_up = fraction.as_bytes().first().is_some_and(|&digit| digit >= b'5');
    whole.checked_add(u16::from(round_up))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    #[test]
    fn reads_words_and_sizes_as_options_give_them() {
        let mut typography = Typography::default();
        assert_eq!(typography.set("textSize", &text("130%")), Some(()));
        assert_eq!(typography.text_size, Some(130));
        assert_eq!(typography.set("textSize", &Value::Number("120".into())), Some(()));
        assert_eq!(typography.text_size, Some(115), "the nearest step");
        assert_eq!(typography.set("textSize", &text("1000%")), None);
        assert_eq!(typography.set("textSize", &text("-5")), None);
        assert_eq!(typography.set("textSize", &text("1e2")), None);
        assert_eq!(typography.set("textSize", &text("174.5 %")), Some(()));
        assert_eq!(typography.text_size, Some(175));
        assert_eq!(typography.set("textSize", &text("120")), Some(()));
        assert_eq!(typography.set("textSize", &text("big")), None);
        assert_eq!(typography.text_size, Some(115), "an unusable value changes nothing");
        assert_eq!(typography.set("font", &text(" Sans ")), Some(()));
        assert_eq!(typography.set("width", &text("wide")), Some(()));
        assert_eq!(typography.set("spacing", &text("loose")), Some(()));
        assert_eq!(typography.set("theme", &text("sepia")), Some(()));
        assert_eq!(typography.set("theme", &text("blue")), None);
        assert_eq!(typography.set("font", &Value::Bool(true)), None);
        assert_eq!(
            typography.classes(),
            ["ar-size-115", "ar-font-sans", "ar-width-wide", "ar-spacing-loose", "ar-theme-sepia"]
        );
    }

    #[test]
    fn storage_round_trips_and_forgives() {
        let chosen = Typography {
            text_size: Some(150),
            font: Some(Font::Mono),
            width: None,
            spacing: Some(Spacing::Tight),
            theme: Some(Theme::Dark),
        };
        assert_eq!(chosen.to_stored(), "textSize=150&font=mono&spacing=tight&theme=dark");
        assert_eq!(Typography::from_stored(&chosen.to_stored()), chosen);
        assert_eq!(
            Typography::from_stored("font=comic&width=narrow&x=1&junk"),
            Typography { width: Some(Width::Narrow), ..Typography::default() }
        );
    }

    #[test]
    fn a_choice_wins_over_the_hosts_and_sizes_step_within_bounds() {
        let host = Typography { font: Some(Font::Sans), theme: Some(Theme::Dark), ..Typography::default() };
        let person = Typography { theme: Some(Theme::Sepia), ..Typography::default() };
        assert_eq!(
            person.over(host),
            Typography { font: Some(Font::Sans), theme: Some(Theme::Sepia), ..host }
        );
        assert_eq!(Typography::stepped(None, 1), 115);
        assert_eq!(Typography::stepped(Some(100), -1), 85);
        assert_eq!(Typography::stepped(Some(85), -1), 85);
        assert_eq!(Typography::stepped(Some(200), 1), 200);
    }
}
