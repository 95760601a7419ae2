//! Forgot password: ask for a reset link, then set a new password on the page it opens. Plain
//! forms, answered by the server; they need no wasm.

use bimtek::domain::{Field, FieldErrors};
use bimtek::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::{FormAlert, TextField};
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::auth::{LoginLinkForm, NewPasswordForm};

fn whole_message(error: Option<AppError>) -> Signal<Option<String>> {
    let lang = use_lang();
    Signal::stored(error.map(|e| e.message(lang)))
}

#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let lang = use_lang();
    let sent = use_query_map().read_untracked().get("terkirim").is_some();
    let sub = use_context::<Submitted<LoginLinkForm>>().unwrap_or_default();
    view! {
        <Title text=lang.t(Msg::ResetRequestTitle) />
        <h1>{lang.t(Msg::ResetRequestTitle)}</h1>
        <p class="intro">{lang.t(Msg::ResetRequestIntro)}</p>
        {sent.then(|| view! { <div class="alert alert-ok" role="status">{lang.t(Msg::ResetLinkSent)}</div> })}
        <FormAlert message=whole_message(sub.error) />
        <form method="post" action="/masuk/lupa" class="stack narrow" novalidate>
            <TextField field=Field::Email label=Msg::FieldEmail value=sub.form.email errors=Signal::stored(sub.errors) kind="email" autocomplete="email" required=true />
            <p class="actions">
                <button type="submit" class="primary">{lang.t(Msg::SendResetLink)}</button>
            </p>
        </form>
    }
}

#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let (errors, error) = match use_context::<Submitted<NewPasswordForm>>() {
        Some(s) => (s.errors, s.error),
        None => (FieldErrors::default(), None),
    };
    let errors = Signal::stored(errors);
    view! {
        <Title text=lang.t(Msg::NewPasswordTitle) />
        <h1>{lang.t(Msg::NewPasswordTitle)}</h1>
        <FormAlert message=whole_message(error) />
        <form method="post" action="/masuk/sandi-baru" class="stack narrow" novalidate>
            <input type="hidden" name="token" value=token />
            <TextField field=Field::Password label=Msg::FieldNewPassword value="" errors kind="password" autocomplete="new-password" hint=Msg::HintPassword required=true />
            <TextField field=Field::PasswordConfirm label=Msg::FieldPasswordConfirm value="" errors kind="password" autocomplete="new-password" required=true />
            <p class="actions">
                <button type="submit" class="primary">{lang.t(Msg::SavePassword)}</button>
            </p>
        </form>
    }
}
