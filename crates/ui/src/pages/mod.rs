//! The pages the router chooses between, one per route.

pub mod article_page;
pub mod article_parts;
pub mod feed_page;
pub mod following_page;
pub mod not_found;
