//! What a reader remembers for a feed (follows, read marks, "Hide read", the reading settings),
//! kept so that two tabs writing at once never lose each other's changes.
//!
//! Every entry carries a stamp (milliseconds since 1970, pushed past every stamp the tab has
//! seen, so a tab's new change always beats what it already knows), and a removal is an entry
//! too (a follow set to off, a read mark taken back), so [`PrefsDoc::merge`] of two documents is
//! the newest entry of each key: the same whichever order, however often, whichever tab's write
//! landed last. A tab writes by merging its document with the freshest stored one, and merges
//! what another tab stored when it hears of it; whatever interleaving, both end with the union.
//!
//! Storage keeps a document as text, one entry a line (`kind TAB stamp TAB value TAB key`,
//! tabs, newlines and backslashes in values and keys escaped); [`PrefsDoc::parse`] skips a line
//! it cannot read and never fails. [`PrefsDoc::migrate`] reads the keys of the reader before
//! this (whole lists, one item a line), with stamps older than any change made since.

/// Read marks (and read marks taken back) kept per feed; the oldest go first past this.
pub const MAX_READ: usize = 2000;

/// The three maps of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A tag's key: followed (`"1"`) or not (`""`).
    Follow,
    /// An article's id: read (`"1"`) or not (`""`).
    Read,
    /// A setting by name (`hide-read`, `textSize`, `font`, …): its value, `""` for unset.
    Setting,
}

impl Kind {
    fn letter(self) -> char {
        match self {
            Kind::Follow => 'f',
            Kind::Read => 'r',
            Kind::Setting => 's',
        }
    }

    fn of_letter(letter: &str) -> Option<Kind> {
        match letter {
            "f" => Some(Kind::Follow),
            "r" => Some(Kind::Read),
            "s" => Some(Kind::Setting),
            _ => None,
        }
    }
}

/// One remembered value, with when it was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub key: String,
    pub stamp: u64,
    pub value: String,
}

impl Entry {
    /// Which of two entries for the same key wins: the later stamp, and at equal stamps the
    /// larger value (so that a merge never depends on which side is which).
    fn beats(&self, other: &Entry) -> bool {
        (self.stamp, &self.value) > (other.stamp, &other.value)
    }
}

/// Everything remembered for one feed, sorted by kind and key, each key once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrefsDoc {
    entries: Vec<Entry>,
}

