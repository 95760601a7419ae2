//! The coordinator's page: register participants who have no email, and hand them a personal
//! code (printable card with a QR code) to log in and check in.

use bimtek::domain::directory::{IssuedCode, ParticipantRow};
use bimtek::domain::{Field, FieldErrors, ParticipantForm, Zone};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{SelectField, TextField};
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::people::get_coordinator_home;

/// `/koordinator`
#[component]
pub fn CoordinatorPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| get_coordinator_home());
    let sub = use_context::<Submitted<ParticipantForm>>();
    view! {
        <Title text=lang.t(Msg::CoordTitle) />
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(home) => {
                            let (form, errors, error) = match sub {
                                Some(s) => (s.form, s.errors, s.error),
                                None => (ParticipantForm::default(), FieldErrors::default(), None),
                            };
                            let whole = error
                                .filter(|e| !matches!(e, crate::error::AppError::Invalid(_)))
                                .map(|e| e.message(lang));
                            let invalid = !errors.is_empty();
                            let regions: Vec<(String, String)> = home
                                .regions
                                .iter()
                                .map(|c| (c.id.to_string(), c.label.clone()))
                                .collect();
                            // One region: choose it already.
                            let region = if form.region_id.is_empty() && regions.len() == 1 {
                                regions[0].0.clone()
                            } else {
                                form.region_id.clone()
                            };
                            let errors = Signal::stored(errors);
                            view! {
                                <section aria-labelledby="register-title" class="card">
                                    <h1 id="register-title">{lang.t(Msg::CoordRegisterTitle)}</h1>
                                    <p class="intro">{lang.t(Msg::CoordRegisterIntro)}</p>
                                    {whole.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
                                    {invalid.then(|| view! { <div class="alert alert-error" role="alert">{lang.t(Msg::FormHasErrors)}</div> })}
                                    <form method="post" action="/koordinator/peserta" class="stack narrow" id="participant-form" novalidate>
                                        <TextField field=Field::FullName label=Msg::FieldFullName value=form.full_name errors required=true autocomplete="off" maxlength=200 />
                                        <TextField field=Field::Phone label=Msg::FieldPhone value=form.phone errors kind="tel" inputmode="tel" hint=Msg::HintPhone required=true autocomplete="off" maxlength=32 />
                                        <TextField field=Field::Nik label=Msg::FieldNik value=form.nik errors inputmode="numeric" hint=Msg::HintNik autocomplete="off" maxlength=24 />
                                        <SelectField field=Field::Region label=Msg::FieldRegion options=regions selected=region errors placeholder=true />
                                        <p class="actions">
                                            <button type="submit" class="primary">{lang.t(Msg::RegisterAndIssue)}</button>
                                        </p>
                                    </form>
                                </section>
                                <section aria-labelledby="mine-title">
                                    <h2 id="mine-title">{lang.t(Msg::CoordTitle)}</h2>
                                    {if home.participants.is_empty() {
                                        view! { <p class="empty">{lang.t(Msg::CoordEmpty)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="people">
                                                {home.participants.into_iter().map(|p| participant_row(p, lang)).collect_view()}
                                            </ul>
                                        }
                                        .into_any()
                                    }}
                                </section>
                            }
                            .into_any()
                        }
                        Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn participant_row(p: ParticipantRow, lang: Lang) -> impl IntoView {
    let when = Zone::Wib.format_long(p.registered_at, lang);
    let details = [p.phone, p.nik_masked.map(|n| format!("NIK {n}")), p.region]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <li class="person" id=format!("peserta-{}", p.id)>
            <span class="person-name">{p.full_name}</span>
            <span class="muted">{details}</span>
            <span class="muted small">{lang.t(Msg::ColRegistered)}": "{when}</span>
            <form method="post" action=format!("/koordinator/peserta/{}/kode-baru", p.id) class="inline">
                <button type="submit" class="secondary small" title=lang.t(Msg::HintNewCode)>{lang.t(Msg::NewCode)}</button>
            </form>
        </li>
    }
}

/// `/koordinator/kartu`: the card for a code just issued (the server puts it in the context of
/// the response to the form). Opened any other way, it explains that codes are shown once.
#[component]
pub fn CodeCardPage() -> impl IntoView {
    let lang = use_lang();
    let issued = use_context::<IssuedCode>();
    view! {
        <Title text=lang.t(Msg::CardTitle) />
        {match issued {
            Some(c) => view! {
                <div class="no-print">
                    <h1>{lang.t(Msg::CardTitle)}</h1>
                    <p class="intro">{lang.t(Msg::CardIntro)}</p>
                </div>
                <article class="code-card" aria-label=lang.t(Msg::CardTitle)>
                    <p class="card-brand">{lang.t(Msg::AppName)}" · "{lang.t(Msg::AppTagline)}</p>
                    <h2 class="card-name">{c.full_name}</h2>
                    {c.region.map(|r| view! { <p class="muted">{r}</p> })}
                    <div class="qr" inner_html=c.qr_svg></div>
                    <p class="card-code-label">{lang.t(Msg::FieldCode)}</p>
                    <p class="card-code" data-code=c.code.clone()>{c.code.clone()}</p>
                    <p class="small">{lang.t(Msg::CardHowTo)}</p>
                    <p class="small"><strong>{lang.t(Msg::CardKeepPrivate)}</strong></p>
                    <p class="small muted card-link">{c.link}</p>
                </article>
                <p class="actions no-print">
                    <PrintButton label=lang.t(Msg::Print).to_string() />
                    " "
                    <a href="/koordinator">{lang.t(Msg::BackToParticipants)}</a>
                </p>
            }
            .into_any(),
            None => view! {
                <h1>{lang.t(Msg::CardTitle)}</h1>
                <p>{lang.t(Msg::CardGone)}</p>
                <p><a href="/koordinator">{lang.t(Msg::BackToParticipants)}</a></p>
            }
            .into_any(),
        }}
    }
}

/// An island: the print button (inline handlers are blocked by the page's CSP). Before hydration
/// it is disabled; the browser's own print still works.
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <button
            type="button"
            class="primary"
            disabled=move || !ready.get()
            on:click=move |_| {
                let _ = window().print();
            }
        >
            {label}
        </button>
    }
}
