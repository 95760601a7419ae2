//! The organiser's session form: new (`/sesi/baru`, or a copy with `?dari=<id>`) and edit
//! (`/sesi/:id/ubah`). A plain form rendered on the server: posted, the server answers with a
//! redirect, or with this page again (422, every typed value kept, one message per field). It
//! needs no JavaScript at all, which also suits slow links.

use bimtek::domain::session::{DESCRIPTION_MAX, SERIES_MAX, TITLE_MAX, VENUE_MAX};
use bimtek::domain::{
    DEFAULT_REMINDERS, EditData, Field, FieldErrors, REMINDER_PRESETS, SessionForm,
    SessionFormOptions, SessionMode, Zone,
};
use bimtek::i18n::{Lang, Msg, problem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::session_list::mode_label;
use crate::components::form::{FormAlert, SelectField, TextArea, TextField};
use crate::components::layout::Refused;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::sessions::{get_edit_session_form, get_new_session_form};

#[component]
pub fn NewSessionPage() -> impl IntoView {
    let lang = use_lang();
    // Set by the server when it renders a failed plain post.
    let sub = use_context::<Submitted<SessionForm>>();
    let query = use_query_map();
    let from = move || query.read().get("dari").and_then(|v| v.parse::<i64>().ok());
    let data = Resource::new(from, get_new_session_form);
    let title = move || {
        if from().is_some() {
            lang.t(Msg::DuplicateSessionTitle)
        } else {
            lang.t(Msg::NewSessionTitle)
        }
    };
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => {
                            let (form, errors, error) = match sub {
                                Some(s) => (s.form, s.errors, s.error),
                                None => (
                                    d.copy.unwrap_or_else(|| {
                                        SessionForm {
                                            zone: Zone::Wib.label().into(),
                                            ..Default::default()
                                        }
                                        .with_reminders(&DEFAULT_REMINDERS)
                                    }),
                                    FieldErrors::default(),
                                    None,
                                ),
                            };
                            view! {
                                <p class="intro">{lang.t(Msg::NewSessionIntro)}</p>
                                <SessionFormView
                                    opts=d.options
                                    form
                                    errors
                                    error
                                    path="/sesi/baru".into()
                                    editing=None
                                />
                            }
                            .into_any()
                        }
                        Err(e) => view! { <Refused e next="/sesi/baru" /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditSessionPage() -> impl IntoView {
    let lang = use_lang();
    let sub = use_context::<Submitted<SessionForm>>();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok());
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_edit_session_form(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Title text=lang.t(Msg::EditSessionTitle) />
        <h1>{lang.t(Msg::EditSessionTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => {
                            let EditData { id, form, series_later, closed } = d.edit;
                            let back = view! {
                                <p><a href=format!("/sesi/{id}")>{lang.t(Msg::BackToSession)}</a></p>
                            };
                            if closed {
                                return view! {
                                    {back}
                                    <div class="alert alert-info" role="status">
                                        {problem(lang, &bimtek::domain::Problem::SessionClosed)}
                                    </div>
                                }
                                .into_any();
                            }
                            let (form, errors, error) = match sub {
                                Some(s) => (s.form, s.errors, s.error),
                                None => (form, FieldErrors::default(), None),
                            };
                            view! {
                                {back}
                                <SessionFormView
                                    opts=d.options
                                    form
                                    errors
                                    error
                                    path=format!("/sesi/{id}/ubah")
                                    editing=Some(series_later)
                                />
                            }
                            .into_any()
                        }
                        Err(e) => view! { <Refused e next="/sesi" /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn zone_name(lang: Lang, z: Zone) -> &'static str {
    lang.t(match z {
        Zone::Wib => Msg::ZoneWib,
        Zone::Wita => Msg::ZoneWita,
        Zone::Wit => Msg::ZoneWit,
    })
}

/// A ticked box that posts "1".
fn checkbox(name: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" name=name value="1" checked=checked />
            <span>{label}</span>
        </label>
    }
}

/// The form itself. `editing`: `None` for a new session (offers repetition), `Some(n)` when
/// editing a session with `n` sessions of its series from here on (offers the scope if n > 1).
#[component]
fn SessionFormView(
    opts: SessionFormOptions,
    form: SessionForm,
    errors: FieldErrors,
    error: Option<AppError>,
    path: String,
    editing: Option<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let alert_text = error
        .as_ref()
        .map(|e| e.message(lang))
        .or_else(|| (!errors.is_empty()).then(|| lang.t(Msg::FormHasErrors).into()));
    let alert = Signal::derive(move || alert_text.clone());
    let field_error = {
        let errors = errors.clone();
        move |f: Field| errors.get(f).map(|p| problem(lang, p))
    };
    let errors = Signal::stored(errors);

    let programmes: Vec<(String, String)> = opts
        .programmes
        .into_iter()
        .map(|p| (p.id.to_string(), p.label))
        .collect();
    let regions: Vec<(String, String)> = opts
        .regions
        .iter()
        .map(|r| {
            (
                r.id.to_string(),
                format!("{} ({})", r.label, r.zone.label()),
            )
        })
        .collect();
    let eligible_regions = regions.clone();
    let modes: Vec<(String, String)> = SessionMode::ALL
        .into_iter()
        .map(|m| (m.as_str().into(), mode_label(lang, m).into()))
        .collect();
    let zones: Vec<(String, String)> = Zone::ALL
        .into_iter()
        .map(|z| (z.label().into(), zone_name(lang, z).into()))
        .collect();
    let repeats: Vec<(String, String)> = [
        ("", Msg::RepeatOnce),
        ("weekly", Msg::RepeatWeekly),
        ("biweekly", Msg::RepeatBiweekly),
        ("dates", Msg::RepeatDates),
    ]
    .into_iter()
    .map(|(v, m)| (v.to_string(), lang.t(m).to_string()))
    .collect();
    let ticked = |v: &str| !v.trim().is_empty();
    let repetition = editing.is_none().then(|| {
        let dates_error = field_error(Field::RepeatDates);
        let dates_invalid = dates_error.is_some();
        view! {
            <fieldset class="group">
                <legend>{lang.t(Msg::RepeatTitle)}</legend>
                <div class="row">
                    <SelectField field=Field::Repeat label=Msg::FieldRepeat options=repeats selected=form.repeat.clone() errors />
                    <TextField field=Field::RepeatCount label=Msg::FieldRepeatCount value=form.repeat_count.clone() errors inputmode="numeric" maxlength=2 hint=Msg::HintRepeatCount />
                </div>
                <div class="field" class:invalid=dates_invalid>
                    <label for="f-repeat_dates">{lang.t(Msg::FieldRepeatDates)}</label>
                    <textarea id="f-repeat_dates" name="repeat_dates" rows="2" aria-describedby="h-repeat_dates e-repeat_dates"
                        inner_html=bimtek::text::escape_html(&form.repeat_dates)></textarea>
                    <p class="hint" id="h-repeat_dates">{lang.t(Msg::HintRepeatDates).replace("{max}", &(SERIES_MAX - 1).to_string())}</p>
                    <p class="error" id="e-repeat_dates">{dates_error}</p>
                </div>
            </fieldset>
        }
    });
    let scope = editing.filter(|n| *n > 1).map(|n| {
        let series = form.scope == "series";
        view! {
            <fieldset class="group scope">
                <legend>{lang.t(Msg::EditScopeTitle)}</legend>
                <label class="choice">
                    <input type="radio" name="scope" value="one" checked=!series />
                    <span>{lang.t(Msg::EditScopeOne)}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="scope" value="series" checked=series />
                    <span>{lang.t(Msg::EditScopeSeries).replace("{n}", &n.to_string())}</span>
                </label>
            </fieldset>
        }
    });
    let submit = if editing.is_some() {
        Msg::SaveChanges
    } else {
        Msg::SaveSession
    };
    let reminder_boxes = REMINDER_PRESETS
        .iter()
        .map(|p| checkbox(p.field, lang.t(p.label), form.reminds(p)))
        .collect_view();
    let region_error = field_error(Field::EligibleRegion);
    let region_invalid = region_error.is_some();
    view! {
        <FormAlert message=alert />
        <form method="post" action=path class="stack" id="session-form" novalidate>
            {scope}
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
            <TextArea field=Field::Speakers label=Msg::FieldSpeakers value=form.speakers errors />
            <p class="hint">{lang.t(Msg::HintSpeakers)}</p>
            <fieldset class="group">
                <legend>{lang.t(Msg::RegistrationRulesTitle)}</legend>
                <div class="row">
                    <TextField field=Field::RegistrationOpensAt label=Msg::FieldRegistrationOpens value=form.registration_opens_at errors kind="datetime-local" />
                    <TextField field=Field::RegistrationClosesAt label=Msg::FieldRegistrationCloses value=form.registration_closes_at errors kind="datetime-local" hint=Msg::HintRegistrationWindow />
                </div>
                <p class="label">{lang.t(Msg::FieldEligibleRoles)}</p>
                <div class="checks">
                    {checkbox("for_participant", lang.t(Msg::RoleParticipant), ticked(&form.for_participant))}
                    {checkbox("for_coordinator", lang.t(Msg::RoleCoordinator), ticked(&form.for_coordinator))}
                    {checkbox("for_mentor", lang.t(Msg::RoleMentor), ticked(&form.for_mentor))}
                </div>
                <p class="hint">{lang.t(Msg::HintEligibleRoles)}</p>
                <div class="checks">
                    {checkbox("allow_walk_ins", lang.t(Msg::FieldAllowWalkIns), ticked(&form.allow_walk_ins))}
                </div>
                <div class="field" class:invalid=region_invalid>
                    <label for="f-eligible_region_id">{lang.t(Msg::FieldEligibleRegion)}</label>
                    <select id="f-eligible_region_id" name="eligible_region_id" aria-describedby="e-eligible_region_id">
                        <option value="" selected=form.eligible_region_id.is_empty()>{lang.t(Msg::AllRegions)}</option>
                        {eligible_regions.into_iter().map(|(v, l)| {
                            let is = v == form.eligible_region_id;
                            view! { <option value=v selected=is>{l}</option> }
                        }).collect_view()}
                    </select>
                    <p class="error" id="e-eligible_region_id">{region_error}</p>
                </div>
            </fieldset>
            <fieldset class="group reminders">
                <legend>{lang.t(Msg::RemindersTitle)}</legend>
                <div class="checks">
                    {reminder_boxes}
                </div>
                <p class="hint">{lang.t(Msg::HintReminders)}</p>
            </fieldset>
            {repetition}
            <p class="actions">
                <button type="submit" class="primary">{lang.t(submit)}</button>
            </p>
        </form>
    }
}
