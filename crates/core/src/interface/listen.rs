//! Reading an article aloud, as data: the sentences of each paragraph (cut where the browser's
//! sentence segmenter says, `Intl.Segmenter`), where the reading is and what a press of each
//! control does to it ([`Player`]), the voice for the article's language ([`pick_voice`]), and
//! the speed and voice remembered per language ([`Listening`]). The app speaks, marks and stores.
//!
//! Offsets are in UTF-16 code units, as JavaScript strings and DOM ranges count them, so a
//! sentence's place can be marked in the page without counting again.

use crate::interface::text::primary_subtag;

/// One sentence of a paragraph: its text, trimmed, and where it is in the paragraph's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    /// Its first and past-its-last UTF-16 offsets in the paragraph's text.
    pub start: u32,
    pub end: u32,
}

/// The sentences of `text`, cut at `starts` (the UTF-16 offsets where the segmenter's sentences
/// start, in order; none or only `0` leaves the paragraph one sentence): each trimmed of the
/// whitespace around it, and blank ones left out.
pub fn sentences(text: &str, starts: &[u32]) -> Vec<Sentence> {
    let mut out = Vec::new();
    // The sentence being read: its first and past-its-last byte, and the same in UTF-16.
    let mut current: Option<(usize, usize, u32, u32)> = None;
    let mut finish = |current: &mut Option<(usize, usize, u32, u32)>| {
        if let Some((from, to, start, end)) = current.take() {
            out.push(Sentence { text: text[from..to].to_owned(), start, end });
        }
    };
    let mut at = 0u32;
    for (byte, c) in text.char_indices() {
        if at > 0 && starts.contains(&at) {
            finish(&mut current);
        }
        let width = c.len_utf16() as u32;
        if !c.is_whitespace() {
            let sentence = current.get_or_insert((byte, byte, at, at));
            (sentence.1, sentence.3) = (byte + c.len_utf8(), at + width);
        }
        at += width;
    }
    finish(&mut current);
    out
}

/// Whether the reader is speaking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Playback {
    #[default]
    Idle,
    Playing,
    Paused,
}

/// What a person (or the speech engine) does to a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// "Listen" (from the start), or "Pause" while playing, "Resume" while paused.
    PlayPause,
    /// The key: start when idle, stop otherwise.
    StartStop,
    Stop,
    /// To the start of this paragraph, or of the one before when at its first sentence.
    Back,
    /// To the start of the next paragraph; past the last, the reading ends.
    Forward,
    /// The sentence being spoken has been spoken.
    Spoken,
}

/// A reading: how many sentences each paragraph has, where it is, and whether it speaks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Player {
    sentences: Vec<usize>,
    pub playback: Playback,
    /// The paragraph and the sentence in it being read (or to be read on resuming).
    pub at: (usize, usize),
}

impl Player {
    /// A reading of paragraphs with these many sentences each (empty ones are skipped over).
    pub fn new(sentences: Vec<usize>) -> Player {
        Player { sentences, ..Player::default() }
    }

    /// The first paragraph from `paragraph` on that has a sentence.
    fn paragraph_from(&self, paragraph: usize) -> Option<(usize, usize)> {
        (paragraph..self.sentences.len()).find(|&p| self.sentences[p] > 0).map(|p| (p, 0))
    }

