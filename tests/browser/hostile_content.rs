//! Hostile feeds in a real browser. Every payload tries to call a trap function on `window`;
//! after the reader renders the feed and every article, the trap must be uncalled and the DOM
//! must hold no forbidden element, no event-handler or style attribute, and no script URL.

use std::cell::Cell;
use std::rc::Rc;

use serde_json::json;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

use article_reader::{FeedLocation, ReaderOptions, Routing};

use super::support::{blob_url, set_hash, settled, Mounted};

/// Markup payloads: classic vectors, obfuscated script URLs, mutation-XSS shapes, SVG and MathML
/// tricks, and DOM clobbering. Each calls `__xss()` if it ever runs.
const MARKUP: &[&str] = &[
    "<script>__xss()</script>",
    "<SCRIPT SRC=//example.invalid/x.js></SCRIPT><script>__xss()</script>",
    "<img src=x onerror=__xss()>",
    "<img src=\"x\" onerror=\"__xss()\">",
    "<IMG SRC=x ONERROR=__xss()>",
    "<img src=x onerror=__xss()//",
    "<svg onload=__xss()>",
    "<svg><script>__xss()</script></svg>",
    "<svg><animate onbegin=__xss() attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:__xss()\"><text x=20 y=20>x</text></a></svg>",
    "<svg><style><img src=x onerror=__xss()></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss()>",
    "<math href=\"javascript:__xss()\">x</math>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss()>",
    "<noscript><p title=\"</noscript><img src=x onerror=__xss()>\">",
    "<body onload=__xss()>",
    "<iframe src=\"javascript:__xss()\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss()</script>\"></iframe>",
    "<a href=\"javascript:__xss()\">click</a>",
    "<a href=\"JaVaScRiPt:__xss()\">click</a>",
    "<a href=\" javascript:__xss()\">click</a>",
    "<a href=\"java&#x09;script:__xss()\">click</a>",
    "<a href=\"java&#10;script:__xss()\">click</a>",
    "<a href=\"jav&#x0A;ascript:__xss()\">click</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss()\">click</a>",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058__xss()\">click</a>",
    "<a href=\"&#x6A;avascript:__xss()\">click</a>",
    "<a href=\"javascript&colon;__xss()\">click</a>",
    "<a href=\"\u{1}javascript:__xss()\">click</a>",
    "<a href=\"javas\u{0}cript:__xss()\">click</a>",
    "<a href=\"javascript://%0a__xss()\">click</a>",
    "<a href=\"data:text/html,<script>__xss()</script>\">click</a>",
    "<a href=\"vbscript:__xss()\">click</a>",
    "<a href=\"#\" onclick=\"__xss()\">click</a>",
    "<a href=x onmouseover=__xss()>hover</a>",
    "<img src=\"javascript:__xss()\">",
    "<img srcset=\"javascript:__xss() 1x\" src=x>",
    "<img src=\"data:image/svg+xml,<svg onload=__xss()>\">",
    "<img src=1 href=1 onerror=\"javascript:__xss()\">",
    "<img \"\"\"><script>__xss()</script>\">",
    "<scr<script>ipt>__xss()</scr</script>ipt>",
    "<object data=\"javascript:__xss()\"></object>",
    "<object type=\"text/x-scriptlet\" data=\"data:,__xss()\"></object>",
    "<embed src=\"javascript:__xss()\">",
    "<base href=\"javascript:__xss()//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss()\">",
    "<link rel=\"stylesheet\" href=\"javascript:__xss()\">",
    "<style>@import 'javascript:__xss()';</style>",
    "<div style=\"background:url(javascript:__xss())\">styled</div>",
    "<p style=\"width: expression(__xss())\">styled</p>",
    "<details open ontoggle=__xss()>d</details>",
    "<video><source onerror=__xss()></video>",
    "<audio src=x onerror=__xss()>",
    "<video autoplay onplay=__xss() src=\"javascript:__xss()\"></video>",
    "<video src=x poster=\"javascript:__xss()\" onerror=__xss() autoplay></video>",
    "<audio autoplay src=\"data:audio/wav;base64,UklGRg==\"></audio>",
    "<img src=x srcset=\"javascript:__xss() 1x, data:text/html,x 2x, x 3x\">",
    "<picture><source srcset=\"javascript:__xss()\"><img src=x onerror=__xss()></picture>",
    "<noscript><img src=x onerror=__xss()></noscript>",
    "<a href=\"#x\" onclick=__xss()>fragment</a><span id=\"x\" onfocus=__xss()>target</span>",
    "<p id=\"ar1-search\">clobber</p><a href=\"#ar1-search\">by id</a>",
    "<input autofocus onfocus=__xss()>",
    "<select autofocus onfocus=__xss()></select>",
    "<textarea autofocus onfocus=__xss()></textarea>",
    "<button formaction=\"javascript:__xss()\">b</button>",
    "<marquee onstart=__xss()>m</marquee>",
    "<frameset onload=__xss()>",
    "<table background=\"javascript:__xss()\"><tr><td onclick=__xss()>t</td></tr></table>",
    "<template><img src=x onerror=__xss()></template>",
    "<!--<img src=x onerror=__xss()>-->",
    "<![CDATA[<img src=x onerror=__xss()>]]>",
    "<img src=x id=getElementById name=getElementById>",
    "<form name=body><input name=appendChild></form>",
    "<img name=cookie src=x>",
    "<a id=__xss_calls href=x>clobber</a>",
    "\"><img src=x onerror=__xss()>",
    "'><svg/onload=__xss()>",
    "</p></div></article><img src=x onerror=__xss()>",
];

