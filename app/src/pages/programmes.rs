//! Programmes: the list (`/program`) and the form (`/program/baru`, `/program/:id/ubah`). The form
//! is a plain post answered by the server; bad input comes back with the typed values and one
//! message per field.

use bimtek::domain::programme::{Metric, ProgrammeForm, ProgrammeFormData, ProgrammeSummary};
use bimtek::domain::{Field, FieldErrors, Track};
use bimtek::i18n::{Lang, Msg, problem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::session_list::track_label;
use crate::components::form::{FormAlert, SelectField, TextArea, TextField};
use crate::components::layout::Refused;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::programmes::{get_programme_form, list_programmes};

pub fn metric_label(lang: Lang, m: Metric) -> &'static str {
    lang.t(metric_label_msg(m))
}

/// `400000` → `400.000` (id) / `400,000` (en); the rate gets a `%`.
pub fn metric_value(lang: Lang, m: Metric, v: i64) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let digits = v.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if v < 0 {
        out.insert(0, '-');
    }
    if m == Metric::AttendanceRate {
        out.push_str(" %");
    }
    out
}

fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[component]
pub fn ProgrammeListPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| list_programmes());
    let query = use_query_map();
    let saved = move || query.read().get("tersimpan").is_some();
    view! {
        <Title text=lang.t(Msg::ProgrammesTitle) />
        <h1>{lang.t(Msg::ProgrammesTitle)}</h1>
        <Show when=saved>
            <div class="alert alert-ok" role="status">{lang.t(Msg::ProgrammeSaved)}</div>
        </Show>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! {
                        {list.may_create.then(|| view! {
                            <p><a class="button primary" href="/program/baru">{lang.t(Msg::NewProgramme)}</a></p>
                        })}
                        <ul class="programmes">
                            {list.programmes.into_iter().map(|p| view! { <ProgrammeCard p /> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(e) => view! { <Refused e next="/program" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProgrammeCard(p: ProgrammeSummary) -> impl IntoView {
    let lang = use_lang();
    let id = p.id.0;
    view! {
        <li class="session programme-card" id=format!("program-{id}")>
            <div class="session-head">
                <span class="badge track">{track_label(lang, p.track)}</span>
            </div>
            <h2>{p.name}</h2>
            <p class="when">{format!("{} – {}", date_text(p.starts_on), date_text(p.ends_on))}</p>
            <p class="where">{p.regions.join(", ")}</p>
            {p.description.map(|d| view! { <p class="muted">{d}</p> })}
            <dl class="targets">
                {p.targets.into_iter().map(|(m, v)| view! {
                    <div><dt>{metric_label(lang, m)}</dt><dd>{metric_value(lang, m, v)}</dd></div>
                }).collect_view()}
                <div><dt>{lang.t(Msg::SessionsPlanned)}</dt><dd>{p.sessions}</dd></div>
            </dl>
            <p class="actions">
                <a class="button secondary" href=format!("/program/{id}/dasbor")>{lang.t(Msg::OpenDashboard)}</a>
                {p.editable.then(|| view! {
                    <a class="button secondary" href=format!("/program/{id}/ubah")>{lang.t(Msg::Edit)}</a>
                })}
            </p>
        </li>
    }
}

/// `/program/baru` and `/program/:id/ubah`.
#[component]
pub fn ProgrammeFormPage() -> impl IntoView {
    let lang = use_lang();
    let sub = use_context::<Submitted<ProgrammeForm>>();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok());
    let data = Resource::new(id, get_programme_form);
    let title = move || {
        if id().is_some() {
            lang.t(Msg::EditProgramme)
        } else {
            lang.t(Msg::NewProgramme)
        }
    };
    view! {
        <Title text=title />
        <p><a href="/program">{lang.t(Msg::ProgrammesTitle)}</a></p>
        <h1>{title}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => form_view(d, sub, lang).into_any(),
                        Err(e) => view! { <Refused e next="/program" /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn form_view(
    d: ProgrammeFormData,
    sub: Option<Submitted<ProgrammeForm>>,
    lang: Lang,
) -> impl IntoView {
    let (form, errors, error) = match sub {
        Some(s) => (s.form, s.errors, s.error),
        None => (d.form, FieldErrors::default(), None),
    };
    let alert_text = error
        .as_ref()
        .map(|e| e.message(lang))
        .or_else(|| (!errors.is_empty()).then(|| lang.t(Msg::FormHasErrors).into()));
    let alert = Signal::derive(move || alert_text.clone());
    let err = |f: Field| errors.get(f).map(|p| problem(lang, p));
    let regions_error = err(Field::Regions);
    let targets_error = err(Field::Targets);
    let (regions_invalid, targets_invalid) = (regions_error.is_some(), targets_error.is_some());
    let path = match d.id {
        Some(id) => format!("/program/{id}/ubah"),
        None => "/program/baru".into(),
    };
    let tracks: Vec<(String, String)> = Track::ALL
        .into_iter()
        .map(|t| (t.as_str().into(), track_label(lang, t).into()))
        .collect();
    let chosen = form.regions.clone();
    let sig = Signal::stored(errors.clone());
    let target_fields = Metric::ALL
        .into_iter()
        .map(|m| {
            let value = form.target(m).to_string();
            let hint = (m == Metric::AttendanceRate).then_some(Msg::HintPercent);
            view! {
                <TextField field=m.field() label=metric_label_msg(m) value errors=sig inputmode="numeric" maxlength=12 hint=hint.unwrap_or(Msg::HintTargetCount) />
            }
        })
        .collect_view();
    view! {
        <FormAlert message=alert />
        <form method="post" action=path class="stack" id="programme-form" novalidate>
            <TextField field=Field::Name label=Msg::FieldProgrammeName value=form.name.clone() errors=sig required=true maxlength=200 />
            <TextArea field=Field::Description label=Msg::FieldDescription value=form.description.clone() errors=sig maxlength=2000 />
            <SelectField field=Field::Track label=Msg::FieldTrack options=tracks selected=form.track.clone() errors=sig placeholder=true />
            <div class="row">
                <TextField field=Field::StartsOn label=Msg::FieldStartsOn value=form.starts_on.clone() errors=sig kind="date" required=true />
                <TextField field=Field::EndsOn label=Msg::FieldEndsOn value=form.ends_on.clone() errors=sig kind="date" required=true />
            </div>
            <fieldset class="group" class:invalid=regions_invalid aria-describedby="e-regions">
                <legend>{lang.t(Msg::FieldProgrammeRegions)}</legend>
                <div class="checks regions">
                    {d.regions.into_iter().map(|r| {
                        let checked = chosen.iter().any(|c| c.trim() == r.id.to_string());
                        let class = format!("check level-{}", r.level);
                        view! {
                            <label class=class>
                                <input type="checkbox" name="regions" value=r.id.to_string() checked=checked />
                                <span>{r.label}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
                <p class="error" id="e-regions">{regions_error}</p>
            </fieldset>
            <fieldset class="group" class:invalid=targets_invalid aria-describedby="e-targets">
                <legend>{lang.t(Msg::FieldTargets)}</legend>
                <p class="hint">{lang.t(Msg::HintTargets)}</p>
                <p class="error" id="e-targets">{targets_error}</p>
                <div class="targets-grid">{target_fields}</div>
            </fieldset>
            <p class="actions"><button type="submit" class="primary">{lang.t(Msg::SaveProgramme)}</button></p>
        </form>
    }
}

fn metric_label_msg(m: Metric) -> Msg {
    match m {
        Metric::KpmTrained => Msg::MetricKpmTrained,
        Metric::SessionsHeld => Msg::MetricSessionsHeld,
        Metric::AttendanceRate => Msg::MetricAttendanceRate,
        Metric::FollowUpsDone => Msg::MetricFollowUps,
        Metric::BusinessesProgressing => Msg::MetricBusinessesProgressing,
    }
}
