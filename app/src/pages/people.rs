//! Admin: people and their roles. Plain forms (a page reload on a laptop costs nothing); every
//! change is checked on the server and written to the audit log with before and after.

use bimtek::domain::Role;
use bimtek::domain::directory::{GrantForm, PersonDetail, PersonRow};
use bimtek::domain::{Field, FieldErrors};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::SelectField;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::people::{get_person, list_people};

pub fn role_label(lang: Lang, r: Role) -> &'static str {
    lang.t(match r {
        Role::Admin => Msg::RoleAdmin,
        Role::Organiser => Msg::RoleOrganiser,
        Role::Mentor => Msg::RoleMentor,
        Role::Coordinator => Msg::RoleCoordinator,
        Role::Participant => Msg::RoleParticipant,
    })
}

/// `/admin/orang?q=…&hal=…`
#[component]
pub fn PeopleListPage() -> impl IntoView {
    let lang = use_lang();
    let q = use_query_map().read_untracked();
    let query = q.get("q").unwrap_or_default();
    let page = q
        .get("hal")
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(0);
    let data = Resource::new(
        move || (query.clone(), page),
        |(query, page)| list_people(query, page),
    );
    view! {
        <Title text=lang.t(Msg::PeopleTitle) />
        <h1>{lang.t(Msg::PeopleTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => {
                        let more = p.has_more;
                        let (page, query) = (p.page, p.query.clone());
                        let href = move |n: u64| {
                            format!("/admin/orang?q={}&hal={n}", crate::components::layout::urlencode(&query))
                        };
                        view! {
                            <form method="get" action="/admin/orang" class="search" role="search">
                                <label for="q" class="visually-hidden">{lang.t(Msg::PeopleSearch)}</label>
                                <input id="q" name="q" type="search" value=p.query.clone() placeholder=lang.t(Msg::PeopleSearch) maxlength="100" />
                                <button type="submit" class="secondary">{lang.t(Msg::SearchButton)}</button>
                            </form>
                            {if p.rows.is_empty() {
                                view! { <p class="empty">{lang.t(Msg::PeopleEmpty)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="people">
                                        {p.rows.into_iter().map(|r| person_row(r, lang)).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                            <nav class="pager" aria-label="Halaman">
                                {(page > 0).then(|| view! { <a href=href(page - 1)>{lang.t(Msg::Newer)}</a> })}
                                {more.then(|| view! { <a href=href(page + 1)>{lang.t(Msg::Older)}</a> })}
                            </nav>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn person_row(r: PersonRow, lang: Lang) -> impl IntoView {
    view! {
        <li class="person">
            <a href=format!("/admin/orang/{}", r.id) class="person-name">{r.full_name}</a>
            <span class="muted">
                {r.email.unwrap_or_else(|| lang.t(Msg::NoEmail).to_string())}
                {r.region.map(|g| format!(" · {g}"))}
            </span>
            <span class="roles">
                {r.roles.into_iter().map(|role| view! { <span class="badge">{role_label(lang, role)}</span> }).collect_view()}
            </span>
        </li>
    }
}

/// `/admin/orang/:id`
#[component]
pub fn PersonPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|i| i.parse::<i64>().ok())
        .unwrap_or(0);
    let data = Resource::new(move || id, get_person);
    let sub = use_context::<Submitted<GrantForm>>();
    let changed = use_query_map().read_untracked().get("diubah").is_some();
    view! {
        <p><a href="/admin/orang">"← "{lang.t(Msg::BackToPeople)}</a></p>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(p) => person_view(p, sub, changed, lang).into_any(),
                        Err(e) => view! {
                            <Title text=lang.t(Msg::PeopleTitle) />
                            <div class="alert alert-error" role="alert">{e.message(lang)}</div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn person_view(
    p: PersonDetail,
    sub: Option<Submitted<GrantForm>>,
    changed: bool,
    lang: Lang,
) -> impl IntoView {
    let id = p.id;
    let (form, errors, error) = match sub {
        Some(s) => (s.form, s.errors, s.error),
        None => (GrantForm::default(), FieldErrors::default(), None),
    };
    // A failed revoke has no field of its own: its message shows at the top.
    let whole = error.map(|e| match e.field_errors().get(Field::Role) {
        Some(pr) => bimtek::i18n::problem(lang, pr),
        None => e.message(lang),
    });
    let ways = {
        let mut w = vec![];
        if p.has_password {
            w.push(lang.t(Msg::WayPassword));
        }
        if p.email.is_some() {
            w.push(lang.t(Msg::WayEmailLink));
        }
        if p.has_code {
            w.push(lang.t(Msg::WayCode));
        }
        if w.is_empty() {
            w.push(lang.t(Msg::WayNone));
        }
        w.join(", ")
    };
    let role_options: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_string(), role_label(lang, *r).to_string()))
        .collect();
    let mut programmes = vec![(String::new(), lang.t(Msg::AllProgrammes).to_string())];
    programmes.extend(
        p.programmes
            .iter()
            .map(|c| (c.id.to_string(), c.label.clone())),
    );
    let mut regions = vec![(String::new(), lang.t(Msg::AllRegions).to_string())];
    regions.extend(
        p.regions
            .iter()
            .map(|c| (c.id.to_string(), c.label.clone())),
    );
    let errors = Signal::stored(errors);
    let all = lang.t(Msg::ScopeAll);
    view! {
        <Title text=p.full_name.clone() />
        <h1>{p.full_name.clone()}</h1>
        {changed.then(|| view! { <div class="alert alert-ok" role="status">{lang.t(Msg::RolesUpdated)}</div> })}
        {whole.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        <section aria-labelledby="contact-title">
            <h2 id="contact-title">{lang.t(Msg::PersonContact)}</h2>
            <dl class="facts">
                <div><dt>{lang.t(Msg::FieldEmail)}</dt><dd>{p.email.unwrap_or_else(|| lang.t(Msg::NoEmail).to_string())}</dd></div>
                {p.phone.map(|v| view! { <div><dt>{lang.t(Msg::ColPhone)}</dt><dd>{v}</dd></div> })}
                {p.nik.map(|v| view! { <div><dt>{lang.t(Msg::ColNik)}</dt><dd>{v}</dd></div> })}
                {p.region.map(|v| view! { <div><dt>{lang.t(Msg::FieldRegion)}</dt><dd>{v}</dd></div> })}
                {p.registered_by.map(|v| view! { <div><dt>{lang.t(Msg::PersonRegisteredBy)}</dt><dd>{v}</dd></div> })}
                <div><dt>{lang.t(Msg::PersonLoginWays)}</dt><dd>{ways}</dd></div>
            </dl>
        </section>
        <section aria-labelledby="roles-title">
            <h2 id="roles-title">{lang.t(Msg::ColRoles)}</h2>
            <ul class="grants">
                {p.grants.into_iter().map(|g| {
                    let scope = format!(
                        "{}: {} · {}: {}",
                        lang.t(Msg::FieldProgramme),
                        g.programme.unwrap_or_else(|| all.to_string()),
                        lang.t(Msg::FieldRegion),
                        g.region.unwrap_or_else(|| all.to_string()),
                    );
                    view! {
                        <li class="grant">
                            <span class="badge">{role_label(lang, g.role)}</span>
                            <span class="muted">{scope}</span>
                            <form method="post" action=format!("/admin/orang/{id}/peran/{}/hapus", g.id) class="inline">
                                <button type="submit" class="link danger">{lang.t(Msg::RemoveRole)}</button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3>{lang.t(Msg::AddRole)}</h3>
            <form method="post" action=format!("/admin/orang/{id}/peran") class="stack narrow" id="grant-form" novalidate>
                <SelectField field=Field::Role label=Msg::FieldRole options=role_options selected=form.role errors placeholder=true />
                <SelectField field=Field::Programme label=Msg::FieldProgramme options=programmes selected=form.programme_id errors />
                <SelectField field=Field::Region label=Msg::FieldRegion options=regions selected=form.region_id errors />
                <p class="actions">
                    <button type="submit" class="primary">{lang.t(Msg::AddRole)}</button>
                </p>
            </form>
        </section>
    }
}
