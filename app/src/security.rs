//! Content-Security-Policy: pages allow exactly their own inline scripts, by a per-response nonce,
//! and the compilation of our WebAssembly; everything else falls back to `'self'`.

/// CSP for responses that run no script of ours (errors, JSON, files).
pub const DEFAULT_CSP: &str = "default-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

/// CSP for a rendered page whose inline scripts carry `nonce`.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Sets the CSP matching this page's nonce (leptos_axum provides a fresh one per render and adds
/// it to every inline script it writes).
#[cfg(feature = "ssr")]
pub fn page_security_headers() {
    use leptos::prelude::use_context;
    if leptos::nonce::use_nonce().is_none() {
        leptos::nonce::provide_nonce();
    }
    let (Some(nonce), Some(res)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(v) = axum::http::HeaderValue::from_str(&page_csp(&nonce.to_string())) {
        res.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, v);
    }
}
