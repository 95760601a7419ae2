//! The mentor's caseload (`/pendamping/peserta`) and one participant's follow-up page
//! (`/pendamping/peserta/:id`): the business, the open next action, a form for a visit or a call,
//! and the history. Plain forms, server-rendered, for a cheap phone in the field.

use bimtek::domain::follow_up::{
    BusinessForm, CaseloadRow, ContactKind, FollowUpEntry, FollowUpForm, FollowUpPage, Sector,
    format_rupiah,
};
use bimtek::domain::session::Track;
use bimtek::domain::zone::format_date;
use bimtek::domain::{Field, FieldErrors, Zone};
use bimtek::i18n::{Lang, Msg, problem};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::{FormAlert, SelectField, TextArea, TextField};
use crate::components::layout::Refused;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::pages::session_list::track_label;
use crate::server_fns::Submitted;
use crate::server_fns::follow_ups::{Caseload, get_caseload, get_follow_up};

fn sector_label(lang: Lang, s: Sector) -> &'static str {
    lang.t(s.label())
}

fn business_line(lang: Lang, b: &bimtek::domain::follow_up::BusinessView) -> String {
    format!(
        "{} · {} · {}",
        b.name,
        sector_label(lang, b.sector),
        track_label(lang, b.stage)
    )
}