/// Payloads for the URL fields (`url`, `external_url`, `image`): the field must be left out, and
/// the article still show.
const URLS: &[&str] = &[
    "javascript:__xss()",
    " JAVASCRIPT:__xss()",
    "java\tscript:__xss()",
    "\u{1}javascript:__xss()",
    "data:text/html,<script>__xss()</script>",
    "vbscript:__xss()",
];

/// Elements no feed may bring. The reader's own controls (its search form and field, the any/all
/// radios, the "Hide read" box, the copy-link field) are the only forms and inputs allowed, and its own players (with
/// controls, fetching nothing before they are pressed, never playing by themselves) the only
/// audio and video.
const FORBIDDEN_ELEMENTS: &str =
    "script, iframe, frame, frameset, object, embed, svg, math, select, textarea, base, \
    meta, link, style, template, noscript, details:not(.ar-settings), marquee, [autoplay], \
    video:not(.ar-body__media[controls][preload=none]), audio:not(.ar-body__media[controls][preload=none]), \
    source:not(.ar-body__media > source), \
    form:not(.ar-search), \
    input:not(.ar-search__input, .ar-mode__option input, .ar-reading__hide input, .ar-action__link, .ar-settings__choice > input)";

const ALLOWED_ATTRIBUTES: &[&str] = &[
    "class",
    "part",
    "lang",
    "dir",
    "data-article",
    "data-label",
    // A tag toggle's place in the tag bar (a number the reader writes), read by the bar's one
    // click listener.
    "data-slot",
    // Which of reading aloud's controls a button is (a digit the reader writes), read by the
    // controls' one click listener.
    "data-press",
    "name",
    "value",
    "placeholder",
    "autocomplete",
    "spellcheck",
    "for",
    "checked",
    "disabled",
    "id",
    "href",
    "src",
    "alt",
    "title",
    "rel",
    "target",
    "loading",
    "decoding",
    "referrerpolicy",
    // An image's candidates and size, and a player's, as the reader writes them.
    "srcset",
    "sizes",
    "width",
    "height",
    "controls",
    "preload",
    "playsinline",
    "poster",
    "role",
    "tabindex",
    "type",
    "datetime",
    "aria-posinset",
    "aria-setsize",
    "aria-labelledby",
    "aria-describedby",
    "aria-label",
    "aria-live",
    "aria-pressed",
    "aria-hidden",
    "aria-busy",
    "aria-current",
];

fn hostile_feed() -> String {
    let mut items = Vec::new();
    for (n, payload) in MARKUP.iter().enumerate() {
        items.push(json!({
            "id": format!("m{n}"),
            "title": payload,
            "summary": payload,
            "content_html": format!("<p>Before {n}.</p>{payload}<p>After.</p>"),
            "tags": [payload, format!("tag {n}")],
            "authors": [{ "name": payload, "url": "javascript:__xss()" }],
            "_article_reader": { "highlights": [payload], "image_caption": payload, "image_credit": payload },
        }));
    }
    for (n, url) in URLS.iter().enumerate() {
        for field in ["url", "external_url", "image"] {
            items.push(json!({ "id": format!("u{n}-{field}"), "content_text": "x", field: url }));
        }
    }
    items.push(json!({ "id": "plain text", "content_text": "<img src=x onerror=__xss()>\n\n<script>__xss()</script>" }));
    json!({ "version": "https://jsonfeed.org/version/1.1", "title": "<img src=x onerror=__xss()>", "items": items })
        .to_string()
}

/// Installs `window.__xss`, counting its calls.
fn install_trap() -> (Rc<Cell<u32>>, Closure<dyn FnMut()>) {
    let calls = Rc::new(Cell::new(0));
    let counter = calls.clone();
    let trap = Closure::<dyn FnMut()>::new(move || counter.set(counter.get() + 1));
    js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str("__xss"), trap.as_ref()).unwrap();
    (calls, trap)
}

