//! Plain-form endpoints for people: personal-code login, coordinators registering participants and
//! renewing their codes, admins granting and revoking roles. Same contract as `forms`: 303 on
//! success, the page again with 4xx and what was typed on bad input.

use app::server_fns::ctx::log_in;
use app::server_fns::people::CodeLoginForm;
use axum::Extension;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::auth::limits::ClientIp;
use bimtek::domain::ParticipantForm;
use bimtek::domain::directory::{GrantForm, IssuedCode};
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{
    caller, login_redirect, page_uri as page, render_failed, render_page, service_error_page,
};

pub async fn login_with_code(
    State(st): State<AppState>,
    session: Session,
    client: Option<Extension<ClientIp>>,
    headers: HeaderMap,
    Form(form): Form<CodeLoginForm>,
) -> Response {
    let ip = client.map(|Extension(ClientIp(ip))| ip);
    match services::participants::log_in_with_code(&st.services, ip, &form.code).await {
        Ok(actor) => match log_in(&session, &actor).await {
            Ok(()) => Redirect::to(bimtek::domain::home_path(&actor.roles())).into_response(),
            Err(_) => service_error_page(&headers, ServiceError::Internal("session".into())),
        },
        Err(e) => {
            let uri = Uri::from_static("/masuk");
            render_failed(&st, uri, headers, session, form, e).await
        }
    }
}

/// Shows a freshly issued code on its card. Never cached: the code exists nowhere else.
async fn card(st: &AppState, headers: HeaderMap, session: Session, issued: IssuedCode) -> Response {
    let uri = Uri::from_static("/koordinator/kartu");
    let mut res = render_page(st, uri, headers, session, issued, StatusCode::OK).await;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

pub async fn register_participant(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<ParticipantForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::participants::register_participant(&st.services, actor.as_ref(), &form, now)
        .await
    {
        Ok(issued) => card(&st, headers, session, issued).await,
        Err(ServiceError::Unauthenticated) => login_redirect("/koordinator"),
        Err(e) => {
            let uri = Uri::from_static("/koordinator");
            render_failed(&st, uri, headers, session, form, e).await
        }
    }
}

pub async fn reissue_code(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::participants::reissue_code(&st.services, actor.as_ref(), id, now).await {
        Ok(issued) => card(&st, headers, session, issued).await,
        Err(ServiceError::Unauthenticated) => login_redirect("/koordinator"),
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn grant_role(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<GrantForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let here = format!("/admin/orang/{id}");
    match services::people::grant(&st.services, actor.as_ref(), id, &form, chrono::Utc::now()).await
    {
        Ok(()) => Redirect::to(&format!("{here}?diubah=1")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&here),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(&st, page(here), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn revoke_role(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path((id, grant)): Path<(i64, i64)>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let here = format!("/admin/orang/{id}");
    match services::people::revoke(&st.services, actor.as_ref(), id, grant).await {
        Ok(()) => Redirect::to(&format!("{here}?diubah=1")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&here),
        Err(e @ ServiceError::Invalid(_)) => {
            let form = GrantForm::default();
            render_failed(&st, page(here), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}
