//! The keyboard help: a modal dialog listing the shortcuts, opened with `?`.

use article_reader_core::text::Label;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::context::ReaderContext;

#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    pub on_close: Callback<()>,
}

#[function_component(HelpOverlay)]
pub fn help_overlay(props: &HelpOverlayProps) -> Html {
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let Some(cx) = use_context::<ReaderContext>() else { return Html::default() };
    let title_id = cx.id("help-title");
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let rows = [
        (&["j", "k"][..], Label::KeyNext),
        (&["Enter", "o"][..], Label::KeyOpen),
        (&["Esc"][..], Label::KeyBack),
        (&["/"][..], Label::KeySearch),
        (&["?"][..], Label::KeyHelp),
    ];
    html! {
        <div class="ar-dialog-backdrop">
            <div class="ar-dialog" part="help" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()}>
                <h2 class="ar-dialog__title" id={title_id}>{ cx.ui.label(Label::KeyboardShortcuts) }</h2>
                <dl class="ar-shortcuts">
                    { for rows.iter().map(|(keys, label)| html! {
                        <div class="ar-shortcuts__row">
                            <dt>{ for keys.iter().map(|key| html! { <kbd>{ *key }</kbd> }) }</dt>
                            <dd>{ cx.ui.label(*label) }</dd>
                        </div>
                    }) }
                </dl>
                <button type="button" class="ar-button ar-dialog__close" ref={close_button} onclick={close}>
                    { cx.ui.label(Label::Close) }
                </button>
            </div>
        </div>
    }
}
