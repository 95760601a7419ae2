//! Logging in by email and password. Works before hydration like every form.

use bimtek::domain::{Field, FieldErrors};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{EnhancedForm, FormAlert, TextField};
use crate::i18n::use_lang;

use crate::server_fns::Submitted;
use crate::server_fns::auth::{Login, LoginForm, LoginLinkForm};
use crate::server_fns::people::CodeLoginForm;

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    // After a failed plain post the server puts what was typed (never the password) here.
    let sub = use_context::<Submitted<LoginForm>>().unwrap_or_else(|| Submitted {
        form: LoginForm {
            next: use_query_map()
                .read_untracked()
                .get("next")
                .unwrap_or_default(),
            ..Default::default()
        },
        ..Default::default()
    });
    let link_sub = use_context::<Submitted<LoginLinkForm>>();
    let code_sub = use_context::<Submitted<CodeLoginForm>>();
    let link_sent = use_query_map().read_untracked().get("tautan").as_deref() == Some("terkirim");
    view! {
        <Title text=lang.t(Msg::LoginTitle) />
        <h1>{lang.t(Msg::LoginTitle)}</h1>
        <p class="intro">{lang.t(Msg::LoginIntro)}</p>
        <LoginFormView sub lang />
        <p>
            <a href="/masuk/lupa">{lang.t(Msg::ForgotPassword)}</a>
        </p>
        <LoginLinkRequest sub=link_sub sent=link_sent />
        <CodeLogin sub=code_sub />
    }
}

/// "Log in with a personal code", for participants without email: a plain form.
#[component]
fn CodeLogin(sub: Option<Submitted<CodeLoginForm>>) -> impl IntoView {
    let lang = use_lang();
    let (code, errors, error) = match sub {
        Some(s) => (s.form.code, s.errors, s.error),
        None => (String::new(), FieldErrors::default(), None),
    };
    let whole = error
        .filter(|e| !matches!(e, crate::error::AppError::Invalid(_)))
        .map(|e| e.message(lang));
    view! {
        <section class="login-link" aria-labelledby="code-login-title" id="kode">
            <h2 id="code-login-title">{lang.t(Msg::CodeLoginTitle)}</h2>
            <p class="intro">{lang.t(Msg::CodeLoginIntro)}</p>
            {whole.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            <form method="post" action="/masuk/kode" class="stack narrow" id="code-form" novalidate>
                <TextField field=Field::Code label=Msg::FieldCode value=code errors=Signal::stored(errors) hint=Msg::HintCode autocomplete="off" required=true maxlength=20 form="-code" />
                <p class="actions">
                    <button type="submit" class="secondary">{lang.t(Msg::CodeLoginButton)}</button>
                </p>
            </form>
        </section>
    }
}

/// `/k/:code`, the link in a card's QR code: one button that logs in with the code (a GET never
/// logs anyone in).
#[component]
pub fn CodeLinkPage() -> impl IntoView {
    let lang = use_lang();
    let code = leptos_router::hooks::use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    view! {
        <Title text=lang.t(Msg::CodeLoginTitle) />
        <h1>{lang.t(Msg::CodeLoginTitle)}</h1>
        <p class="intro">{lang.t(Msg::CodeConfirmIntro)}</p>
        <form method="post" action="/masuk/kode" class="stack narrow" id="code-link-form">
            <input type="hidden" name="code" value=code />
            <p class="actions">
                <button type="submit" class="primary big">{lang.t(Msg::LoginButton)}</button>
            </p>
        </form>
    }
}

/// "Send me a login link": a plain form (no wasm needed), answered by the server.
#[component]
fn LoginLinkRequest(sub: Option<Submitted<LoginLinkForm>>, sent: bool) -> impl IntoView {
    let lang = use_lang();
    let (email, errors, error) = match sub {
        Some(s) => (s.form.email, s.errors, s.error),
        None => (String::new(), FieldErrors::default(), None),
    };
    let whole = error
        .filter(|e| !matches!(e, crate::error::AppError::Invalid(_)))
        .map(|e| e.message(lang));
    view! {
        <section class="login-link" aria-labelledby="login-link-title">
            <h2 id="login-link-title">{lang.t(Msg::LoginLinkTitle)}</h2>
            <p class="intro">{lang.t(Msg::LoginLinkIntro)}</p>
            {sent.then(|| view! { <div class="alert alert-ok" role="status">{lang.t(Msg::LoginLinkSent)}</div> })}
            {whole.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            <form method="post" action="/masuk/tautan-baru" class="stack narrow" novalidate>
                <TextField field=Field::Email label=Msg::FieldEmail value=email errors=Signal::stored(errors) kind="email" autocomplete="email" required=true form="-link" />
                <p class="actions">
                    <button type="submit" class="secondary">{lang.t(Msg::SendLoginLink)}</button>
                </p>
            </form>
        </section>
    }
}

/// An island: the login form, submitted by fetch once hydrated.
#[island]
fn LoginFormView(sub: Submitted<LoginForm>, lang: Lang) -> impl IntoView {
    provide_context(lang);
    let action = ServerAction::<Login>::new();
    // After a login by fetch, load the next page in full so the header shows who is logged in.
    Effect::new(move |_| {
        if let Some(Ok(next)) = action.value().get() {
            let _ = window().location().set_href(&next);
        }
    });
    let Submitted {
        form,
        errors: first_errors,
        error: first_error,
    } = sub;
    let errors = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => e.field_errors(),
        Some(Ok(_)) => FieldErrors::default(),
        None => first_errors.clone(),
    });
    let alert = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e.message(lang)),
        Some(Ok(_)) => None,
        None => first_error.as_ref().map(|e| e.message(lang)),
    });
    view! {
        <FormAlert message=alert />
        <EnhancedForm action path="/masuk" class="stack narrow" id="login-form">
            <input type="hidden" name="next" value=form.next />
            <TextField field=Field::Email label=Msg::FieldEmail value=form.email errors kind="email" autocomplete="username" required=true />
            <TextField field=Field::Password label=Msg::FieldPassword value="" errors kind="password" autocomplete="current-password" required=true />
            <p class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {lang.t(Msg::LoginButton)}
                </button>
            </p>
        </EnhancedForm>
    }
}