impl PrefsDoc {
    /// The document kept as `text`; lines that cannot be read are skipped.
    pub fn parse(text: &str) -> PrefsDoc {
        let mut doc = PrefsDoc::default();
        for line in text.lines() {
            let mut fields = line.splitn(4, '\t');
            let (Some(kind), Some(stamp), Some(value), Some(key)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let (Some(kind), Ok(stamp)) = (Kind::of_letter(kind), stamp.parse::<u64>()) else { continue };
            doc.put(Entry { kind, key: unescape(key), stamp, value: unescape(value) });
        }
        doc.trim();
        doc
    }

    /// The document as storage keeps it.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for entry in &self.entries {
            text.push(entry.kind.letter());
            text.push('\t');
            text.push_str(&entry.stamp.to_string());
            text.push('\t');
            escape_into(&entry.value, &mut text);
            text.push('\t');
            escape_into(&entry.key, &mut text);
            text.push('\n');
        }
        text
    }

    /// What the reader before this one stored: followed tags and read ids one a line (oldest
    /// first), the reading settings as `name=value&…`, and `"1"` for "Hide read". Their stamps
    /// (1, 2, … in the order read) are older than any change made since.
    pub fn migrate(
        follow: Option<&str>,
        read: Option<&str>,
        reading: Option<&str>,
        hide_read: Option<&str>,
    ) -> Self {
        let mut doc = PrefsDoc::default();
        let mut stamp = 0;
        let mut next = || {
            stamp += 1;
            stamp
        };
        for tag in lines(follow) {
            doc.put(Entry { kind: Kind::Follow, key: tag.to_owned(), stamp: next(), value: "1".to_owned() });
        }
        for id in lines(read) {
            doc.put(Entry { kind: Kind::Read, key: id.to_owned(), stamp: next(), value: "1".to_owned() });
        }
        for (name, value) in reading.unwrap_or_default().split('&').filter_map(|pair| pair.split_once('=')) {
            doc.put(Entry {
                kind: Kind::Setting,
                key: name.to_owned(),
                stamp: next(),
                value: value.to_owned(),
            });
        }
        if hide_read.is_some_and(|on| on.trim() == "1") {
            doc.put(Entry {
                kind: Kind::Setting,
                key: HIDE_READ.to_owned(),
                stamp: next(),
                value: "1".to_owned(),
            });
        }
        doc.trim();
        doc
    }

    /// The newest entry of every key of `self` and `other`: commutative, associative and
    /// idempotent, so tabs that merge what they hear in any order agree.
    pub fn merge(&self, other: &PrefsDoc) -> PrefsDoc {
        let mut merged = self.clone();
        for entry in &other.entries {
            merged.put(entry.clone());
        }
        merged.trim();
        merged
    }

    /// The latest stamp in the document (0 when empty).
    pub fn clock(&self) -> u64 {
        self.entries.iter().map(|e| e.stamp).max().unwrap_or(0)
    }

    /// A stamp for a change made at `now`: later than `now` and than every stamp seen.
    fn stamp(&self, now: u64) -> u64 {
        now.max(self.clock().saturating_add(1))
    }

    /// Sets `key` of `kind` to `value`, as a change made at `now`.
    pub fn set(&mut self, kind: Kind, key: &str, value: &str, now: u64) {
        let stamp = self.stamp(now);
        self.put(Entry { kind, key: key.to_owned(), stamp, value: value.to_owned() });
        self.trim();
    }

    /// Sets every key of `keys` of `kind` to `value` as one change made at `now`.
    pub fn set_all(&mut self, kind: Kind, keys: &[String], value: &str, now: u64) {
        let stamp = self.stamp(now);
        for key in keys {
            self.put(Entry { kind, key: key.clone(), stamp, value: value.to_owned() });
        }
        self.trim();
    }

    /// The value of `key` of `kind`, if one was ever set.
    pub fn get(&self, kind: Kind, key: &str) -> Option<&str> {
        let at = self.find(kind, key).ok()?;
        Some(self.entries[at].value.as_str())
    }

    /// The keys of `kind` whose value is not empty (followed tags, read ids), in key order.
    pub fn on(&self, kind: Kind) -> Vec<String> {
        let on = self.entries.iter().filter(|e| e.kind == kind && !e.value.is_empty());
        on.map(|e| e.key.clone()).collect()
    }

    /// The settings (other than "Hide read") as `name=value&…`, the form `Typography` reads.
    pub fn reading(&self) -> String {
        let pairs: Vec<String> = (self.entries.iter())
            .filter(|e| e.kind == Kind::Setting && e.key != HIDE_READ && !e.value.is_empty())
            .map(|e| format!("{}={}", e.key, e.value))
            .collect();
        pairs.join("&")
    }

    fn find(&self, kind: Kind, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|e| (e.kind, e.key.as_str()).cmp(&(kind, key)))
    }

    /// Keeps `entry` unless the document has a newer one for its key.
    fn put(&mut self, entry: Entry) {
        match self.find(entry.kind, &entry.key) {
            Ok(at) if entry.beats(&self.entries[at]) => self.entries[at] = entry,
            Ok(_) => {}
            Err(at) => self.entries.insert(at, entry),
        }
    }

    /// Keeps only the newest [`MAX_READ`] read entries (the oldest by stamp, then key, go
    /// first), so that trimming commutes with merging. One at a time: a change passes the cap by
    /// one or a few, only a merge of two long histories by more.
    fn trim(&mut self) {
        let mut read = self.entries.iter().filter(|e| e.kind == Kind::Read).count();
        while read > MAX_READ {
            let oldest = (self.entries.iter().enumerate())
                .filter(|(_, e)| e.kind == Kind::Read)
                .min_by(|(_, a), (_, b)| (a.stamp, &a.key).cmp(&(b.stamp, &b.key)))
                .map(|(at, _)| at);
            let Some(at) = oldest else { return };
            self.entries.remove(at);
            read -= 1;
        }
    }
}

