//! Bimtek core.
//!
//! `domain` and `i18n` are pure (no IO, no async) and compile for wasm too, so the UI and the server
//! share one set of rules and words. Everything that touches the database, mail or the network sits
//! behind the `server` feature.

pub mod domain;
pub mod i18n;
pub mod text;

#[cfg(feature = "server")]
pub mod auth;
#[cfg(feature = "server")]
pub mod config;
#[cfg(feature = "server")]
pub mod mail;
#[cfg(feature = "server")]
pub mod seed;
#[cfg(feature = "server")]
pub mod services;
#[cfg(feature = "server")]
pub mod store;
