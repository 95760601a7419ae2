//! Plain-form endpoints for people: personal-code login, coordinators registering participants and
//! renewing their codes, admins granting and revoking roles. Same contract as `forms`: 303 on
//! success, the page again with 4xx and what was typed on bad input.

use app::error::AppError;
use app::server_fns::ctx::{actor_of, log_in};
use app::server_fns::people::CodeLoginForm;
use axum::Extension;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::auth::Actor;
use bimtek::auth::limits::ClientIp;
use bimtek::domain::ParticipantForm;
use bimtek::domain::directory::{GrantForm, IssuedCode};
use bimtek::i18n::Msg;
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{error_page, log, login_redirect, render_failed, render_page, status_of};

/// The caller, or the error page a broken session store deserves.
async fn caller(
    st: &AppState,
    session: &Session,
    headers: &HeaderMap,
) -> Result<Option<Actor>, Response> {
    actor_of(&st.services, session).await.map_err(|_| {
        let lang = app::i18n::from_headers(headers);
        error_page(
            lang,
            StatusCode::INTERNAL_SERVER_ERROR,
            lang.t(Msg::ErrInternal),
        )
    })
}

fn page(path: String) -> Uri {
    path.parse().unwrap_or_else(|_| Uri::from_static("/"))
}

fn plain_error(headers: &HeaderMap, e: ServiceError) -> Response {
    log(&e);
    let lang = app::i18n::from_headers(headers);
    error_page(lang, status_of(&e), &AppError::from(e).message(lang))
}

pub async fn login_with_code(
    State(st): State<AppState>,
    session: Session,
    client: Option<Extension<ClientIp>>,
    headers: HeaderMap,
    Form(form): Form<CodeLoginForm>,
) -> Response {
    let ip = client.map(|Extension(ClientIp(ip))| ip);
    match services::people::log_in_with_code(&st.services, ip, &form.code).await {
        Ok(actor) => match log_in(&session, &actor).await {
            Ok(()) => Redirect::to(bimtek::domain::home_path(&actor.roles())).into_response(),
            Err(_) => plain_error(&headers, ServiceError::Internal("session".into())),
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
    match services::people::register_participant(&st.services, actor.as_ref(), &form, now).await {
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
    match services::people::reissue_code(&st.services, actor.as_ref(), id, now).await {
        Ok(issued) => card(&st, headers, session, issued).await,
        Err(ServiceError::Unauthenticated) => login_redirect("/koordinator"),
        Err(e) => plain_error(&headers, e),
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
        Err(e) => plain_error(&headers, e),
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
        Err(e) => plain_error(&headers, e),
    }
}
