//! Browser-facing defences.
//!
//! CSRF: a state-changing request must come from our own pages. Browsers send `Origin` on every
//! POST; when it names another site the request is refused before any handler runs. The login
//! cookie is also `SameSite=Lax`, so other sites' forms do not carry it.
//!
//! Headers: every response gets `nosniff`, a same-origin referrer policy and a strict default CSP;
//! pages replace the CSP with one that allows exactly their own inline scripts by nonce
//! (`app::security`, set while rendering), plus the wasm.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Decides the client's address once per request (see `bimtek::auth::limits::client_ip`) and
/// leaves it on the request for the rate limits.
pub async fn client_address(
    axum::extract::State(trusted): axum::extract::State<std::sync::Arc<Vec<std::net::IpAddr>>>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    use bimtek::auth::limits::{ClientIp, client_ip};
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(peer) = peer {
        let xff = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let ip = client_ip(peer, xff, &trusted);
        req.extensions_mut().insert(ClientIp(ip));
    }
    next.run(req).await
}

/// Adds the security headers a handler did not set itself.
pub async fn headers(req: Request<Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let defaults: [(HeaderName, &str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CONTENT_SECURITY_POLICY, app::security::DEFAULT_CSP),
    ];
    for (name, value) in defaults {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    }
    res
}

pub async fn same_origin_writes(req: Request<Body>, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(req.headers()) {
        next.run(req).await
    } else {
        (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
    }
}

/// Same origin if `Origin` (or, lacking it, `Sec-Fetch-Site`) says so. Requests with neither, such
/// as curl or the server's own tests, are not from a browser and carry no ambient cookie risk.
pub fn is_same_origin(h: &HeaderMap) -> bool {
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some("null") => false,
        Some(origin) => {
            let origin_host = origin.split("://").nth(1).unwrap_or("");
            host.is_some_and(|h| h.eq_ignore_ascii_case(origin_host))
        }
        None => !matches!(
            h.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
            Some("cross-site")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn origin_must_match_host() {
        assert!(is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://evil.example")
        ])));
        assert!(!is_same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "null")
        ])));
        assert!(!is_same_origin(&headers(&[
            ("host", "a"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(is_same_origin(&headers(&[("host", "a")])));
    }
}
