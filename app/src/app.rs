//! The HTML shell, the router and the frame every page shares.

use bimtek::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::Header;
use crate::i18n::{provide_lang, use_lang};
use crate::pages::{
    attendance::{CheckinPage, CheckinScreenPage, RollCallPage},
    audit::AuditPage,
    coordinator::{CodeCardPage, CoordinatorPage},
    follow_ups::{CaseloadPage, FollowUpPageView},
    homes::{MentorHomePage, MyHomePage},
    login::{CodeLinkPage, LoginPage},
    login_link::LoginLinkPage,
    mail::{DeliveryLogPage, EmailPrefsPage},
    password_reset::{NewPasswordPage, ResetRequestPage},
    people::{PeopleListPage, PersonPage},
    programmes::{ProgrammeFormPage, ProgrammeListPage},
    registration::{InvitePage, RosterPage, SessionDetailPage},
    reports::{
        CertificatesPage, DashboardPage, MyCertificatePage, ProgrammeDashboardPage,
        SessionReportPage,
    },
    session_list::SessionListPage,
    session_new::{EditSessionPage, NewSessionPage},
};
use crate::server_fns::auth::{CurrentUser, get_current_user};

/// The whole document, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = provide_lang();
    #[cfg(feature = "ssr")]
    crate::security::page_security_headers();
    let wasm = !field_page(&request_path());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b5d4b" />
                <AutoReload options=options.clone() />
                {wasm.then(|| view! { <HydrationScripts options=options.clone() islands=true /> })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The path of the page being rendered (empty outside a request).
fn request_path() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .map(|p| p.uri.path().to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// Pages used in the field on a weak signal, with no interactive island: served without the
/// wasm and its loader (about 200 KiB less on a first visit), as plain HTML and CSS.
pub fn field_page(path: &str) -> bool {
    let seg: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    matches!(
        seg.as_slice(),
        ["", "pendamping"]
            | ["", "pendamping", "peserta"]
            | ["", "pendamping", "peserta", _]
            | ["", "hadir", _]
            | ["", "sesi", _, "absen"]
            | ["", "sesi", _, "laporan"]
            | ["", "sesi", _, "hadir", "layar"]
    )
}

/// The caller, loaded once per page and shared by the header and the pages.
#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Option<CurrentUser>>);

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = provide_lang();
    // Treat a failure to load the caller as "not logged in": the page still renders, and every
    // action is checked on the server anyway.
    let user = Resource::new(|| (), |_| async { get_current_user().await.ok().flatten() });
    provide_context(UserResource(user));

    view! {
        <Stylesheet id="leptos" href="/pkg/bimtek.css" />
        <Title formatter=move |t: String| {
            if t.is_empty() {
                lang.t(Msg::AppName).to_string()
            } else {
                format!("{t} · {}", lang.t(Msg::AppName))
            }
        } />
        <HydrationMarker />
        <Router>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { view! { <Header user=user.await /> } })}
            </Suspense>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=SessionListPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi") view=SessionListPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/baru") view=NewSessionPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id") view=SessionDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/peserta") view=RosterPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/ubah") view=EditSessionPage ssr=SsrMode::Async />
                    <Route path=path!("/program") view=ProgrammeListPage ssr=SsrMode::Async />
                    <Route path=path!("/program/baru") view=ProgrammeFormPage ssr=SsrMode::Async />
                    <Route path=path!("/program/:id/ubah") view=ProgrammeFormPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/undang") view=InvitePage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/email") view=DeliveryLogPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/absen") view=RollCallPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/laporan") view=SessionReportPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/sertifikat") view=CertificatesPage ssr=SsrMode::Async />
                    <Route path=path!("/saya/sertifikat/:id") view=MyCertificatePage ssr=SsrMode::Async />
                    <Route path=path!("/dasbor") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/program/:id/dasbor") view=ProgrammeDashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/sesi/:id/hadir/layar") view=CheckinScreenPage ssr=SsrMode::Async />
                    <Route path=path!("/hadir/:id") view=CheckinPage ssr=SsrMode::Async />
                    <Route path=path!("/pendamping/peserta") view=CaseloadPage ssr=SsrMode::Async />
                    <Route path=path!("/pendamping/peserta/:id") view=FollowUpPageView ssr=SsrMode::Async />
                    <Route path=path!("/email/preferensi") view=EmailPrefsPage ssr=SsrMode::Async />
                    <Route path=path!("/masuk") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/masuk/tautan/:token") view=LoginLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/masuk/lupa") view=ResetRequestPage ssr=SsrMode::Async />
                    <Route path=path!("/masuk/sandi-baru/:token") view=NewPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/k/:code") view=CodeLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/orang") view=PeopleListPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/orang/:id") view=PersonPage ssr=SsrMode::Async />
                    <Route path=path!("/koordinator") view=CoordinatorPage ssr=SsrMode::Async />
                    <Route path=path!("/koordinator/kartu") view=CodeCardPage ssr=SsrMode::Async />
                    <Route path=path!("/pendamping") view=MentorHomePage ssr=SsrMode::Async />
                    <Route path=path!("/saya") view=MyHomePage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <Title text=lang.t(Msg::NotFoundPage) />
        <h1>{lang.t(Msg::NotFoundPage)}</h1>
        <p>
            <a href="/sesi">{lang.t(Msg::NavSessions)}</a>
        </p>
    }
}

/// Marks `<body data-hydrated="true">` once the wasm has run (effects run only in the browser), so
/// tests and styles can tell a hydrated page from plain HTML.
#[island]
fn HydrationMarker() -> impl IntoView {
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
