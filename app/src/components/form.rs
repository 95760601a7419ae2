//! Form building blocks: a form that posts without JavaScript and uses its server function once
//! hydrated, and fields that show one message per field in the reader's language.

use bimtek::domain::{Field, FieldErrors};
use bimtek::i18n::{Lang, Msg, problem};
use leptos::ev::SubmitEvent;
use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

use crate::i18n::use_lang;

/// `<form method="post" action=path>`: without JavaScript the browser posts to `path`, which the
/// server handles and answers with the page (errors and typed values kept) or a redirect. Once
/// hydrated, submitting dispatches `action` instead and the page updates in place.
#[component]
pub fn EnhancedForm<S>(
    action: ServerAction<S>,
    #[prop(into)] path: String,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] id: String,
    children: Children,
) -> impl IntoView
where
    S: DeserializeOwned + ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let on_submit = move |ev: SubmitEvent| {
        if ev.default_prevented() {
            return;
        }
        match S::from_event(&ev) {
            Ok(input) => {
                ev.prevent_default();
                action.dispatch(input);
            }
            // Could not read the form in the browser: let it post the plain way.
            Err(e) => leptos::logging::warn!("form falls back to a plain post: {e:?}"),
        }
    };
    view! {
        // `novalidate`: the server's per-field messages, in the reader's language, are the ones
        // shown; the browser's own bubbles would be in its language and stop the post.
        <form method="post" action=path class=class id=id novalidate on:submit=on_submit>
            {children()}
        </form>
    }
}

fn error_text(lang: Lang, errors: &FieldErrors, field: Field) -> Option<String> {
    errors.get(field).map(|p| problem(lang, p))
}

/// A labelled `<input>` with its hint and error.
#[component]
pub fn TextField(
    field: Field,
    label: Msg,
    /// The value to start with (what was typed before, or a default).
    #[prop(into)]
    value: String,
    errors: Signal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] inputmode: Option<String>,
    #[prop(optional)] maxlength: Option<u32>,
    /// Distinguishes the ids when two forms on one page have the same field.
    #[prop(optional)]
    form: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let name = field.as_str();
    let id = format!("f{form}-{name}");
    let err_id = format!("e{form}-{name}");
    let hint_id = format!("h{form}-{name}");
    let error = Signal::derive(move || error_text(lang, &errors.get(), field));
    let describedby = format!(
        "{}{}",
        if hint.is_some() { hint_id.as_str() } else { "" },
        format_args!(" {err_id}")
    );
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                maxlength=maxlength
                aria-describedby=describedby.trim().to_string()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{lang.t(h)}</p> })}
            <p class="error" id=err_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A labelled `<textarea>`.
#[component]
pub fn TextArea(
    field: Field,
    label: Msg,
    #[prop(into)] value: String,
    errors: Signal<FieldErrors>,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let name = field.as_str();
    let id = format!("f-{name}");
    let err_id = format!("e-{name}");
    let error = Signal::derive(move || error_text(lang, &errors.get(), field));
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            <textarea
                id=id
                name=name
                rows="3"
                maxlength=maxlength
                aria-describedby=err_id.clone()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                // Leptos writes <textarea> children unescaped on the server: escape here.
                inner_html=bimtek::text::escape_html(&value)
            ></textarea>
            <p class="error" id=err_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A labelled `<select>`; `options` are (value, label).
#[component]
pub fn SelectField(
    field: Field,
    label: Msg,
    options: Vec<(String, String)>,
    #[prop(into)] selected: String,
    errors: Signal<FieldErrors>,
    #[prop(optional)] hint: Option<Msg>,
    /// Adds a first "— choose —" option with an empty value.
    #[prop(optional)]
    placeholder: bool,
) -> impl IntoView {
    let lang = use_lang();
    let name = field.as_str();
    let id = format!("f-{name}");
    let err_id = format!("e-{name}");
    let hint_id = format!("h-{name}");
    let error = Signal::derive(move || error_text(lang, &errors.get(), field));
    let describedby = format!(
        "{}{}",
        if hint.is_some() { hint_id.as_str() } else { "" },
        format_args!(" {err_id}")
    );
    let placeholder_selected = selected.is_empty();
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            <select
                id=id
                name=name
                aria-describedby=describedby.trim().to_string()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
            >
                {placeholder
                    .then(|| {
                        view! {
                            <option value="" selected=placeholder_selected>
                                {lang.t(Msg::ChooseOne)}
                            </option>
                        }
                    })}
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let is = v == selected;
                        view! {
                            <option value=v selected=is>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{lang.t(h)}</p> })}
            <p class="error" id=err_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The message above a form: what went wrong as a whole, or nothing.
#[component]
pub fn FormAlert(message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <div class="alert alert-error" role="alert">
                {move || message.get()}
            </div>
        </Show>
    }
}
