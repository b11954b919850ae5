//! The reader's title bar. It names the feed and leads back to the unfiltered feed; on the feed
//! page it is the page's `<h1>`, elsewhere the article title is.

use article_reader_core::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub description: Option<AttrValue>,
    pub is_page_heading: bool,
}

#[function_component(Masthead)]
pub fn masthead(props: &MastheadProps) -> Html {
    let home = Route::default().to_hash();
    let title = html! { <a class="ar-masthead__link" href={home}>{ props.title.clone() }</a> };
    html! {
        <header class="ar-masthead" part="masthead">
            if props.is_page_heading {
                <h1 class="ar-masthead__title">{ title }</h1>
            } else {
                <p class="ar-masthead__title">{ title }</p>
            }
            if let Some(description) = &props.description {
                <p class="ar-masthead__description">{ description.clone() }</p>
            }
        </header>
    }
}
