//! The reader on its bundled feed: the feed, filtering, the article view and routing.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::support::{settled, Mounted};

const US_ARTICLE: &str = "pakistan-us-lawmakers-letter-khan-release";
const UK_ARTICLE: &str = "pakistan-uk-regional-security-talks";

fn title_of(id: &str) -> &'static str {
    match id {
        US_ARTICLE => {
            "Pakistan says US lawmakers’ letter calling for ex-PM Khan’s release ‘counterproductive’"
        }
        UK_ARTICLE => {
            "Pakistan, UK discuss regional security, cross-border attacks as senior official visits Islamabad"
        }
        _ => unreachable!(),
    }
}

#[wasm_bindgen_test]
async fn the_feed_lists_both_seed_articles_newest_first_as_an_aria_feed() {
    let reader = Mounted::at("#/").await;
    assert_eq!(reader.headlines(), [title_of(UK_ARTICLE), title_of(US_ARTICLE)]);

    let items = reader.all("[role=feed] > article");
    assert_eq!(items.len(), 2);
    for (n, item) in items.iter().enumerate() {
        assert_eq!(item.get_attribute("aria-posinset").as_deref(), Some((n + 1).to_string().as_str()));
        assert_eq!(item.get_attribute("aria-setsize").as_deref(), Some("2"));
        let labelled_by = item.get_attribute("aria-labelledby").unwrap();
        let heading = reader.one(&format!("#{labelled_by}")).expect("aria-labelledby points at an element");
        assert_eq!(heading.tag_name(), "H2");
    }
    assert_eq!(reader.texts("[role=feed] time"), ["Updated 20 January 2026", "Updated 25 October 2024"]);
    assert_eq!(reader.one("[aria-live=polite]").unwrap().text_content().unwrap(), "Showing all 2 articles");
}

