//! The page a login link opens: one button that spends the link (a POST, so mail scanners that
//! open links do not use it up).

use bimtek::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::i18n::use_lang;

#[component]
pub fn LoginLinkPage() -> impl IntoView {
    let lang = use_lang();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    view! {
        <Title text=lang.t(Msg::ConfirmLoginTitle) />
        <h1>{lang.t(Msg::ConfirmLoginTitle)}</h1>
        <p class="intro">{lang.t(Msg::ConfirmLoginIntro)}</p>
        <form method="post" action="/masuk/tautan" class="stack narrow">
            <input type="hidden" name="token" value=token />
            <p class="actions">
                <button type="submit" class="primary">{lang.t(Msg::LoginButton)}</button>
            </p>
        </form>
    }
}
