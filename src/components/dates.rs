//! An article's dates as `<time>` elements: "Published 24 October 2024", "Updated 25 October
//! 2024", machine-readable in `datetime`.

use article_reader_core::{Article, Timestamp};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DatesProps {
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    /// In a feed card only the date the feed is ordered by is shown.
    #[prop_or_default]
    pub compact: bool,
}

impl DatesProps {
    pub fn of(article: &Article, compact: bool) -> DatesProps {
        DatesProps { published: article.published.clone(), updated: article.updated.clone(), compact }
    }
}

fn time(label: &str, date: &Timestamp) -> Html {
    let text = if label.is_empty() { date.long_date() } else { format!("{label} {}", date.long_date()) };
    html! { <time class="ar-date" datetime={date.as_rfc3339().to_owned()}>{ text }</time> }
}

#[function_component(Dates)]
pub fn dates(props: &DatesProps) -> Html {
    let shown: Vec<Html> = match (&props.published, &props.updated) {
        (Some(published), _) if props.compact => vec![time("", published)],
        (Some(published), Some(updated)) if updated > published => {
            vec![time("Published", published), time("Updated", updated)]
        }
        (Some(published), _) => vec![time("Published", published)],
        (None, Some(updated)) => vec![time("Updated", updated)],
        (None, None) => return Html::default(),
    };
    html! { <p class="ar-dates">{ for shown }</p> }
}
