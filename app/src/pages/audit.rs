//! The audit log for admins: who did what, when, with the state before and after.

use bimtek::domain::{AuditEntry, Zone};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::use_lang;
use crate::server_fns::admin::list_audit;

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = use_lang();
    let page = use_query_map()
        .read_untracked()
        .get("hal")
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(0);
    let data = Resource::new(move || page, list_audit);
    view! {
        <Title text=lang.t(Msg::AuditTitle) />
        <h1>{lang.t(Msg::AuditTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) if p.entries.is_empty() => {
                        view! { <p class="empty">{lang.t(Msg::AuditEmpty)}</p> }.into_any()
                    }
                    Ok(p) => {
                        let (page, older) = (p.page, p.has_older);
                        view! {
                            <div class="table-wrap">
                                <table class="audit">
                                    <thead>
                                        <tr>
                                            <th>{lang.t(Msg::AuditWhen)}</th>
                                            <th>{lang.t(Msg::AuditWho)}</th>
                                            <th>{lang.t(Msg::AuditWhat)}</th>
                                            <th>{lang.t(Msg::AuditBefore)}" / "{lang.t(Msg::AuditAfter)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p.entries.into_iter().map(|e| view! { <Row e lang /> }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <nav class="pager" aria-label="Halaman">
                                {(page > 0).then(|| view! {
                                    <a href=format!("/admin/audit?hal={}", page - 1)>{lang.t(Msg::Newer)}</a>
                                })}
                                {older.then(|| view! {
                                    <a href=format!("/admin/audit?hal={}", page + 1)>{lang.t(Msg::Older)}</a>
                                })}
                            </nav>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Row(e: AuditEntry, lang: Lang) -> impl IntoView {
    // Admins work from Jakarta time; the label says so.
    let when = Zone::Wib.format_long(e.at, lang);
    let what = match e.entity_id {
        Some(id) => format!("{} · {} #{id}", e.action, e.entity),
        None => format!("{} · {}", e.action, e.entity),
    };
    let change = (e.before.is_some() || e.after.is_some()).then(|| {
        view! {
            <details>
                <summary>{lang.t(Msg::AuditAfter)}</summary>
                {e.before.map(|b| view! { <pre class="before">{b}</pre> })}
                {e.after.map(|a| view! { <pre class="after">{a}</pre> })}
            </details>
        }
    });
    view! {
        <tr>
            <td><time datetime=e.at.to_rfc3339()>{when}</time></td>
            <td>{e.actor.unwrap_or_else(|| "—".into())}</td>
            <td><code>{what}</code></td>
            <td>{change}</td>
        </tr>
    }
}
