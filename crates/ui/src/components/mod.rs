//! Reusable pieces of the pages, one per file: a component where it has state of its own, a
//! plain function taking the `ReaderContext` elsewhere.

pub mod article_body;
pub mod attachments;
pub mod dates;
pub mod error_view;
pub mod feed_item;
pub mod help_overlay;
pub mod loading_view;
pub mod masthead;
pub mod problems_notice;
pub mod reading_settings;
pub mod search_box;
pub mod show_more;
pub mod tag_filter;
pub mod tag_list;
pub mod unread_controls;
