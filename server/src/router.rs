//! Routes: the Leptos pages and server functions, the plain-form endpoints that make every form
//! work before hydration, the language switch and the health check.

use std::time::Duration;

use app::app::{App, shell};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use bimtek::auth::session_store::SeaOrmStore;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::{
    AppState, attendance_forms, follow_up_forms, forms, mail_forms, people_forms,
    registration_forms, report_forms, security, session_forms,
};

/// Name of the login-session cookie.
pub const SESSION_COOKIE: &str = "bimtek_sid";

pub fn build(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let svc = state.services.clone();
    let context = move || provide_context(svc.clone());
    let options = state.leptos.clone();

    let sessions = SessionManagerLayer::new(SeaOrmStore::new(state.services.db.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.secure_cookies())
        .with_expiry(Expiry::OnInactivity(time::Duration::days(7)))
        // Save on every request so the 7 days count from the last visit, not from login.
        .with_always_save(true);

    Router::new()
        .route("/health", get(health))
        .route("/bahasa/{code}", get(set_language))
        .route("/masuk", post(forms::login))
        .route("/keluar", post(forms::logout))
        .route("/masuk/tautan-baru", post(forms::request_login_link))
        .route("/masuk/tautan", post(forms::use_login_link))
        .route("/masuk/lupa", post(forms::request_password_reset))
        .route("/masuk/sandi-baru", post(forms::reset_password))
        .route("/sesi/baru", post(forms::create_session))
        .route("/sesi/{id}/undangan-uji", post(forms::test_invitation))
        .route("/sesi/{id}/daftar", post(registration_forms::register))
        .route("/sesi/{id}/batal", post(registration_forms::cancel))
        .route("/sesi/{id}/undang", post(registration_forms::invite))
        .route("/sesi/{id}/gabung", get(registration_forms::join_button))
        .route(
            "/sesi/{id}/peserta.csv",
            get(registration_forms::export_csv),
        )
        .route(
            "/sesi/{id}/peserta.xlsx",
            get(registration_forms::export_xlsx),
        )
        .route("/j/{token}", get(registration_forms::join_link))
        .route("/sesi/{id}/laporan.csv", get(report_forms::session_csv))
        .route("/sesi/{id}/laporan.xlsx", get(report_forms::session_xlsx))
        .route(
            "/program/{id}/laporan.csv",
            get(report_forms::programme_csv),
        )
        .route(
            "/program/{id}/laporan.xlsx",
            get(report_forms::programme_xlsx),
        )
        .route("/sesi/{id}/ubah", post(session_forms::update_session))
        .route("/sesi/{id}/batalkan", post(session_forms::cancel_session))
        .route("/sesi/{id}/pendamping", post(session_forms::assign_mentor))
        .route(
            "/sesi/{id}/pendamping/{person}/hapus",
            post(session_forms::remove_mentor),
        )
        .route("/sesi/{id}/kalender.ics", get(session_forms::calendar))
        .route("/sesi/{id}/email/ulang", post(mail_forms::retry_failed))
        .route("/sesi/{id}/absen", post(attendance_forms::mark))
        .route("/sesi/{id}/absen/semua", post(attendance_forms::mark_all))
        .route("/hadir/{id}", post(attendance_forms::check_in))
        .route(
            "/pendamping/peserta/{id}/usaha",
            post(follow_up_forms::save_business),
        )
        .route(
            "/pendamping/peserta/{id}/tindak-lanjut",
            post(follow_up_forms::record),
        )
        .route(
            "/pendamping/peserta/{id}/selesai",
            post(follow_up_forms::next_action_done),
        )
        .route("/email/preferensi", post(mail_forms::save_preferences))
        .route("/program/baru", post(session_forms::create_programme))
        .route("/program/{id}/ubah", post(session_forms::update_programme))
        .route("/masuk/kode", post(people_forms::login_with_code))
        .route(
            "/koordinator/peserta",
            post(people_forms::register_participant),
        )
        .route(
            "/koordinator/peserta/{id}/kode-baru",
            post(people_forms::reissue_code),
        )
        .route("/admin/orang/{id}/peran", post(people_forms::grant_role))
        .route(
            "/admin/orang/{id}/peran/{grant}/hapus",
            post(people_forms::revoke_role),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(axum::middleware::from_fn(security::same_origin_writes))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(state.config.trusted_proxies.clone()),
            security::client_address,
        ))
        .layer(sessions)
        // gzip or brotli for every browser that asks: the 123 KB session list is ~12 KB on the
        // wire, which is what a mentor on a weak 3G signal waits for.
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn health(State(st): State<AppState>) -> Response {
    match tokio::time::timeout(Duration::from_secs(3), st.services.db.ping()).await {
        Ok(Ok(())) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            format!(
                "{{\"status\":\"ok\",\"database\":\"{}\"}}",
                bimtek::store::backend_name(&st.services.db)
            ),
        )
            .into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    }
}

#[derive(Deserialize)]
struct Back {
    kembali: Option<String>,
}

/// Sets the language cookie and goes back. A plain link, so it works without JavaScript.
async fn set_language(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let lang = bimtek::i18n::Lang::parse(&code);
    let to = bimtek::text::local_path(back.kembali.as_deref().unwrap_or("/sesi"), "/sesi");
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        app::i18n::COOKIE,
        lang.code()
    );
    let mut res = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}
