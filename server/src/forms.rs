//! Plain-form endpoints: what a form does when JavaScript is off or not loaded yet. They call the
//! same services as the server functions; on success they redirect (303), on bad input they answer
//! with the same page rendered again, status 4xx, every typed value kept and one message per field.

use app::app::shell;
use app::error::AppError;
use app::server_fns::Submitted;
use app::server_fns::auth::{LoginForm, LoginLinkForm, NewPasswordForm, UseLoginLinkForm};
use app::server_fns::ctx::{actor_of, log_in};
use app::server_fns::sessions::TestInvitationForm;
use axum::Extension;
use axum::Form;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, Request, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use bimtek::auth::Actor;
use bimtek::auth::limits::ClientIp;
use bimtek::domain::{SessionForm, SessionId};
use bimtek::i18n::{Lang, Msg};
use bimtek::services::{self, ServiceError, sessions::TestInvitation};
use bimtek::text::escape_html as esc;
use leptos::prelude::provide_context;
use tower_sessions::Session;

use crate::AppState;

pub(crate) fn status_of(e: &ServiceError) -> StatusCode {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

pub(crate) fn log(e: &ServiceError) {
    if e.status() >= 500 {
        tracing::error!(error = %e, "form request failed");
    }
}

/// Renders the page at `uri` with `value` in the Leptos context (the page reads it to fill the
/// form back in) and answers with `status`.
pub(crate) async fn render_page<T: Clone + Send + Sync + 'static>(
    st: &AppState,
    uri: Uri,
    headers: HeaderMap,
    session: Session,
    value: T,
    status: StatusCode,
) -> Response {
    render_page_with(
        st,
        uri,
        headers,
        session,
        move || provide_context(value.clone()),
        status,
    )
    .await
}

/// Like `render_page`, with any values the page reads put in the context by `provide`.
pub(crate) async fn render_page_with(
    st: &AppState,
    uri: Uri,
    headers: HeaderMap,
    session: Session,
    provide: impl Fn() + Clone + Send + Sync + 'static,
    status: StatusCode,
) -> Response {
    let svc = st.services.clone();
    let options = st.leptos.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(svc.clone());
            provide();
        },
        move || shell(options.clone()),
    );
    let mut req = Request::new(Body::empty());
    *req.method_mut() = Method::GET;
    *req.uri_mut() = uri;
    *req.headers_mut() = headers;
    req.extensions_mut().insert(session);
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}

/// Answers a failed plain form with its page rendered again: what was typed, one message per
/// field, and the error's status (4xx for anything the caller can fix).
pub(crate) async fn render_failed<T: Clone + Send + Sync + 'static>(
    st: &AppState,
    page: Uri,
    headers: HeaderMap,
    session: Session,
    form: T,
    e: ServiceError,
) -> Response {
    log(&e);
    let status = status_of(&e);
    let sub = Submitted {
        form,
        errors: match &e {
            ServiceError::Invalid(f) => f.clone(),
            _ => Default::default(),
        },
        error: Some(AppError::from(e)),
    };
    render_page(st, page, headers, session, sub, status).await
}

/// A page path as a `Uri` (paths built from numeric ids always parse).
pub(crate) fn page_uri(path: String) -> Uri {
    path.parse().unwrap_or_else(|_| Uri::from_static("/"))
}

/// What a short page says: an optional heading, one message, and a link onwards.
pub(crate) struct ShortPage<'a> {
    pub heading: Option<&'a str>,
    pub message: &'a str,
    /// `true`: an error (`role="alert"`); `false`: information (`role="status"`).
    pub error: bool,
    pub back: (&'a str, &'a str),
}

/// A page of its own for answers that have none in the app (errors of plain forms, the join
/// link opened too early): plain HTML with the app's stylesheet.
pub(crate) fn short_page(lang: Lang, status: StatusCode, p: ShortPage<'_>) -> Response {
    let (class, role) = if p.error {
        ("alert-error", "alert")
    } else {
        ("alert-info", "status")
    };
    let body = format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" \
         href=\"/pkg/bimtek.css\"></head><body><main id=\"main\">{heading}<div class=\"alert {class}\" \
         role=\"{role}\">{message}</div><p><a href=\"{href}\">{label}</a></p></main></body></html>",
        code = lang.code(),
        title = esc(p.heading.unwrap_or(p.message)),
        heading = p
            .heading
            .map(|h| format!("<h1>{}</h1>", esc(h)))
            .unwrap_or_default(),
        message = esc(p.message),
        href = esc(p.back.0),
        label = esc(p.back.1),
    );
    (status, Html(body)).into_response()
}

/// A short page for errors of forms that have no page of their own.
pub(crate) fn error_page(lang: Lang, status: StatusCode, message: &str) -> Response {
    short_page(
        lang,
        status,
        ShortPage {
            heading: None,
            message,
            error: true,
            back: ("/sesi", lang.t(Msg::NavSessions)),
        },
    )
}

/// The error page for a service error of a form that has no page of its own.
pub(crate) fn service_error_page(headers: &HeaderMap, e: ServiceError) -> Response {
    log(&e);
    let lang = app::i18n::from_headers(headers);
    error_page(lang, status_of(&e), &AppError::from(e).message(lang))
}

