//! Text with the words of a search marked: `<mark>` around each match, the rest as plain text.

use article_reader_core::lists::search::highlight;
use article_reader_core::Query;
use yew::prelude::*;

/// `text` as nodes, with the runs that match `query` in `<mark>`.
pub fn highlighted(text: &str, query: &Query) -> Html {
    if query.is_empty() {
        return html! { text.to_owned() };
    }
    highlight(text, query)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                html! { <mark class="ar-mark">{ run.to_owned() }</mark> }
            } else {
                html! { run.to_owned() }
            }
        })
        .collect()
}
