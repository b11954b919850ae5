//! The standalone page: mounts the reader into `#article-reader` (or `<body>`).

fn main() {
    let document = gloo::utils::document();
    match document.get_element_by_id("article-reader") {
        Some(root) => {
            article_reader::mount(root);
        }
        None => {
            yew::Renderer::<article_reader::App>::new().render();
        }
    }
}
