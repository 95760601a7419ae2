//! Logging in by email and password. Works before hydration like every form.

use bimtek::domain::{Field, FieldErrors};
use bimtek::i18n::Msg;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{EnhancedForm, FormAlert, TextField};
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::auth::{Login, LoginForm};

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let posted = use_context::<Submitted<LoginForm>>();
    let submitted = Resource::new(|| (), move |_| std::future::ready(posted.clone()));
    let query = use_query_map();
    let action = ServerAction::<Login>::new();

    // After a login by fetch, load the next page in full so the header shows who is logged in.
    Effect::new(move |_| {
        if let Some(Ok(next)) = action.value().get() {
            let _ = window().location().set_href(&next);
        }
    });

    view! {
        <Title text=lang.t(Msg::LoginTitle) />
        <h1>{lang.t(Msg::LoginTitle)}</h1>
        <p class="intro">{lang.t(Msg::LoginIntro)}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let sub = submitted.await;
                let next = query.read_untracked().get("next").unwrap_or_default();
                let (form, first_errors, first_error) = match sub {
                    Some(s) => (s.form, s.errors, s.error),
                    None => (LoginForm { next, ..Default::default() }, FieldErrors::default(), None),
                };
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
            })}
        </Suspense>
    }
}
