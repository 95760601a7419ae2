//! The organiser's new-session form. Works before hydration: posted without JavaScript, the
//! server answers with this page again (422, every typed value kept, one message per field).
//! Once its island has hydrated, the form posts through the `create_session` server function.

use bimtek::domain::session::{DESCRIPTION_MAX, TITLE_MAX, VENUE_MAX};
use bimtek::domain::{Field, FieldErrors, SessionForm, SessionFormOptions, SessionMode, Zone};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;

use super::session_list::mode_label;
use crate::components::form::{EnhancedForm, FormAlert, SelectField, TextArea, TextField};
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::sessions::{CreateSession, get_session_form_options};

#[component]
pub fn NewSessionPage() -> impl IntoView {
    let lang = use_lang();
    // Set by the server when it renders a failed plain post: goes to the island as a prop.
    let sub = use_context::<Submitted<SessionForm>>();
    let options = Resource::new(|| (), |_| get_session_form_options());

    view! {
        <Title text=lang.t(Msg::NewSessionTitle) />
        <h1>{lang.t(Msg::NewSessionTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match options.await {
                        Ok(opts) => view! { <SessionFormView opts sub lang /> }.into_any(),
                        Err(e) => view! { <Refused e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Not logged in, or not an organiser.
#[component]
fn Refused(e: AppError) -> impl IntoView {
    let lang = use_lang();
    let login = matches!(e, AppError::Unauthenticated);
    view! {
        <div class="alert alert-error" role="alert">{e.message(lang)}</div>
        {login.then(|| view! {
            <p><a class="button" href="/masuk?next=/sesi/baru">{lang.t(Msg::NavLogin)}</a></p>
        })}
    }
}

/// An island: the form runs in the browser once its wasm has loaded.
#[island]
fn SessionFormView(
    opts: SessionFormOptions,
    sub: Option<Submitted<SessionForm>>,
    lang: Lang,
) -> impl IntoView {
    provide_context(lang);
    let action = ServerAction::<CreateSession>::new();
    Effect::new(move |_| {
        if let Some(Ok(id)) = action.value().get() {
            let _ = window()
                .location()
                .set_href(&format!("/sesi?dibuat={id}#sesi-{id}"));
        }
    });
    let (form, first_errors, first_error) = match sub {
        Some(s) => (s.form, s.errors, s.error),
        None => (
            SessionForm {
                zone: Zone::Wib.label().into(),
                ..Default::default()
            },
            FieldErrors::default(),
            None,
        ),
    };
    let errors = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => e.field_errors(),
        Some(Ok(_)) => FieldErrors::default(),
        None => first_errors.clone(),
    });
    let alert = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e.message(lang)),
        Some(Ok(_)) => None,
        None => first_error
            .as_ref()
            .map(|e| e.message(lang))
            .or_else(|| (!errors.get().is_empty()).then(|| lang.t(Msg::FormHasErrors).into())),
    });

    let programmes: Vec<(String, String)> = opts
        .programmes
        .into_iter()
        .map(|p| (p.id.to_string(), p.label))
        .collect();
    let regions: Vec<(String, String)> = opts
        .regions
        .into_iter()
        .map(|r| {
            (
                r.id.to_string(),
                format!("{} ({})", r.label, r.zone.label()),
            )
        })
        .collect();
    let modes: Vec<(String, String)> = SessionMode::ALL
        .into_iter()
        .map(|m| (m.as_str().into(), mode_label(lang, m).into()))
        .collect();
    let zones: Vec<(String, String)> = Zone::ALL
        .into_iter()
        .map(|z| {
            let msg = match z {
                Zone::Wib => Msg::ZoneWib,
                Zone::Wita => Msg::ZoneWita,
                Zone::Wit => Msg::ZoneWit,
            };
            (z.label().into(), lang.t(msg).into())
        })
        .collect();

    view! {
        <p class="intro">{lang.t(Msg::NewSessionIntro)}</p>
        <FormAlert message=alert />
        <EnhancedForm action path="/sesi/baru" class="stack" id="session-form">
            <TextField field=Field::Title label=Msg::FieldTitle value=form.title errors required=true maxlength=TITLE_MAX />
            <TextArea field=Field::Description label=Msg::FieldDescription value=form.description errors maxlength=DESCRIPTION_MAX />
            <SelectField field=Field::Programme label=Msg::FieldProgramme options=programmes selected=form.programme_id errors placeholder=true />
            <SelectField field=Field::Mode label=Msg::FieldMode options=modes selected=form.mode errors placeholder=true />
            <div class="row">
                <SelectField field=Field::Region label=Msg::FieldRegion options=regions selected=form.region_id errors placeholder=true />
                <SelectField field=Field::Zone label=Msg::FieldZone options=zones selected=form.zone errors hint=Msg::HintTimes />
            </div>
            <div class="row">
                <TextField field=Field::StartsAt label=Msg::FieldStartsAt value=form.starts_at errors kind="datetime-local" required=true />
                <TextField field=Field::EndsAt label=Msg::FieldEndsAt value=form.ends_at errors kind="datetime-local" required=true />
            </div>
            <div class="row">
                <TextField field=Field::RoomCapacity label=Msg::FieldRoomCapacity value=form.room_capacity errors inputmode="numeric" hint=Msg::HintCapacity maxlength=6 />
                <TextField field=Field::OnlineCapacity label=Msg::FieldOnlineCapacity value=form.online_capacity errors inputmode="numeric" maxlength=6 />
            </div>
            <TextField field=Field::Venue label=Msg::FieldVenue value=form.venue errors maxlength=VENUE_MAX />
            <TextField field=Field::MeetingUrl label=Msg::FieldMeetingUrl value=form.meeting_url errors kind="url" hint=Msg::HintMeetingUrl inputmode="url" />
            <p class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { lang.t(Msg::Saving) } else { lang.t(Msg::SaveSession) }}
                </button>
            </p>
        </EnhancedForm>
    }
}