#[wasm_bindgen_test]
async fn toggling_a_tag_narrows_the_feed_and_clearing_restores_it() {
    let reader = Mounted::at("#/").await;
    let pressed = |r: &Mounted, name: &str| {
        r.all("button[aria-pressed]")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(name))
            .and_then(|b| b.get_attribute("aria-pressed"))
    };
    assert_eq!(pressed(&reader, "Imran Khan").as_deref(), Some("false"));
    assert!(reader
        .texts("button[aria-pressed]")
        .iter()
        .any(|t| t.starts_with("Pakistan") && t.contains('2')));

    reader.click("button[aria-pressed]", "Imran Khan");
    reader.until("the feed shows one article", |r| r.headlines().len() == 1).await;
    assert_eq!(reader.headlines(), [title_of(US_ARTICLE)]);
    assert_eq!(pressed(&reader, "Imran Khan").as_deref(), Some("true"));
    assert_eq!(
        reader.one("[aria-live=polite]").unwrap().text_content().unwrap(),
        "1 of 2 articles tagged Imran Khan"
    );
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#/?tag=imran%20khan");

    reader.click("button", "Clear filter");
    reader.until("the feed shows both articles again", |r| r.headlines().len() == 2).await;
    assert_eq!(pressed(&reader, "Imran Khan").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_tag_chip_on_an_article_applies_that_tag() {
    let reader = Mounted::at("#/").await;
    reader.click("[role=feed] a.ar-tag", "United Kingdom");
    reader.until("the feed is filtered by the chip's tag", |r| r.headlines().len() == 1).await;
    assert_eq!(reader.headlines(), [title_of(UK_ARTICLE)]);
}

#[wasm_bindgen_test]
async fn opening_an_article_shows_its_whole_body_and_back_keeps_the_filter() {
    let reader = Mounted::at("#/?tag=imran%20khan").await;
    assert_eq!(reader.headlines(), [title_of(US_ARTICLE)]);

    reader.click("[role=feed] h2 a", "US lawmakers");
    reader.until("the article opens", |r| r.one("h1.ar-article__title").is_some()).await;
    assert_eq!(reader.texts("h1.ar-article__title"), [title_of(US_ARTICLE)]);
    let paragraphs = reader.texts(".ar-body p");
    assert_eq!(paragraphs.len(), 12, "every paragraph of the seed text: {paragraphs:#?}");
    assert!(paragraphs[0].starts_with("ISLAMABAD: Pakistan’s foreign office spokesperson on Thursday"));
    assert!(paragraphs[11].starts_with("The American lawmakers also asked the Biden administration"));
    assert_eq!(reader.texts(".ar-body h2"), ["‘HISTORIC LEVEL OF IRREGULARITIES’"]);
    assert_eq!(reader.texts(".ar-highlights li").len(), 2);
    assert_eq!(reader.texts("time"), ["Updated 25 October 2024"]);
    assert_eq!(
        reader.one("time").unwrap().get_attribute("datetime").as_deref(),
        Some("2024-10-25T00:00:00+05:00")
    );
    let caption = reader.texts("figcaption");
    assert!(
        caption[0].starts_with("Police cammandos escort") && caption[0].ends_with("(AFP/File)"),
        "{caption:?}"
    );
    let focused = gloo::utils::document().active_element().map(|e| e.tag_name());
    assert_eq!(focused.as_deref(), Some("H1"), "focus moves to the headline");

    reader.click("a.ar-back", "Imran Khan");
    reader.until("the filtered feed is back", |r| r.one("[role=feed]").is_some()).await;
    assert_eq!(reader.headlines(), [title_of(US_ARTICLE)]);
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_article_cold() {
    let reader = Mounted::at(&format!("#/article/{UK_ARTICLE}")).await;
    assert_eq!(reader.texts("h1"), [title_of(UK_ARTICLE)]);
    let paragraphs = reader.texts(".ar-body p");
    assert_eq!(paragraphs.len(), 7);
    assert!(paragraphs[6].ends_with("professional military training."));
    assert_eq!(reader.texts("time"), ["Updated 20 January 2026"]);
}

#[wasm_bindgen_test]
async fn back_and_forward_move_between_views() {
    let reader = Mounted::at("#/").await;
    reader.click("[role=feed] h2 a", "UK discuss");
    reader.until("the article opens", |r| r.one("h1.ar-article__title").is_some()).await;
    gloo::utils::window().history().unwrap().back().unwrap();
    reader.until("back shows the feed", |r| r.headlines().len() == 2).await;
    gloo::utils::window().history().unwrap().forward().unwrap();
    reader.until("forward shows the article", |r| r.one("h1.ar-article__title").is_some()).await;
}

#[wasm_bindgen_test]
async fn an_unknown_article_shows_a_not_found_view_with_a_way_back() {
    let reader = Mounted::at("#/article/no-such-article").await;
    assert_eq!(reader.texts("h1"), ["Article not found"]);
    assert!(reader.texts("p").iter().any(|t| t.contains("“no-such-article”")));
    reader.click("a.ar-button", "Back to the articles");
    reader.until("the feed is back", |r| r.headlines().len() == 2).await;
}

#[wasm_bindgen_test]
async fn a_click_anywhere_on_a_toggle_presses_it_and_a_disabled_one_stays_put() {
    let reader = Mounted::at("#/").await;
    let toggle = |r: &Mounted, name: &str| {
        r.all("button.ar-toggle")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(name))
            .unwrap_or_else(|| panic!("no toggle for {name}"))
    };
    let click_inside = |r: &Mounted, name: &str, part: &str| {
        let inner = toggle(r, name).query_selector(part).unwrap().expect("the toggle has the part");
        inner.dyn_into::<HtmlElement>().unwrap().click();
    };
    // The bar has one listener for all its toggles; a click on the count inside one still counts.
    click_inside(&reader, "Imran Khan", ".ar-toggle__count");
    reader.until("Imran Khan is pressed", |r| r.headlines() == [title_of(US_ARTICLE)]).await;
    assert_eq!(toggle(&reader, "Imran Khan").get_attribute("aria-pressed").as_deref(), Some("true"));

    // In "all" mode a tag the result lacks would leave nothing: its toggle is disabled, and a
    // click inside it changes nothing.
    reader.click(".ar-mode__option", "All");
    reader
        .until("United Kingdom is disabled", |r| toggle(r, "United Kingdom").has_attribute("disabled"))
        .await;
    let hash = gloo::utils::window().location().hash().unwrap();
    click_inside(&reader, "United Kingdom", ".ar-toggle__name");
    settled().await;
    assert_eq!(toggle(&reader, "United Kingdom").get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(gloo::utils::window().location().hash().unwrap(), hash);
    assert_eq!(reader.headlines(), [title_of(US_ARTICLE)]);
}