/// Everything in `reader` that a sanitised DOM must not have, as readable findings.
fn violations(reader: &Mounted) -> Vec<String> {
    let mut found: Vec<String> =
        reader.all(FORBIDDEN_ELEMENTS).iter().map(|e| format!("element <{}>", e.tag_name())).collect();
    let mut elements: Vec<Element> = reader.all("*");
    elements.push(reader.root.clone());
    for element in elements {
        let names = element.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            let value = element.get_attribute(&name).unwrap_or_default();
            if !ALLOWED_ATTRIBUTES.contains(&name.as_str()) {
                found.push(format!("attribute {name}={value:?} on <{}>", element.tag_name()));
            }
            if name == "id" && !value.starts_with("ar") {
                found.push(format!("feed-controlled id {value:?}"));
            }
            let squashed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_lowercase();
            if matches!(name.as_str(), "href" | "src" | "poster" | "srcset")
                && squashed
                    .split(',')
                    .any(|url| ["javascript:", "data:", "vbscript:"].iter().any(|s| url.starts_with(s)))
            {
                found.push(format!("{name}={value:?}"));
            }
        }
    }
    found
}

/// Loads every image the reader shows now (a lazy one would wait to be scrolled to) and waits
/// until each has loaded or failed, then for a rendered frame: by then each image's `load` or
/// `error` event has been dispatched, and any autofocus or focus the markup asked for has
/// happened, so a handler that would run has run.
async fn images_settled(reader: &Mounted, what: &str) {
    for image in reader.all("img") {
        let _ = js_sys::Reflect::set(&image, &JsValue::from_str("loading"), &JsValue::from_str("eager"));
    }
    let complete = |image: &Element| {
        js_sys::Reflect::get(image, &JsValue::from_str("complete")).is_ok_and(|c| c.as_bool() == Some(true))
    };
    reader
        .until(&format!("every image of {what} has loaded or failed"), |r| r.all("img").iter().all(complete))
        .await;
    settled().await;
}

#[wasm_bindgen_test]
async fn no_payload_runs_or_survives_in_the_dom() {
    assert!(MARKUP.len() >= 60, "at least 60 markup payloads");
    let (calls, _trap) = install_trap();
    let json = hostile_feed();
    // Every card on one page, so the check sees every payload in the feed view.
    let options = ReaderOptions {
        src: Ok(FeedLocation::Url(blob_url(&json))),
        routing: Routing::Hash,
        page_size: 1000,
        ..ReaderOptions::default()
    };
    let reader = Mounted::with_options("#/", options).await;
    reader.until("the hostile feed renders", |r| r.one("[role=feed]").is_some()).await;

    // Every item shows; every URL (the payloads', and each markup item's author's) is left out,
    // and the notice says so.
    assert_eq!(reader.headlines().len(), MARKUP.len() + 1 + URLS.len() * 3);
    let left_out = MARKUP.len() + URLS.len() * 3;
    assert_eq!(
        reader.texts(".ar-notice__summary"),
        [format!("{left_out} fields of this feed were left out; their articles show without them:")]
    );
    // Text fields are text: the markup shows as written, in the headline and the summary of
    // every card (the cards are markup the reader writes, with the feed's text escaped).
    let (headlines, summaries) = (reader.headlines(), reader.texts(".ar-card__summary"));
    for payload in MARKUP.iter().filter(|p| !p.chars().any(char::is_control)) {
        let shown = payload.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(headlines.contains(&shown), "the headline {shown:?}");
        assert!(summaries.contains(&shown), "the summary {shown:?}");
    }
    assert_eq!(reader.texts(".ar-masthead__title"), ["<img src=x onerror=__xss()>"]);

    images_settled(&reader, "the feed").await;
    assert_eq!(violations(&reader), Vec::<String>::new(), "in the feed");
    let mut ids: Vec<String> = (0..MARKUP.len()).map(|n| format!("m{n}")).collect();
    for n in 0..URLS.len() {
        ids.extend(["url", "external_url", "image"].map(|field| format!("u{n}-{field}")));
    }
    ids.push("plain text".to_owned());
    for id in &ids {
        set_hash(&format!("#/article/{}", id.replace(' ', "%20"))).await;
        reader.until(&format!("article {id} opens"), |r| r.one("h1.ar-article__title").is_some()).await;
        assert_eq!(violations(&reader), Vec::<String>::new(), "in article {id}");
    }
    images_settled(&reader, "the last article").await;
    assert_eq!(calls.get(), 0, "the trap was called");
    let plain = reader.texts(".ar-body p");
    assert_eq!(plain, ["<img src=x onerror=__xss()>", "<script>__xss()</script>"], "content_text is text");
}
