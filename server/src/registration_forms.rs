//! Registering, cancelling, joining, exporting the roster and inviting from a CSV. Plain forms and
//! links, answered here: 303 on success, the page again with 4xx and what was typed on bad input.

use app::server_fns::Submitted;
use app::server_fns::registrations::{InviteForm, RegisterForm};
use axum::Form;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::domain::{JoinOutcome, SessionId};
use bimtek::i18n::Msg;
use bimtek::services::{self, ServiceError};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{
    ShortPage, caller, error_page, login_redirect, page_uri as page, render_failed,
    render_page_with, service_error_page, short_page,
};

pub async fn register(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::registrations::register(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        &form.seat,
        now,
    )
    .await
    {
        Ok(_) => Redirect::to(&format!("/sesi/{id}?daftar=ok#pendaftaran")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}")),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(&st, page(format!("/sesi/{id}")), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn cancel(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::registrations::cancel(&st.services, actor.as_ref(), SessionId(id), now).await {
        Ok(_) => Redirect::to(&format!("/sesi/{id}?batal=ok#pendaftaran")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}")),
        Err(e) => service_error_page(&headers, e),
    }
}

/// Where a join leads: the meeting (303 to any provider), or a page saying when it opens.
fn join_answer(headers: &HeaderMap, outcome: JoinOutcome) -> Response {
    let lang = app::i18n::from_headers(headers);
    match outcome {
        JoinOutcome::Go(url) => {
            let mut res = Redirect::to(&url).into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        JoinOutcome::TooEarly {
            session,
            opens_at,
            zone,
        } => {
            let msg = lang
                .t(Msg::JoinTooEarly)
                .replace("{when}", &zone.format_long(opens_at, lang));
            short_page(
                lang,
                StatusCode::OK,
                ShortPage {
                    heading: Some(lang.t(Msg::JoinTooEarlyTitle)),
                    message: &msg,
                    error: false,
                    back: (&format!("/sesi/{}", session.0), lang.t(Msg::MailDetails)),
                },
            )
        }
    }
}

/// A join link or button that no longer works (ended, cancelled, replaced).
fn join_gone(headers: &HeaderMap) -> Response {
    let lang = app::i18n::from_headers(headers);
    error_page(lang, StatusCode::GONE, lang.t(Msg::JoinGone))
}

/// `/j/<token>`: the personal join link from the confirmation email. No login needed.
pub async fn join_link(
    State(st): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let now = chrono::Utc::now();
    match services::registrations::join_by_token(&st.services, &token, now).await {
        Ok(o) => join_answer(&headers, o),
        Err(ServiceError::Gone) => join_gone(&headers),
        Err(e) => service_error_page(&headers, e),
    }
}

/// `/sesi/<id>/gabung`: the join button of a logged-in registrant.
pub async fn join_button(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::registrations::join_as(&st.services, actor.as_ref(), SessionId(id), now).await {
        Ok(o) => join_answer(&headers, o),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}")),
        Err(ServiceError::Gone) => join_gone(&headers),
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn export_csv(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    export(st, session, id, "csv", headers).await
}

pub async fn export_xlsx(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    export(st, session, id, "xlsx", headers).await
}

/// `/sesi/<id>/peserta.csv` and `.xlsx`: the roster, for those who may see it.
async fn export(
    st: AppState,
    session: Session,
    id: i64,
    ext: &str,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let roster =
        match services::registrations::roster(&st.services, actor.as_ref(), SessionId(id)).await {
            Ok(r) => r,
            Err(ServiceError::Unauthenticated) => {
                return login_redirect(&format!("/sesi/{id}/peserta"));
            }
            Err(e) => return service_error_page(&headers, e),
        };
    let lang = app::i18n::from_headers(&headers);
    let (bytes, mime) = match ext {
        "csv" => (
            crate::export::roster_csv(&roster, lang).map_err(|e| e.to_string()),
            "text/csv; charset=utf-8",
        ),
        "xlsx" => (
            crate::export::roster_xlsx(&roster, lang).map_err(|e| e.to_string()),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return service_error_page(&headers, ServiceError::NotFound),
    };
    match bytes {
        Ok(b) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"peserta-sesi-{id}.{ext}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            b,
        )
            .into_response(),
        Err(e) => service_error_page(&headers, ServiceError::Internal(e)),
    }
}

/// The invitation form's fields: the step, pasted text, and an optional file (which wins).
async fn read_invite(mut mp: Multipart) -> Result<(String, String), ServiceError> {
    let (mut step, mut text, mut file) = (String::new(), String::new(), String::new());
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(|_| ServiceError::BadRequest("multipart"))?
    {
        let name = field.name().unwrap_or("").to_owned();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| ServiceError::BadRequest("multipart"))?;
        let value = String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "langkah" => step = value,
            "csv" => text = value,
            "file" => file = value,
            _ => {}
        }
    }
    let csv = if file.trim().is_empty() { text } else { file };
    Ok((step, csv))
}

/// `POST /sesi/<id>/undang`: step `periksa` shows the preview, step `kirim` invites.
pub async fn invite(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Some(actor) = actor else {
        return login_redirect(&format!("/sesi/{id}/undang"));
    };
    // Who may invite is decided before the upload is read.
    if let Err(e) = services::invitations::may_invite(&st.services, &actor, SessionId(id)).await {
        return service_error_page(&headers, e);
    }
    let mp = match Multipart::from_request(req, &()).await {
        Ok(mp) => mp,
        Err(_) => return service_error_page(&headers, ServiceError::BadRequest("multipart")),
    };
    let (step, csv) = match read_invite(mp).await {
        Ok(v) => v,
        Err(e) => return service_error_page(&headers, e),
    };
    let uri = page(format!("/sesi/{id}/undang"));
    let form = InviteForm { csv: csv.clone() };
    let svc = &st.services;
    match step.as_str() {
        "periksa" => {
            match services::invitations::preview(svc, Some(&actor), SessionId(id), &csv).await {
                Ok(p) => {
                    let sub = Submitted {
                        form,
                        errors: Default::default(),
                        error: None,
                    };
                    render_page_with(
                        &st,
                        uri,
                        headers,
                        session,
                        move || {
                            provide_context(sub.clone());
                            provide_context(p.clone());
                        },
                        StatusCode::OK,
                    )
                    .await
                }
                Err(e @ ServiceError::Invalid(_)) => {
                    render_failed(&st, uri, headers, session, form, e).await
                }
                Err(e) => service_error_page(&headers, e),
            }
        }
        "kirim" => {
            let now = chrono::Utc::now();
            match services::invitations::confirm(svc, Some(&actor), SessionId(id), &csv, now).await
            {
                Ok(r) => Redirect::to(&format!(
                    "/sesi/{id}/peserta?diundang={}&baru={}&sudah={}&lewat={}",
                    r.invited, r.created, r.already, r.skipped
                ))
                .into_response(),
                Err(e @ ServiceError::Invalid(_)) => {
                    render_failed(&st, uri, headers, session, form, e).await
                }
                Err(e) => service_error_page(&headers, e),
            }
        }
        _ => service_error_page(&headers, ServiceError::BadRequest("step")),
    }
}
