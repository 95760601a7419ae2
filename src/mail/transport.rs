//! The SMTP transport, from configuration. lettre keeps a pool of connections, so a burst of mail
//! does not open one connection per message.

use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, Tokio1Executor};

use crate::config::{SmtpConfig, SmtpTls};

pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

pub fn build(cfg: &SmtpConfig) -> Result<Transport, lettre::transport::smtp::Error> {
    let builder = match cfg.tls {
        SmtpTls::None => Transport::builder_dangerous(&cfg.host),
        SmtpTls::StartTls => Transport::starttls_relay(&cfg.host)?,
        SmtpTls::Tls => Transport::relay(&cfg.host)?,
    };
    let mut builder = builder
        .port(cfg.port)
        .timeout(Some(Duration::from_secs(20)));
    if let (Some(user), Some(password)) = (&cfg.user, &cfg.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}