    /// The reading after `press`; `false` when nothing changes.
    pub fn press(&mut self, press: Press) -> bool {
        let before = (self.playback, self.at);
        let (paragraph, sentence) = self.at;
        let next = match (press, self.playback) {
            (Press::PlayPause | Press::StartStop, Playback::Idle) => {
                self.paragraph_from(0).map(|at| (Playback::Playing, at))
            }
            (Press::PlayPause, Playback::Playing) => Some((Playback::Paused, self.at)),
            (Press::PlayPause, Playback::Paused) => Some((Playback::Playing, self.at)),
            (Press::StartStop | Press::Stop, _) => None,
            (_, Playback::Idle) => return false,
            (Press::Back, playback) if sentence > 0 => Some((playback, (paragraph, 0))),
            (Press::Back, playback) => {
                let earlier = (0..paragraph).rev().find(|&p| self.sentences[p] > 0);
                Some((playback, (earlier.unwrap_or(paragraph), 0)))
            }
            (Press::Forward, playback) => self.paragraph_from(paragraph + 1).map(|at| (playback, at)),
            (Press::Spoken, Playback::Playing) => {
                let more = sentence + 1 < self.sentences.get(paragraph).copied().unwrap_or(0);
                if more { Some((paragraph, sentence + 1)) } else { self.paragraph_from(paragraph + 1) }
                    .map(|at| (Playback::Playing, at))
            }
            (Press::Spoken, Playback::Paused) => return false,
        };
        (self.playback, self.at) = next.unwrap_or_default();
        (self.playback, self.at) != before
    }
}

/// A voice the browser offers, as `speechSynthesis.getVoices()` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// `voiceURI`, or its name where the engine gives none (WebKitGTK): what a choice is
    /// remembered by.
    pub id: String,
    pub lang: String,
    /// The browser's default voice.
    pub default: bool,
}

/// The voices for text in `lang`: those whose language has the same primary subtag (`en-GB`
/// and `en_US` both read `en`), as positions in `voices`.
pub fn voices_for(lang: &str, voices: &[Voice]) -> Vec<usize> {
    let primary = primary_subtag(lang);
    let mut fitting = Vec::new();
    for (i, voice) in voices.iter().enumerate() {
        if primary_subtag(&voice.lang) == primary {
            fitting.push(i);
        }
    }
    fitting
}

/// The voice to read `lang` with, of `voices_for(lang)`: the one remembered, else one for the
/// exact language (`en-GB` before `en-US` for British text), the browser's default before
/// others, else the first; `None` when there is no voice for the language.
pub fn pick_voice(lang: &str, voices: &[Voice], remembered: Option<&str>) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for i in voices_for(lang, voices) {
        let voice = &voices[i];
        let exact = voice.lang.replace('_', "-").eq_ignore_ascii_case(lang);
        // Lower is closer: remembered, then exact, then the default.
        let rank = u8::from(Some(voice.id.as_str()) != remembered) * 4
            + u8::from(!exact) * 2
            + u8::from(!voice.default);
        if best.is_none_or(|(closest, _)| rank < closest) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The speeds offered: in percent of the voice's own, as stored (and an option's value), and as
/// people read it (written out: no number formatting in the wasm).
pub const RATES: [(u16, &str, &str); 7] = [
    (50, "50", "0.5×"),
    (75, "75", "0.75×"),
    (100, "100", "1×"),
    (125, "125", "1.25×"),
    (150, "150", "1.5×"),
    (175, "175", "1.75×"),
    (200, "200", "2×"),
];

/// [`RATES`] as the options of the choice of speed, none chosen: written once rather than built
/// each time the controls are (a test holds it to the table).
pub const RATE_OPTIONS: &str = concat!(
    r#"<option value="50">0.5×</option><option value="75">0.75×</option>"#,
    r#"<option value="100">1×</option><option value="125">1.25×</option>"#,
    r#"<option value="150">1.5×</option><option value="175">1.75×</option>"#,
    r#"<option value="200">2×</option>"#,
);

/// What is remembered for reading aloud in one language: the speed and the voice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listening {
    /// In percent, one of [`RATES`]; `None` for the voice's own speed.
    pub rate: Option<u16>,
    /// The voice's `voiceURI`.
    pub voice: Option<String>,
}

impl Listening {
    /// The speed in percent of the voice's own.
    pub fn percent(&self) -> u16 {
        self.rate.unwrap_or(100)
    }