/// `/pendamping/peserta`
#[component]
pub fn CaseloadPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| get_caseload());
    view! {
        <Title text=lang.t(Msg::CaseloadTitle) />
        <h1>{lang.t(Msg::CaseloadTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => caseload_view(c, lang).into_any(),
                    Err(e) => view! { <Refused e next="/pendamping/peserta" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn caseload_view(c: Caseload, lang: Lang) -> impl IntoView {
    if c.rows.is_empty() {
        return view! { <p class="empty">{lang.t(Msg::CaseloadEmpty)}</p> }.into_any();
    }
    let (today, zone) = (c.today, c.zone);
    view! {
        <p class="hint">{lang.t(Msg::CaseloadIntro)}</p>
        <ul class="caseload" id="caseload">
            {c.rows.into_iter().map(|r| caseload_row(r, today, zone, lang)).collect_view()}
        </ul>
    }
    .into_any()
}

fn caseload_row(r: CaseloadRow, today: NaiveDate, zone: Zone, lang: Lang) -> impl IntoView {
    let overdue = r.next_action.as_ref().is_some_and(|a| a.overdue(today));
    let contact = match r.last_contact {
        Some(t) => lang
            .t(Msg::LastContact)
            .replace("{date}", &format_date(zone.local(t).date(), lang)),
        None => lang.t(Msg::NeverContacted).to_owned(),
    };
    let action = r.next_action.map(|a| {
        lang.t(Msg::NextActionDueOn)
            .replace("{action}", &a.text)
            .replace("{date}", &format_date(a.due, lang))
    });
    view! {
        <li class="case" class:overdue=overdue>
            <h2><a href=format!("/pendamping/peserta/{}", r.person_id.0)>{r.name}</a></h2>
            <p class="muted small">{r.region}</p>
            <p class="business">
                {match r.business {
                    Some(b) => business_line(lang, &b),
                    None => lang.t(Msg::NoBusinessRecorded).to_owned(),
                }}
            </p>
            <p class="small">{contact}</p>
            {action.map(|a| view! {
                <p class="next-action">
                    {overdue.then(|| view! { <span class="badge overdue">{lang.t(Msg::Overdue)}</span>" " })}
                    {a}
                </p>
            })}
        </li>
    }
}

/// `/pendamping/peserta/:id`
#[component]
pub fn FollowUpPageView() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n > 0);
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_follow_up(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let business_sub = use_context::<Submitted<BusinessForm>>();
    let follow_sub = use_context::<Submitted<FollowUpForm>>();
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        let msg = if q.get("usaha").is_some() {
            Some(Msg::BusinessSaved)
        } else if q.get("tersimpan").is_some() {
            Some(Msg::FollowUpSaved)
        } else if q.get("selesai").is_some() {
            Some(Msg::NextActionDoneNotice)
        } else {
            None
        };
        msg.map(|m| lang.t(m))
    };
    view! {
        <Title text=lang.t(Msg::FollowUpTitle) />
        <p><a href="/pendamping/peserta">"← "{lang.t(Msg::CaseloadTitle)}</a></p>
        {move || notice().map(|m| view! { <div class="alert alert-ok" role="status">{m}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let business_sub = business_sub.clone();
                let follow_sub = follow_sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(p) => follow_up_view(p, business_sub, follow_sub, lang).into_any(),
                        Err(e) => view! { <Refused e next="/pendamping/peserta" /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn yes_no_select(
    field: Field,
    label: Msg,
    selected: String,
    errors: Signal<FieldErrors>,
    lang: Lang,
) -> impl IntoView {
    let options = vec![
        (String::new(), lang.t(Msg::NotAsked).to_owned()),
        ("yes".to_owned(), lang.t(Msg::Yes).to_owned()),
        ("no".to_owned(), lang.t(Msg::No).to_owned()),
    ];
    view! { <SelectField field label options selected errors /> }.into_any()
}

/// The whole-form message of a failed post: a refusal, or a problem of the form as a whole.
fn form_alert(errors: &FieldErrors, error: Option<AppError>, lang: Lang) -> Option<String> {
    errors
        .get(Field::Form)
        .map(|p| problem(lang, p))
        .or_else(|| error.map(|e| e.message(lang)))
}

fn follow_up_view(
    p: FollowUpPage,
    business_sub: Option<Submitted<BusinessForm>>,
    follow_sub: Option<Submitted<FollowUpForm>>,
    lang: Lang,
) -> impl IntoView {
    let pid = p.person_id.0;
    let zone = p.zone;
    let (bform, berrors, balert) = match business_sub {
        Some(s) => {
            let alert = form_alert(&s.errors, s.error, lang);
            (s.form, s.errors, alert)
        }
        None => (
            p.business
                .as_ref()
                .map(|b| BusinessForm {
                    name: b.name.clone(),
                    sector: b.sector.as_str().into(),
                    stage: b.stage.as_str().into(),
                })
                .unwrap_or_default(),
            FieldErrors::default(),
            None,
        ),
    };
    let (fform, ferrors, falert) = match follow_sub {
        Some(s) => {
            let alert = form_alert(&s.errors, s.error, lang);
            (s.form, s.errors, alert)
        }
        None => (
            FollowUpForm {
                kind: "visit".into(),
                contacted_on: p.today.format("%Y-%m-%d").to_string(),
                session_id: p
                    .recent_session
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
                ..Default::default()
            },
            FieldErrors::default(),
            None,
        ),
    };
    let berrors = Signal::stored(berrors);
    let ferrors = Signal::stored(ferrors);
    let sectors: Vec<(String, String)> = Sector::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), sector_label(lang, *s).to_owned()))
        .collect();
    let stages: Vec<(String, String)> = Track::ALL
        .iter()
        .map(|t| (t.as_str().to_owned(), track_label(lang, *t).to_owned()))
        .collect();
    let has_business = p.business.is_some();
    // A follow-up posted before the business exists: its message goes above the business.
    let early_alert = falert.clone().filter(|_| !has_business);
    let business_form = view! {
        <FormAlert message=Signal::stored(balert) />
        <form method="post" action=format!("/pendamping/peserta/{pid}/usaha") class="stack" id="business-form">
            <TextField field=Field::Name label=Msg::FieldBusinessName value=bform.name errors=berrors required=true maxlength=200 />
            <SelectField field=Field::Sector label=Msg::FieldSector options=sectors selected=bform.sector errors=berrors placeholder=true />
            <SelectField field=Field::Stage label=Msg::FieldStage options=stages selected=bform.stage errors=berrors placeholder=true />
            <p class="actions"><button type="submit" class="secondary">{lang.t(Msg::SaveBusiness)}</button></p>
        </form>
    }
    .into_any();
    let business = match &p.business {
        Some(b) => view! {
            <p class="business" id="business">{business_line(lang, b)}</p>
            <details class="edit-business" open=!berrors.get_untracked().is_empty()>
                <summary>{lang.t(Msg::Edit)}</summary>
                {business_form}
            </details>
        }
        .into_any(),
        None => view! {
            <p class="hint">{lang.t(Msg::BusinessFirst)}</p>
            {business_form}
        }
        .into_any(),
    };
    let next = p.next_action.clone().map(|a| {
        let overdue = a.overdue(p.today);
        view! {
            <section class="card next-action" class:overdue=overdue id="next-action">
                <h2>{lang.t(Msg::NextActionOpen)}</h2>
                <p>
                    {overdue.then(|| view! { <span class="badge overdue">{lang.t(Msg::Overdue)}</span>" " })}
                    {lang.t(Msg::NextActionDueOn).replace("{action}", &a.text).replace("{date}", &format_date(a.due, lang))}
                </p>
                <form method="post" action=format!("/pendamping/peserta/{pid}/selesai")>
                    <input type="hidden" name="follow_up" value=a.follow_up_id.to_string() />
                    <button type="submit" class="secondary">{lang.t(Msg::MarkDone)}</button>
                </form>
            </section>
        }
        .into_any()
    });
    let kinds: Vec<(String, String)> = [ContactKind::Visit, ContactKind::Call]
        .iter()
        .map(|k| (k.as_str().to_owned(), lang.t(k.label()).to_owned()))
        .collect();
    let mut sessions: Vec<(String, String)> =
        vec![(String::new(), lang.t(Msg::NoSession).to_owned())];
    sessions.extend(
        p.sessions
            .iter()
            .map(|s| (s.id.to_string(), s.label.clone())),
    );
    let record = has_business.then(|| {
        view! {
            <section class="card" id="record">
                <h2>{lang.t(Msg::RecordFollowUp)}</h2>
                <FormAlert message=Signal::stored(falert) />
                <form method="post" action=format!("/pendamping/peserta/{pid}/tindak-lanjut") class="stack" id="follow-up-form" novalidate>
                    <div class="row">
                        <SelectField field=Field::ContactKind label=Msg::FieldContactKind options=kinds selected=fform.kind errors=ferrors />
                        <TextField field=Field::ContactedOn label=Msg::FieldContactedOn value=fform.contacted_on errors=ferrors kind="date" />
                    </div>
                    <SelectField field=Field::Session label=Msg::FieldFollowUpSession options=sessions selected=fform.session_id errors=ferrors />
                    <TextArea field=Field::Discussed label=Msg::FieldDiscussed value=fform.discussed errors=ferrors maxlength=2000 />
                    <TextField field=Field::MonthlyRevenue label=Msg::FieldMonthlyRevenue value=fform.monthly_revenue errors=ferrors inputmode="numeric" hint=Msg::HintMonthlyRevenue maxlength=20 />
                    <div class="row">
                        {yes_no_select(Field::PackagingImproved, Msg::FieldPackagingImproved, fform.packaging_improved, ferrors, lang)}
                        {yes_no_select(Field::SellingOnline, Msg::FieldSellingOnline, fform.selling_online, ferrors, lang)}
                    </div>
                    <div class="row">
                        <TextField field=Field::NextAction label=Msg::FieldNextAction value=fform.next_action errors=ferrors maxlength=500 hint=Msg::HintNextAction />
                        <TextField field=Field::NextActionDue label=Msg::FieldNextActionDue value=fform.next_action_due errors=ferrors kind="date" />
                    </div>
                    <p class="actions"><button type="submit" class="primary">{lang.t(Msg::SaveFollowUp)}</button></p>
                </form>
            </section>
        }
        .into_any()
    });
    let history = if p.history.is_empty() {
        view! { <p class="empty">{lang.t(Msg::FollowUpNone)}</p> }.into_any()
    } else {
        view! {
            <ol class="history" id="history">
                {p.history.into_iter().map(|h| history_entry(h, zone, lang)).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <h1>{p.name.clone()}</h1>
        <p class="muted">{p.region.clone()}</p>
        {p.phone.clone().map(|ph| {
            let shown = bimtek::domain::Phone::display(&ph);
            view! { <p><a class="button secondary" href=format!("tel:{ph}")>{lang.t(Msg::CallPhone).replace("{phone}", &shown)}</a></p> }
        })}
        {early_alert.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        <section class="card" id="business-card">
            <h2>{lang.t(Msg::BusinessTitle)}</h2>
            {business}
        </section>
        {next}
        {record}
        <h2>{lang.t(Msg::FollowUpHistory)}</h2>
        {history}
    }
}

fn history_entry(h: FollowUpEntry, zone: Zone, lang: Lang) -> impl IntoView {
    let when = zone.local(h.contacted_at).date();
    let mut facts: Vec<String> = Vec::new();
    if let Some(r) = h.monthly_revenue {
        facts.push(
            lang.t(Msg::RevenueIs)
                .replace("{amount}", &format_rupiah(r)),
        );
    }
    if h.packaging_improved == Some(true) {
        facts.push(lang.t(Msg::PackagingBetter).to_owned());
    }
    if h.selling_online == Some(true) {
        facts.push(lang.t(Msg::SellsOnline).to_owned());
    }
    let action = h.next_action.map(|a| {
        let due = h
            .next_action_due
            .map(|d| {
                lang.t(Msg::NextActionDueOn)
                    .replace("{action}", &a)
                    .replace("{date}", &format_date(d, lang))
            })
            .unwrap_or(a);
        let done = h.next_action_done_at.map(|t| {
            format!(
                " ({})",
                lang.t(Msg::DoneOn)
                    .replace("{date}", &format_date(zone.local(t).date(), lang))
            )
        });
        format!("→ {due}{}", done.unwrap_or_default())
    });
    view! {
        <li>
            <p><strong>{format!("{} · {}", format_date(when, lang), lang.t(h.kind.label()))}</strong>
                <span class="muted small">{format!(" · {}", h.mentor)}{h.session.map(|s| format!(" · {s}"))}</span></p>
            <p class="discussed">{h.discussed}</p>
            {(!facts.is_empty()).then(|| view! { <p class="muted small">{facts.join(" · ")}</p> })}
            {action.map(|a| view! { <p class="small">{a}</p> })}
        </li>
    }
}
