//! The roll call (one tap, a note, "mark all present") and the participant's check-in: plain
//! forms answered here, 303 on success and the page again with 4xx and a message on bad input.

use app::server_fns::attendance::{CheckinForm, MarkForm};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::domain::{CheckinOutcome, PersonId, SessionId};
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{caller, login_redirect, page_uri as page, render_failed, service_error_page};

pub async fn mark(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<MarkForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Ok(person) = form.person.trim().parse::<i64>() else {
        return service_error_page(&headers, ServiceError::BadRequest("person"));
    };
    let mark = (!form.mark.is_empty()).then_some(form.mark.as_str());
    let note = (form.with_note == "1").then_some(form.note.as_str());
    let res = services::attendance::mark(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        PersonId(person),
        mark,
        note,
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(_) => Redirect::to(&format!("/sesi/{id}/absen?tersimpan=1#p-{person}")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}/absen")),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(
                &st,
                page(format!("/sesi/{id}/absen")),
                headers,
                session,
                form,
                e,
            )
            .await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn mark_all(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let res = services::attendance::mark_all_present(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(n) => Redirect::to(&format!("/sesi/{id}/absen?semua={n}")).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&format!("/sesi/{id}/absen")),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(
                &st,
                page(format!("/sesi/{id}/absen")),
                headers,
                session,
                MarkForm::default(),
                e,
            )
            .await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn check_in(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<CheckinForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    // A code from the QR link goes back into the page's address; a typed one stays in the field.
    let from_link = form.code.contains('-') && form.code.len() <= 64;
    let here = if from_link {
        format!(
            "/hadir/{id}?k={}",
            app::components::layout::urlencode(form.code.trim())
        )
    } else {
        format!("/hadir/{id}")
    };
    let res = services::attendance::check_in(
        &st.services,
        actor.as_ref(),
        SessionId(id),
        &form.code,
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(CheckinOutcome::CheckedIn { walk_in, .. }) => Redirect::to(&format!(
            "/hadir/{id}?hadir={}",
            if walk_in { "walkin" } else { "ok" }
        ))
        .into_response(),
        Ok(CheckinOutcome::Already { .. }) => {
            Redirect::to(&format!("/hadir/{id}?hadir=sudah")).into_response()
        }
        Err(ServiceError::Unauthenticated) => login_redirect(&here),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(&st, page(here), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}
