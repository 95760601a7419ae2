//! Bimtek's UI: Leptos 0.8 pages rendered on the server and hydrated in the browser.
//!
//! Islands mode: pages are server-rendered HTML; only `#[island]` components (the forms and
//! buttons) ship as wasm and hydrate. Every form is a real `<form method="post">` to a path the
//! server handles without JavaScript; once its island has hydrated, the same form is submitted
//! through its server function instead (see `components::form::EnhancedForm`).

pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod security;
pub mod server_fns;

/// The wasm entry point: hydrates each island in the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
