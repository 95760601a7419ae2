//! The reader's language for this page: from the `lang` cookie on the server, from `<html lang>`
//! in the browser (which the server wrote), so both render the same words.

use bimtek::i18n::Lang;
use leptos::prelude::*;

pub const COOKIE: &str = "lang";

/// Provides the page language as context and returns it.
pub fn provide_lang() -> Lang {
    let lang = detect();
    provide_context(lang);
    lang
}

pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn detect() -> Lang {
    use_context::<axum::http::request::Parts>()
        .map(|p| from_headers(&p.headers))
        .unwrap_or_default()
}

/// The `lang` cookie if set, else Indonesian (the product speaks Indonesian first, whatever the
/// browser's language).
#[cfg(feature = "ssr")]
pub fn from_headers(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| Lang::parse(v))
        .unwrap_or_default()
}

#[cfg(all(not(feature = "ssr"), feature = "hydrate"))]
fn detect() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| Lang::parse(&l))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn detect() -> Lang {
    Lang::default()
}