/// The caller, or the error page a broken login-session store deserves.
pub(crate) async fn caller(
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

pub(crate) fn login_redirect(next: &str) -> Response {
    Redirect::to(&format!(
        "/masuk?next={}",
        app::components::layout::urlencode(next)
    ))
    .into_response()
}

pub async fn login(
    State(st): State<AppState>,
    session: Session,
    client: Option<Extension<ClientIp>>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let svc = &st.services;
    let result = services::auth::login_with_password(
        svc,
        client.map(|Extension(ClientIp(ip))| ip),
        &form.email,
        &form.password,
    )
    .await;
    match result {
        Ok(actor) => match log_in(&session, &actor).await {
            Ok(()) => Redirect::to(&form.safe_next(&actor.roles())).into_response(),
            Err(_) => {
                let lang = app::i18n::from_headers(&headers);
                error_page(
                    lang,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    lang.t(Msg::ErrInternal),
                )
            }
        },
        Err(e) => render_failed(&st, uri, headers, session, form.without_password(), e).await,
    }
}

pub async fn logout(State(st): State<AppState>, session: Session) -> Response {
    if let Ok(Some(actor)) = actor_of(&st.services, &session).await {
        let _ = services::auth::logged_out(&st.services, &actor).await;
    }
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "could not end login session");
    }
    Redirect::to("/sesi").into_response()
}

pub async fn create_session(
    State(st): State<AppState>,
    session: Session,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<SessionForm>,
) -> Response {
    let svc = &st.services;
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    match services::sessions::create(svc, actor.as_ref(), &form, chrono::Utc::now()).await {
        Ok(SessionId(id)) => Redirect::to(&format!("/sesi?dibuat={id}#sesi-{id}")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect("/sesi/baru"),
        Err(e) => render_failed(&st, uri, headers, session, form, e).await,
    }
}

pub async fn test_invitation(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<TestInvitationForm>,
) -> Response {
    let svc = &st.services;
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let result =
        services::sessions::send_test_invitation(svc, actor.as_ref(), SessionId(id), &form.key)
            .await;
    match result {
        Ok(outcome) => {
            let flag = if outcome == TestInvitation::Queued {
                "terkirim"
            } else {
                "sudah"
            };
            Redirect::to(&format!("/sesi?undangan={flag}#sesi-{id}")).into_response()
        }
        Err(ServiceError::Unauthenticated) => login_redirect("/sesi"),
        Err(e) => service_error_page(&headers, e),
    }
}

/// Emails a one-time link of `kind`; on success goes to `done`, on bad input renders `page`.
#[allow(clippy::too_many_arguments)]
async fn request_link(
    st: &AppState,
    session: Session,
    client: Option<Extension<ClientIp>>,
    headers: HeaderMap,
    form: LoginLinkForm,
    kind: &services::email_links::LinkKind,
    done: &str,
    page: &'static str,
) -> Response {
    let ip = client.map(|Extension(ClientIp(ip))| ip);
    let now = chrono::Utc::now();
    match services::email_links::request(&st.services, kind, ip, &form.email, now).await {
        Ok(()) => Redirect::to(done).into_response(),
        Err(e) => render_failed(st, Uri::from_static(page), headers, session, form, e).await,
    }
}

pub async fn request_login_link(
    State(st): State<AppState>,
    session: Session,
    client: Option<Extension<ClientIp>>,
    headers: HeaderMap,
    Form(form): Form<LoginLinkForm>,
) -> Response {
    // The form lives on the login page.
    let kind = &services::email_links::LOGIN;
    request_link(
        &st,
        session,
        client,
        headers,
        form,
        kind,
        "/masuk?tautan=terkirim",
        "/masuk",
    )
    .await
}

pub async fn use_login_link(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<UseLoginLinkForm>,
) -> Response {
    let lang = app::i18n::from_headers(&headers);
    match services::email_links::log_in_with(&st.services, &form.token, chrono::Utc::now()).await {
        Ok(actor) => match log_in(&session, &actor).await {
            Ok(()) => Redirect::to(bimtek::domain::home_path(&actor.roles())).into_response(),
            Err(_) => error_page(
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                lang.t(Msg::ErrInternal),
            ),
        },
        Err(e) => {
            log(&e);
            let status = status_of(&e);
            error_page(lang, status, &AppError::from(e).message(lang))
        }
    }
}

pub async fn request_password_reset(
    State(st): State<AppState>,
    session: Session,
    client: Option<Extension<ClientIp>>,
    headers: HeaderMap,
    Form(form): Form<LoginLinkForm>,
) -> Response {
    let kind = &services::email_links::PASSWORD_RESET;
    let done = "/masuk/lupa?terkirim=1";
    request_link(
        &st,
        session,
        client,
        headers,
        form,
        kind,
        done,
        "/masuk/lupa",
    )
    .await
}

pub async fn reset_password(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let lang = app::i18n::from_headers(&headers);
    let now = chrono::Utc::now();
    let result = services::email_links::reset_password(
        &st.services,
        &form.token,
        &form.password,
        &form.password_confirm,
        now,
    )
    .await;
    match result {
        Ok(actor) => match log_in(&session, &actor).await {
            Ok(()) => Redirect::to(bimtek::domain::home_path(&actor.roles())).into_response(),
            Err(_) => error_page(
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                lang.t(Msg::ErrInternal),
            ),
        },
        Err(ServiceError::Invalid(errors)) => {
            // Only a well-formed token reaches here (others are Gone), so the path parses.
            let Ok(page) = format!("/masuk/sandi-baru/{}", form.token).parse::<Uri>() else {
                return error_page(lang, StatusCode::BAD_REQUEST, lang.t(Msg::ErrBadRequest));
            };
            let sub = Submitted {
                form: NewPasswordForm {
                    token: form.token,
                    ..Default::default()
                },
                error: Some(AppError::Invalid(errors.clone())),
                errors,
            };
            render_page(
                &st,
                page,
                headers,
                session,
                sub,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => {
            log(&e);
            error_page(lang, status_of(&e), &AppError::from(e).message(lang))
        }
    }
}
