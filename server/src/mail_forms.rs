//! Email preferences (from the signed link, including RFC 8058 one-click unsubscribe) and
//! resending a session's failed mail.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::domain::SessionId;
use bimtek::services::{self, ServiceError};
use serde::Deserialize;
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{caller, login_redirect, service_error_page};

#[derive(Debug, Default, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    p: Option<String>,
    #[serde(default)]
    t: Option<String>,
}

/// POST `/email/preferensi`. Two callers: the page's form (`p`, `t`, ticked boxes), and a mail
/// client's one-click unsubscribe, which posts `List-Unsubscribe=One-Click` to the link in the
/// header (`p` and `t` in the query): that turns reminders off and answers 200.
pub async fn save_preferences(
    State(st): State<AppState>,
    Query(q): Query<LinkQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fields: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let one_click = get("List-Unsubscribe") == Some("One-Click");
    let p = get("p")
        .map(str::to_owned)
        .or(q.p)
        .and_then(|s| s.parse::<i64>().ok());
    let t = get("t").map(str::to_owned).or(q.t).unwrap_or_default();
    let Some(p) = p else {
        return service_error_page(&headers, ServiceError::NotFound);
    };
    let (reminders, invitations) = if one_click {
        (false, None)
    } else {
        (
            get("reminders") == Some("1"),
            Some(get("invitations") == Some("1")),
        )
    };
    match services::mail_admin::save_preferences(&st.services, p, &t, reminders, invitations).await
    {
        Ok(()) if one_click => (StatusCode::OK, "unsubscribed from reminders\n").into_response(),
        Ok(()) => Redirect::to(&format!(
            "/email/preferensi?p={p}&t={}&ok=1",
            app::components::layout::urlencode(&t)
        ))
        .into_response(),
        Err(e) => service_error_page(&headers, e),
    }
}

/// POST `/sesi/{id}/email/ulang`: failed messages back into the queue.
pub async fn retry_failed(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    match services::mail_admin::retry_failed(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        chrono::Utc::now(),
    )
    .await
    {
        Ok(n) => Redirect::to(&format!("/sesi/{id}/email?ulang={n}")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}/email")),
        Err(e) => service_error_page(&headers, e),
    }
}
