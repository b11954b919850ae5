//! The keyboard help: a `<dialog>` listing the shortcuts, opened with `?` as a modal
//! (`showModal()`: the rest of the page is inert, so the focus stays in it, and Escape closes
//! it). The focus goes back to where it was when it closes. A plain function and a hook, not a
//! component: each kind of component costs the wasm its own copy of Yew's lifecycle.

use article_reader_core::interface::text::Label;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use crate::context::ReaderContext;
use crate::effect::use_effect_on;
use crate::keyboard::active_element;

/// The help's dialog, shown as a modal while `open` (the focus given back when it closes).
#[hook]
pub fn use_help_dialog(open: bool) -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_on(open, move |open| {
            let element = dialog.cast::<HtmlDialogElement>().filter(|_| *open);
            let before = element
                .as_ref()
                .and_then(|d| active_element(d))
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(element) = &element {
                let _ = element.show_modal();
            }
            move || {
                if let Some(element) = element.filter(|d| d.open()) {
                    element.close();
                }
                if let Some(before) = before {
                    let _ = before.focus();
                }
            }
        });
    }
    dialog
}

/// The help, in the `dialog` of [`use_help_dialog`]; `on_close` when it closes.
pub fn help_overlay(cx: &ReaderContext, dialog: NodeRef, on_close: &Callback<()>) -> Html {
    let title_id = cx.id("help-title");
    let close = {
        let on_close = on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    // Escape closes the dialog by itself; the reader then forgets it was open.
    let closed = {
        let on_close = on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let rows = [
        (&["j", "k"][..], Label::KeyNext),
        (&["Enter", "o"][..], Label::KeyOpen),
        (&["Esc"][..], Label::KeyBack),
        (&["/"][..], Label::KeySearch),
        (&["n"][..], Label::KeyListen),
        (&["?"][..], Label::KeyHelp),
    ];
    html! {
        <dialog class="ar-dialog" part="help" aria-labelledby={title_id.clone()} ref={dialog} onclose={closed}>
            <h2 class="ar-dialog__title" id={title_id}>{ cx.ui.label(Label::KeyboardShortcuts) }</h2>
            <dl class="ar-shortcuts">
                { for rows.iter().map(|(keys, label)| html! {
                    <div class="ar-shortcuts__row">
                        <dt>{ for keys.iter().map(|key| html! { <kbd>{ *key }</kbd> }) }</dt>
                        <dd>{ cx.ui.label(*label) }</dd>
                    </div>
                }) }
            </dl>
            <button type="button" class="ar-button ar-dialog__close" onclick={close} autofocus=true>
                { cx.ui.label(Label::Close) }
            </button>
        </dialog>
    }
}