/// The non-empty lines of `text`.
fn lines(text: Option<&str>) -> impl Iterator<Item = &str> {
    text.unwrap_or_default().lines().filter(|l| !l.is_empty())
}

/// The setting "Hide read" is kept under.
pub const HIDE_READ: &str = "hide-read";

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change a tab makes: what the person did.
    #[derive(Clone, Copy, Debug)]
    enum Op {
        Follow(&'static str),
        Unfollow(&'static str),
        Mark(&'static str),
        /// "Mark all as read" of these ids, remembered for the undo.
        MarkAll(&'static [&'static str]),
        /// The undo of the tab's last "Mark all as read".
        Undo,
        Setting(&'static str, &'static str),
    }

    /// One step of an interleaving of two tabs (0 and 1) over one storage.
    #[derive(Clone, Copy, Debug)]
    enum Step {
        /// The tab makes a change at this time: merges it into what it knows and queues the
        /// write of that (read-modify-write of the value the tab has last seen).
        Do(usize, u64, Op),
        /// The tab's queued write lands in storage, replacing what is there; the other tab will
        /// hear of it.
        Land(usize),
        /// The tab hears of the last write that landed (the `storage` event): it merges it in
        /// and, when it knows more, queues a write of its own.
        Hear(usize),
    }
    use Step::*;

    #[derive(Default)]
    struct Tab {
        doc: PrefsDoc,
        queued: Option<PrefsDoc>,
        undo: Vec<String>,
    }

    /// Runs `steps`, then lets every queued write land and be heard until nothing changes,
    /// and returns the storage's document and each tab's.
    fn run(stored: PrefsDoc, steps: &[Step]) -> (PrefsDoc, [PrefsDoc; 2]) {
        let mut storage = stored.clone();
        let mut tabs = [Tab { doc: stored.clone(), ..Tab::default() }, Tab { doc: stored, ..Tab::default() }];
        let apply = |storage: &mut PrefsDoc, tabs: &mut [Tab; 2], step: Step| match step {
            Do(tab, now, op) => {
                let tab = &mut tabs[tab];
                let doc = &mut tab.doc;
                match op {
                    Op::Follow(tag) => doc.set(Kind::Follow, tag, "1", now),
                    Op::Unfollow(tag) => doc.set(Kind::Follow, tag, "", now),
                    Op::Mark(id) => doc.set(Kind::Read, id, "1", now),
                    Op::MarkAll(ids) => {
                        let read = doc.on(Kind::Read);
                        tab.undo = ids
                            .iter()
                            .filter(|id| !read.contains(&id.to_string()))
                            .map(|id| id.to_string())
                            .collect();
                        doc.set_all(Kind::Read, &tab.undo, "1", now);
                    }
                    Op::Undo => doc.set_all(Kind::Read, &std::mem::take(&mut tab.undo), "", now),
                    Op::Setting(name, value) => doc.set(Kind::Setting, name, value, now),
                }
                tab.queued = Some(tab.doc.clone());
            }
            Land(tab) => {
                if let Some(doc) = tabs[tab].queued.take() {
                    *storage = doc;
                }
            }
            Hear(tab) => {
                let tab = &mut tabs[tab];
                tab.doc = tab.doc.merge(storage);
                if tab.doc != *storage {
                    tab.queued = Some(tab.doc.clone());
                }
            }
        };
        for &step in steps {
            apply(&mut storage, &mut tabs, step);
        }
        // Settle: land and hear until neither tab has anything to write.
        for _ in 0..10 {
            for tab in 0..2 {
                apply(&mut storage, &mut tabs, Land(tab));
                apply(&mut storage, &mut tabs, Hear(1 - tab));
                apply(&mut storage, &mut tabs, Hear(tab));
            }
        }
        assert!(tabs.iter().all(|t| t.queued.is_none()), "settled");
        (storage, [tabs[0].doc.clone(), tabs[1].doc.clone()])
    }

    /// `items` in key order, as [`PrefsDoc::on`] lists them.
    fn strings(items: &[&str]) -> Vec<String> {
        let mut items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        items.sort();
        items
    }

    #[test]
    fn interleavings_keep_every_change() {
        let old = PrefsDoc::migrate(Some("tea"), Some("x"), None, None);
        // (what happens, followed afterwards, read afterwards, settings afterwards)
        #[allow(clippy::type_complexity)]
        let table: &[(&str, &[Step], &[&str], &[&str], &str)] = &[
            (
                "A marks 1, B marks 2, A's write lands last",
                &[Do(0, 100, Op::Mark("1")), Do(1, 100, Op::Mark("2")), Land(1), Land(0)],
                &["tea"],
                &["x", "1", "2"],
                "",
            ),
            (
                "A marks 1, B marks 2, B's write lands last",
                &[Do(0, 100, Op::Mark("1")), Do(1, 101, Op::Mark("2")), Land(0), Land(1)],
                &["tea"],
                &["x", "1", "2"],
                "",
            ),
            (
                "A follows coffee, B follows cocoa at the same moment",
                &[Do(0, 100, Op::Follow("coffee")), Do(1, 100, Op::Follow("cocoa")), Land(0), Land(1)],
                &["tea", "cocoa", "coffee"],
                &["x"],
                "",
            ),
            (
                "A unfollows tea after B has heard of it; B's stale full list lands last",
                &[Do(0, 100, Op::Unfollow("tea")), Do(1, 100, Op::Mark("2")), Land(0), Land(1)],
                &[],
                &["x", "2"],
                "",
            ),
            (
                "A unfollows tea, then B follows it again later",
                &[Do(0, 100, Op::Unfollow("tea")), Land(0), Hear(1), Do(1, 200, Op::Follow("tea")), Land(1)],
                &["tea"],
                &["x"],
                "",
            ),
            (
                "A marks all, B marks 3 meanwhile, A undoes: B's mark stays",
                &[
                    Do(0, 100, Op::MarkAll(&["1", "2", "x"])),
                    Do(1, 100, Op::Mark("3")),
                    Land(1),
                    Land(0),
                    Hear(0),
                    Hear(1),
                    Do(0, 150, Op::Undo),
                    Land(0),
                ],
                &["tea"],
                &["x", "3"],
                "",
            ),
            (
                "A marks all, B marks 1 again after A's undo, on a clock behind A's",
                &[
                    Do(0, 100, Op::MarkAll(&["1", "2"])),
                    Land(0),
                    Hear(1),
                    Do(0, 150, Op::Undo),
                    Land(0),
                    Hear(1),
                    Do(1, 120, Op::Mark("1")),
                    Land(1),
                ],
                &["tea"],
                &["x", "1"],
                "",
            ),
            (
                "A sets the font, B the width, B's write lands last",
                &[
                    Do(0, 100, Op::Setting("font", "mono")),
                    Do(1, 100, Op::Setting("width", "wide")),
                    Land(0),
                    Land(1),
                ],
                &["tea"],
                &["x"],
                "font=mono&width=wide",
            ),
            (
                "A sets the font to mono, B later to sans: the later choice wins",
                &[
                    Do(0, 100, Op::Setting("font", "mono")),
                    Do(1, 200, Op::Setting("font", "sans")),
                    Land(1),
                    Land(0),
                ],
                &["tea"],
                &["x"],
                "font=sans",
            ),
            (
                "A hides read ones, B marks 5",
                &[Do(0, 100, Op::Setting(HIDE_READ, "1")), Do(1, 100, Op::Mark("5")), Land(0), Land(1)],
                &["tea"],
                &["x", "5"],
                "",
            ),
        ];
        for (what, steps, followed, read, reading) in table {
            let (stored, tabs) = run(old.clone(), steps);
            for doc in [&stored, &tabs[0], &tabs[1]] {
                assert_eq!(doc.on(Kind::Follow), strings(followed), "{what}: followed");
                assert_eq!(doc.on(Kind::Read), strings(read), "{what}: read");
                assert_eq!(doc.reading(), *reading, "{what}: settings");
            }
            if *what == "A hides read ones, B marks 5" {
                assert_eq!(stored.get(Kind::Setting, HIDE_READ), Some("1"));
            }
        }
    }

    #[test]
    fn twenty_simultaneous_marks_all_survive() {
        // Ten rounds of both tabs marking an article at the same moment, writes landing in
        // either order, each tab hearing the other's only after its own write.
        let mut steps = Vec::new();
        const IDS: [&str; 20] = [
            "a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4", "a5", "b5", "a6", "b6", "a7", "b7",
            "a8", "b8", "a9", "b9",
        ];
        for round in 0..10 {
            let now = 1000 + round as u64;
            steps.push(Do(0, now, Op::Mark(IDS[2 * round])));
            steps.push(Do(1, now, Op::Mark(IDS[2 * round + 1])));
            let (first, second) = if round % 2 == 0 { (0, 1) } else { (1, 0) };
            steps.extend([Land(first), Land(second), Hear(first), Hear(second)]);
        }
        let (stored, _) = run(PrefsDoc::default(), &steps);
        assert_eq!(stored.on(Kind::Read), strings(&IDS));
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent() {
        let mut a = PrefsDoc::default();
        a.set(Kind::Read, "1", "1", 10);
        a.set(Kind::Follow, "tea", "1", 10);
        let mut b = PrefsDoc::default();
        b.set(Kind::Read, "1", "", 10);
        b.set(Kind::Follow, "tea", "", 20);
        let mut c = PrefsDoc::default();
        c.set(Kind::Setting, "font", "mono", 5);
        assert_eq!(a.merge(&b), b.merge(&a));
        assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        assert_eq!(a.merge(&a), a);
        // Equal stamps: the larger value, whichever side it is on.
        assert_eq!(a.merge(&b).on(Kind::Read), strings(&["1"]));
        assert_eq!(a.merge(&b).on(Kind::Follow), Vec::<String>::new());
    }

    #[test]
    fn stored_text_round_trips_and_bad_lines_are_skipped() {
        let mut doc = PrefsDoc::default();
        doc.set(Kind::Read, "id\twith\ttabs\nand a newline \\ and a backslash", "1", 7);
        doc.set(Kind::Follow, "north africa", "1", 8);
        doc.set(Kind::Setting, "textSize", "150", 9);
        assert_eq!(PrefsDoc::parse(&doc.to_text()), doc);
        let noisy = format!("junk\nr\tnot a number\t1\tx\nq\t1\t1\tx\n{}\\", doc.to_text());
        assert_eq!(PrefsDoc::parse(&noisy).on(Kind::Read), doc.on(Kind::Read));
        assert_eq!(PrefsDoc::parse(""), PrefsDoc::default());
        for text in ["\t\t\t", "r\t1\t", "r\t99999999999999999999999\t1\tx", "\\", "s\t1\t\\\t\\"] {
            let _ = PrefsDoc::parse(text);
        }
    }

    #[test]
    fn old_keys_are_migrated_older_than_any_change() {
        let doc = PrefsDoc::migrate(
            Some("tea\ncoffee\n"),
            Some("a\nb\n\nc"),
            Some("font=mono&textSize=115"),
            Some("1"),
        );
        assert_eq!(doc.on(Kind::Follow), strings(&["tea", "coffee"]));
        assert_eq!(doc.on(Kind::Read), strings(&["a", "b", "c"]));
        assert_eq!(doc.reading(), "font=mono&textSize=115");
        assert_eq!(doc.get(Kind::Setting, HIDE_READ), Some("1"));
        let mut later = doc.clone();
        later.set(Kind::Read, "a", "", 0);
        assert_eq!(doc.merge(&later).on(Kind::Read), strings(&["b", "c"]));
        assert_eq!(PrefsDoc::migrate(None, None, None, Some("0")), PrefsDoc::default());
    }

    #[test]
    fn read_marks_are_capped_oldest_first_and_trimming_commutes_with_merging() {
        let mut a = PrefsDoc::default();
        let mut b = PrefsDoc::default();
        for n in 0..MAX_READ + 10 {
            let (doc, now) = if n % 2 == 0 { (&mut a, n as u64) } else { (&mut b, n as u64) };
            doc.set(Kind::Read, &format!("id{n}"), "1", now);
        }
        let merged = a.merge(&b);
        let read = merged.on(Kind::Read);
        assert_eq!(read.len(), MAX_READ);
        assert!((0..10).all(|n| !read.contains(&format!("id{n}"))), "the ten oldest went");
        assert!(read.contains(&"id10".to_owned()));
        assert_eq!(merged, b.merge(&a));
    }
}
