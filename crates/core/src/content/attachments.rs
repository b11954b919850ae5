//! An article's attachments as the reader shows them: audio and video as players, the
//! attachments that share a title being one player with several sources (JSON Feed's
//! alternates: formats of one episode), anything else a download.

use crate::model::Attachment;

/// One thing under an article's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown<'a> {
    /// A native player: its sources in the feed's order, the first one's title, size and
    /// duration.
    Player {
        video: bool,
        sources: Vec<&'a Attachment>,
    },
    Download(&'a Attachment),
}

/// `attachments` as players and downloads, in the feed's order.
pub fn shown(attachments: &[Attachment]) -> Vec<Shown<'_>> {
    let mut out: Vec<Shown> = Vec::new();
    for attachment in attachments {
        let video = attachment.is_video();
        if !video && !attachment.is_audio() {
            out.push(Shown::Download(attachment));
            continue;
        }
        let alternate = attachment.title.as_ref().and_then(|title| {
            out.iter_mut().find_map(|shown| match shown {
                Shown::Player { video: v, sources }
                    if *v == video && sources[0].title.as_ref() == Some(title) =>
                {
                    Some(sources)
                }
                _ => None,
            })
        });
        match alternate {
            Some(sources) => sources.push(attachment),
            None => out.push(Shown::Player { video, sources: vec![attachment] }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::SafeUrl;

    fn attachment(url: &str, mime_type: &str, title: Option<&str>) -> Attachment {
        Attachment {
            url: SafeUrl::parse(url).unwrap_or_else(|| panic!("{url}")),
            mime_type: mime_type.to_owned(),
            title: title.map(str::to_owned),
            size_in_bytes: None,
            duration_in_seconds: None,
        }
    }

    #[test]
    fn alternates_that_share_a_title_are_one_player() {
        let list = [
            attachment("a.mp3", "audio/mpeg", Some("Episode 1")),
            attachment("b.pdf", "application/pdf", Some("Episode 1")),
            attachment("a.m4a", "audio/mp4", Some("Episode 1")),
            attachment("v.mp4", "video/mp4", Some("Episode 1")),
            attachment("c.ogg", "audio/ogg", None),
            attachment("d.ogg", "audio/ogg", None),
        ];
        let shown = shown(&list);
        assert_eq!(
            shown,
            [
                Shown::Player { video: false, sources: vec![&list[0], &list[2]] },
                Shown::Download(&list[1]),
                Shown::Player { video: true, sources: vec![&list[3]] },
                Shown::Player { video: false, sources: vec![&list[4]] },
                Shown::Player { video: false, sources: vec![&list[5]] },
            ]
        );
    }
}
