//! The mentor's follow-up forms: the participant's business, a visit or call, and closing the
//! open next action. Plain forms answered here: 303 on success, the page again with 4xx and
//! what was typed on bad input.

use app::server_fns::follow_ups::DoneForm;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use bimtek::domain::PersonId;
use bimtek::domain::follow_up::{BusinessForm, FollowUpForm};
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::forms::{caller, login_redirect, page_uri as page, render_failed, service_error_page};

fn here(id: i64) -> String {
    format!("/pendamping/peserta/{id}")
}

pub async fn save_business(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<BusinessForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let res = services::follow_ups::save_business(
        &st.services,
        actor.as_ref(),
        PersonId(id),
        &form,
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(_) => Redirect::to(&format!("{}?usaha=1", here(id))).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&here(id)),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(&st, page(here(id)), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn record(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<FollowUpForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let res = services::follow_ups::record(
        &st.services,
        actor.as_ref(),
        PersonId(id),
        &form,
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(_) => Redirect::to(&format!("{}?tersimpan=1", here(id))).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&here(id)),
        Err(e @ ServiceError::Invalid(_)) => {
            render_failed(&st, page(here(id)), headers, session, form, e).await
        }
        Err(e) => service_error_page(&headers, e),
    }
}

pub async fn next_action_done(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<DoneForm>,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Ok(follow_up) = form.follow_up.trim().parse::<i64>() else {
        return service_error_page(&headers, ServiceError::BadRequest("follow_up"));
    };
    let res = services::follow_ups::next_action_done(
        &st.services,
        actor.as_ref(),
        PersonId(id),
        follow_up,
        chrono::Utc::now(),
    )
    .await;
    match res {
        Ok(()) => Redirect::to(&format!("{}?selesai=1", here(id))).into_response(),
        Err(ServiceError::Unauthenticated) => login_redirect(&here(id)),
        Err(e) => service_error_page(&headers, e),
    }
}
