//! The unread controls beside a list of articles: "Hide read", and "Mark all as read" for the
//! articles of the view (the filter and search as they are), which one "Undo" takes back. A
//! plain function: the state is the preferences'.

use std::rc::Rc;

use article_reader_core::interface::text::Label;
use article_reader_core::Selection;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::feed_source::FeedHandle;
use crate::prefs::PrefsAction;

pub fn unread_controls(cx: &ReaderContext, data: &FeedHandle, selection: &Rc<Selection>) -> Html {
    let unread_shown = selection.articles.iter().any(|&position| !cx.read.contains(position));
    let hide = {
        let prefs = cx.prefs.dispatcher();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            prefs.dispatch(PrefsAction::SetHideRead(on));
        })
    };
    let mark = {
        let (prefs, data, read, selection) =
            (cx.prefs.dispatcher(), data.clone(), cx.read.clone(), selection.clone());
        Callback::from(move |_: MouseEvent| {
            let ids = (selection.articles.iter())
                .filter(|&&position| !read.contains(position))
                .filter_map(|&position| data.feed.articles.get(position))
                .map(|article| article.id.as_str().to_owned())
                .collect();
            prefs.dispatch(PrefsAction::MarkAllRead(ids));
        })
    };
    let undo = {
        let prefs = cx.prefs.dispatcher();
        Callback::from(move |_: MouseEvent| prefs.dispatch(PrefsAction::UndoMarkAll))
    };
    html! {
        <div class="ar-reading">
            <label class="ar-reading__hide">
                <input type="checkbox" checked={cx.prefs.hide_read} onchange={hide} />
                { cx.ui.label(Label::HideRead) }
            </label>
            <div class="ar-reading__marks">
                <button type="button" class="ar-reading__mark" disabled={!unread_shown} onclick={mark}>
                    { cx.ui.label(Label::MarkAllRead) }
                </button>
                if cx.prefs.before_marking.is_some() {
                    <button type="button" class="ar-clear" onclick={undo}>{ cx.ui.label(Label::UndoMarkAllRead) }</button>
                }
            </div>
        </div>
    }
}
