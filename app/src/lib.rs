//! Bimtek's UI: Leptos 0.8 pages rendered on the server and hydrated in the browser.
//!
//! Every form is a real `<form method="post">` to a path the server handles without JavaScript;
//! once hydrated, the same form is submitted through its server function instead (see
//! `components::form::EnhancedForm`).

pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod server_fns;

/// The wasm entry point: attaches to the server-rendered `<body>`.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
