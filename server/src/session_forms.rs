//! The organiser's plain forms for sessions and programmes: edit, cancel, mentors, programmes;
//! and the calendar file. 303 on success; on bad input the page again with 4xx and what was typed.

use app::server_fns::sessions::{CancelSessionForm, MentorForm};
use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::domain::programme::ProgrammeForm;
use bimtek::domain::{EditScope, ProgrammeId, SessionForm, SessionId};
use bimtek::i18n::Msg;
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{
    caller, error_page, login_redirect, page_uri as page, render_failed, service_error_page,
};

pub async fn update_session(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<SessionForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    match services::session_admin::update(&st.services, actor.as_ref(), SessionId(id), &form, now)
        .await
    {
        Ok(_) => Redirect::to(&format!("/sesi/{id}?diubah=1")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}/ubah")),
        Err(e @ ServiceError::Invalid(_)) => {
            let uri = page(format!("/sesi/{id}/ubah"));
            render_failed(&st, uri, headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn cancel_session(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<CancelSessionForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    let scope = EditScope::parse(&form.scope);
    match services::session_admin::cancel(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        scope,
        &form.reason,
        now,
    )
    .await
    {
        Ok(done) => {
            Redirect::to(&format!("/sesi/{id}?dibatalkan={}", done.sessions)).into_response()
        }
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}")),
        Err(e) => service_error_page(&headers, e),
    }
}

async fn mentor(
    st: AppState,
    session: Session,
    id: i64,
    headers: HeaderMap,
    mentor_id: &str,
    assign: bool,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let result = services::session_admin::set_mentor(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        mentor_id,
        assign,
    )
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/sesi/{id}?pendamping=ok#mentors-title")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}")),
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn assign_mentor(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<MentorForm>,
) -> Response {
    mentor(st, session, id, headers, &form.mentor_id, true).await
}

pub async fn remove_mentor(
    State(st): State<AppState>,
    session: Session,
    Path((id, person)): Path<(i64, i64)>,
    headers: HeaderMap,
) -> Response {
    mentor(st, session, id, headers, &person.to_string(), false).await
}

/// `GET /sesi/{id}/kalender.ics`: the session for a calendar app; the meeting link only for
/// those who may have it. Never cached: it depends on who asks.
pub async fn calendar(
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
    match services::registrations::calendar(&st.services, actor.as_ref(), SessionId(id), now).await
    {
        Ok(ics) => {
            let mut res = ics.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"sesi-{id}.ics\""))
            {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            res
        }
        Err(e) => service_error_page(&headers, e),
    }
}

/// The programme form from a url-encoded body: `regions` repeats (one per ticked box), which
/// serde_urlencoded cannot put in a `Vec`.
fn programme_form(body: &[u8]) -> ProgrammeForm {
    let mut f = ProgrammeForm::default();
    for (k, v) in form_urlencoded::parse(body) {
        let v = v.into_owned();
        match k.as_ref() {
            "name" => f.name = v,
            "description" => f.description = v,
            "track" => f.track = v,
            "starts_on" => f.starts_on = v,
            "ends_on" => f.ends_on = v,
            "regions" => f.regions.push(v),
            "target_kpm_trained" => f.target_kpm_trained = v,
            "target_sessions_held" => f.target_sessions_held = v,
            "target_attendance_rate" => f.target_attendance_rate = v,
            "target_follow_ups" => f.target_follow_ups = v,
            "target_businesses_progressing" => f.target_businesses_progressing = v,
            _ => {}
        }
    }
    f
}

async fn save_programme(
    st: AppState,
    session: Session,
    id: Option<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = app::i18n::from_headers(&headers);
    let url_encoded = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !url_encoded {
        return error_page(
            lang,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            lang.t(Msg::ErrBadRequest),
        );
    }
    let form = programme_form(&body);
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let here = match id {
        Some(id) => format!("/program/{id}/ubah"),
        None => "/program/baru".to_owned(),
    };
    let now = chrono::Utc::now();
    match services::programmes::save(
        &st.services,
        actor.as_ref(),
        id.map(ProgrammeId),
        &form,
        now,
    )
    .await
    {
        Ok(ProgrammeId(pid)) => {
            Redirect::to(&format!("/program?tersimpan={pid}#program-{pid}")).into_response()
        }
        Err(ServiceError::Unauthenticated) => login_redirect(&here),
        Err(e @ ServiceError::Invalid(_)) => {
            let uri: Uri = page(here);
            render_failed(&st, uri, headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn create_programme(
    State(st): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    save_programme(st, session, None, headers, body).await
}

pub async fn update_programme(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    save_programme(st, session, Some(id), headers, body).await
}
