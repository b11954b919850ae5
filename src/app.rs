//! The root component: loads the feed, owns the navigation state, follows the URL fragment and
//! picks the page to show.

use std::cell::Cell;
use std::rc::Rc;

use article_reader_core::{Navigation, Route};
use yew::prelude::*;

use crate::components::error_view::ErrorView;
use crate::components::masthead::Masthead;
use crate::feed_source::{FeedData, FeedHandle};
use crate::pages::article_page::ArticlePage;
use crate::pages::feed_page::FeedPage;
use crate::pages::not_found::NotFound;
use crate::routing;
use crate::state::{ReaderAction, ReaderState};

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A prefix for element ids, unique per mounted reader, so two readers on one page never
/// point `aria-labelledby` at each other's headings.
fn next_id_prefix() -> AttrValue {
    let n = NEXT_INSTANCE.with(|next| next.replace(next.get() + 1));
    AttrValue::from(format!("ar{n}"))
}

#[function_component(App)]
pub fn app() -> Html {
    let data = use_memo((), |_| FeedData::bundled().map(|data| FeedHandle(Rc::new(data))));
    let state = use_reducer(|| ReaderState { navigation: Navigation::new(routing::current_route()) });
    let id_prefix = use_memo((), |_| next_id_prefix());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                routing::on_route_change(move |route| dispatcher.dispatch(ReaderAction::Navigated(route)));
            move || drop(listener)
        });
    }

    let data = match &*data {
        Ok(data) => data.clone(),
        Err(error) => {
            return html! {
                <div class="ar-app">
                    <main class="ar-main">
                        <ErrorView title="This feed cannot be shown" message={error.to_string()} />
                    </main>
                </div>
            }
        }
    };
    let navigation = &state.navigation;
    let id_prefix = (*id_prefix).clone();
    let on_feed = matches!(navigation.route, Route::Feed(_));
    let page = match &navigation.route {
        Route::Feed(filter) => html! {
            <FeedPage data={data.clone()} filter={filter.clone()} id_prefix={id_prefix.clone()} />
        },
        Route::Article(id) => match data.feed.position(id) {
            Some(position) => html! {
                <ArticlePage
                    data={data.clone()}
                    {position}
                    back={navigation.back_to_feed()}
                    id_prefix={id_prefix.clone()}
                />
            },
            None => {
                html! { <NotFound what={format!("There is no article with the id “{id}” in this feed.")} back={navigation.back_to_feed()} /> }
            }
        },
        Route::NotFound(path) => html! {
            <NotFound what={format!("The address “#{path}” does not lead to a page of this reader.")} back={navigation.back_to_feed()} />
        },
    };

    html! {
        <div class="ar-app">
            <Masthead title={data.feed.title.clone()} description={data.feed.description.clone()} is_page_heading={on_feed} />
            <main class="ar-main">{ page }</main>
        </div>
    }
}