    /// The setting names this is stored under for `lang` (its primary subtag), speed then voice.
    pub fn keys(lang: &str) -> [String; 2] {
        let lang = primary_subtag(lang);
        ["listen-rate-", "listen-voice-"].map(|key| key.to_owned() + &lang)
    }

    /// Read back from the stored values of [`Listening::keys`]; a speed not offered is none.
    pub fn from_stored(rate: Option<&str>, voice: Option<&str>) -> Listening {
        Listening {
            // Compared as text, not parsed: one number parser less in the wasm.
            rate: RATES.iter().find(|r| rate == Some(r.1)).map(|r| r.0),
            voice: voice.filter(|v| !v.is_empty()).map(str::to_owned),
        }
    }

    /// The stored values, speed then voice (`""` for none).
    pub fn values(&self) -> [String; 2] {
        let rate = RATES.iter().find(|r| self.rate == Some(r.0)).map_or("", |r| r.1);
        [rate.to_owned(), self.voice.clone().unwrap_or_default()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence's text and its UTF-16 offsets.
    type Cut = (String, u32, u32);

    fn texts(text: &str, starts: &[u32]) -> Vec<Cut> {
        sentences(text, starts).into_iter().map(|s| (s.text, s.start, s.end)).collect()
    }

    #[test]
    fn sentences_are_cut_where_the_segmenter_says_and_trimmed() {
        let s = |t: &str, a, b| (t.to_owned(), a, b);
        // (text, where the segmenter's sentences start, the sentences)
        let cases: Vec<(&str, &[u32], Vec<Cut>)> = vec![
            ("One. Two.", &[0, 5], vec![s("One.", 0, 4), s("Two.", 5, 9)]),
            ("  One.  Two.  ", &[0, 8], vec![s("One.", 2, 6), s("Two.", 8, 12)]),
            ("One. Two.", &[], vec![s("One. Two.", 0, 9)]),
            ("One.\n Two.", &[0], vec![s("One.\n Two.", 0, 10)]),
            ("", &[0], vec![]),
            ("   ", &[0, 2], vec![]),
            ("A. \u{a0} B.", &[0, 3, 5], vec![s("A.", 0, 2), s("B.", 5, 7)]),
            // Offsets count UTF-16 units: an emoji is two, é one.
            ("😀 é. Next.", &[0, 6], vec![s("😀 é.", 0, 5), s("Next.", 6, 11)]),
            ("مرحبا. أهلا.", &[0, 7], vec![s("مرحبا.", 0, 6), s("أهلا.", 7, 12)]),
            // Cuts past the end, repeated or out of the text change nothing.
            ("One.", &[0, 0, 9], vec![s("One.", 0, 4)]),
        ];
        for (text, starts, expected) in cases {
            assert_eq!(texts(text, starts), expected, "{text:?} cut at {starts:?}");
        }
    }

    #[test]
    fn each_press_moves_the_reading_as_the_controls_say() {
        use Playback::*;
        use Press::*;
        // Paragraphs of 2, 0 (an image, say), 1 and 3 sentences.
        let shape = vec![2, 0, 1, 3];
        // (presses from idle, then the playback and where it is)
        let cases: &[(&[Press], Playback, (usize, usize))] = &[
            (&[], Idle, (0, 0)),
            (&[PlayPause], Playing, (0, 0)),
            (&[StartStop], Playing, (0, 0)),
            (&[PlayPause, Spoken], Playing, (0, 1)),
            (&[PlayPause, Spoken, Spoken], Playing, (2, 0)),
            (&[PlayPause, Spoken, Spoken, Spoken, Spoken, Spoken], Playing, (3, 2)),
            (&[PlayPause, Spoken, Spoken, Spoken, Spoken, Spoken, Spoken], Idle, (0, 0)),
            (&[PlayPause, PlayPause], Paused, (0, 0)),
            (&[PlayPause, Spoken, PlayPause, Spoken], Paused, (0, 1)),
            (&[PlayPause, Spoken, PlayPause, PlayPause], Playing, (0, 1)),
            (&[PlayPause, StartStop], Idle, (0, 0)),
            (&[PlayPause, PlayPause, Stop], Idle, (0, 0)),
            (&[PlayPause, Forward], Playing, (2, 0)),
            (&[PlayPause, Forward, Forward], Playing, (3, 0)),
            (&[PlayPause, Forward, Forward, Forward], Idle, (0, 0)),
            (&[PlayPause, PlayPause, Forward], Paused, (2, 0)),
            (&[PlayPause, Spoken, Back], Playing, (0, 0)),
            (&[PlayPause, Back], Playing, (0, 0)),
            (&[PlayPause, Forward, Back], Playing, (0, 0)),
            (&[PlayPause, Forward, Forward, Spoken, Back], Playing, (3, 0)),
            (&[PlayPause, Forward, Forward, Back], Playing, (2, 0)),
            (&[Forward], Idle, (0, 0)),
            (&[Back], Idle, (0, 0)),
            (&[Spoken], Idle, (0, 0)),
            (&[Stop], Idle, (0, 0)),
        ];
        for (presses, playback, at) in cases {
            let mut player = Player::new(shape.clone());
            for press in *presses {
                player.press(*press);
            }
            assert_eq!((player.playback, player.at), (*playback, *at), "{presses:?}");
        }
        assert!(!Player::new(vec![0, 0]).press(PlayPause), "nothing to read: nothing starts");
        assert!(!Player::new(shape).press(Stop), "stopping what is not playing changes nothing");
    }

    #[test]
    fn the_voice_is_the_one_remembered_else_the_closest_to_the_language() {
        let voice = |id: &str, lang: &str, default| Voice { id: id.into(), lang: lang.into(), default };
        let voices = [
            voice("us", "en-US", true),
            voice("gb", "en-GB", false),
            voice("ar", "ar_SA", false),
            voice("fr", "fr-FR", false),
            voice("au", "en-AU", false),
        ];
        assert_eq!(voices_for("en", &voices), [0, 1, 4]);
        assert_eq!(voices_for("AR-eg", &voices), [2]);
        assert_eq!(voices_for("de", &voices), Vec::<usize>::new());
        let cases: &[(&str, Option<&str>, Option<usize>)] = &[
            ("en", None, Some(0)),
            ("en-GB", None, Some(1)),
            ("en-gb", None, Some(1)),
            ("en-GB", Some("au"), Some(4)),
            ("en", Some("fr"), Some(0)),
            ("ar", None, Some(2)),
            ("ar-SA", None, Some(2)),
            ("de", Some("us"), None),
            ("", None, None),
        ];
        for (lang, remembered, expected) in cases {
            assert_eq!(
                pick_voice(lang, &voices, *remembered),
                *expected,
                "{lang} remembering {remembered:?}"
            );
        }
    }

    #[test]
    fn what_is_remembered_reads_back_and_only_as_offered() {
        assert_eq!(Listening::keys("en-GB"), ["listen-rate-en".to_owned(), "listen-voice-en".to_owned()]);
        let chosen = Listening { rate: Some(150), voice: Some("gb".into()) };
        let [rate, voice] = chosen.values();
        assert_eq!(Listening::from_stored(Some(&rate), Some(&voice)), chosen);
        assert_eq!(chosen.percent(), 150);
        assert_eq!(Listening::from_stored(Some("130"), Some("")), Listening::default());
        assert_eq!(Listening::from_stored(Some("fast"), None), Listening::default());
        assert_eq!(Listening::default().percent(), 100);
        let mut options = String::new();
        for (percent, value, words) in RATES {
            assert_eq!(Listening::from_stored(Some(value), None).percent(), percent, "{value} is {words}");
            options += &format!(r#"<option value="{value}">{words}</option>"#);
        }
        assert_eq!(RATE_OPTIONS, options, "the options are the table's");
        assert_eq!(Listening::default().values(), [String::new(), String::new()]);
    }
}
