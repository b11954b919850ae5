//! The standalone page: reads `?src=` and `?max-size=` from the address and mounts the reader
//! into `#article-reader` (or `<body>`).

use article_reader::{App, AppProps, StartOptions};

fn main() {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let props = AppProps { options: StartOptions::from_query(&search) };
    match gloo::utils::document().get_element_by_id("article-reader") {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}
