//! SMTP connections, from configuration, kept open and reused between messages.
//!
//! The worker drives each message through lettre's low-level connection itself (MAIL, RCPT,
//! DATA, then the content) instead of `AsyncSmtpTransport::send`, because it must record in the
//! database the moment the message is handed over: after the server has said "go ahead" to DATA
//! and before the content and its final dot are written (see `worker`). lettre still does the
//! protocol: commands, TLS, authentication, dot-stuffing and reply parsing.

use std::sync::Mutex;
use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use lettre::transport::smtp::response::Response;

use crate::config::{SmtpConfig, SmtpTls};

pub use lettre::transport::smtp::Error;

/// How long one SMTP command may take before the connection is given up.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Idle connections kept for reuse.
const MAX_IDLE: usize = 16;

/// Opens SMTP connections and keeps idle ones for the next message.
pub struct Transport {
    cfg: SmtpConfig,
    hello: ClientId,
    idle: Mutex<Vec<Conn>>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("host", &self.cfg.host)
            .field("port", &self.cfg.port)
            .finish_non_exhaustive()
    }
}

/// A connection taken from the pool; give it back with [`Transport::put`] once a message went
/// through, or drop it after an error.
pub struct Conn(AsyncSmtpConnection);

impl Transport {
    pub fn new(cfg: &SmtpConfig) -> Self {
        Self {
            cfg: cfg.clone(),
            hello: ClientId::default(),
            idle: Mutex::new(Vec::new()),
        }
    }

    fn tls(&self) -> Result<TlsParameters, Error> {
        TlsParameters::new(self.cfg.host.clone())
    }

    async fn connect(&self) -> Result<Conn, Error> {
        let addr = (self.cfg.host.as_str(), self.cfg.port);
        let mut c = match self.cfg.tls {
            SmtpTls::Tls => {
                AsyncSmtpConnection::connect_tokio1(
                    addr,
                    Some(TIMEOUT),
                    &self.hello,
                    Some(self.tls()?),
                    None,
                )
                .await?
            }
            // Our own TCP stream, with Nagle's algorithm off: each message is a few small
            // writes, and waiting for the server's delayed ACK cost ~40 ms per message.
            // When our own connect fails, lettre's does the same and reports it in its own
            // error type (which has no public constructor).
            SmtpTls::None | SmtpTls::StartTls => {
                match tokio::time::timeout(TIMEOUT, tokio::net::TcpStream::connect(addr)).await {
                    Ok(Ok(tcp)) if tcp.set_nodelay(true).is_ok() => {
                        AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello)
                            .await?
                    }
                    _ => {
                        AsyncSmtpConnection::connect_tokio1(
                            addr,
                            Some(TIMEOUT),
                            &self.hello,
                            None,
                            None,
                        )
                        .await?
                    }
                }
            }
        };
        if self.cfg.tls == SmtpTls::StartTls {
            c.starttls(self.tls()?, &self.hello).await?;
        }
        if let (Some(user), Some(password)) = (&self.cfg.user, &self.cfg.password) {
            c.auth(
                &[Mechanism::Plain, Mechanism::Login],
                &Credentials::new(user.clone(), password.clone()),
            )
            .await?;
        }
        Ok(Conn(c))
    }

    /// An idle connection, or a new one.
    pub async fn take(&self) -> Result<Conn, Error> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(c) => Ok(c),
            None => self.connect().await,
        }
    }

    pub fn put(&self, conn: Conn) {
        if conn.0.has_broken() {
            return;
        }
        if let Ok(mut v) = self.idle.lock()
            && v.len() < MAX_IDLE
        {
            v.push(conn);
        }
    }

    /// Whether the server answers at all (for `bimtek send --check` and start-up logs).
    pub async fn check(&self) -> Result<(), Error> {
        let mut c = self.connect().await?;
        c.0.quit().await.map(|_| ())
    }
}

impl Conn {
    /// MAIL FROM, RCPT TO and DATA: after this returns, the server waits for the content, and
    /// nothing has been delivered yet (a connection dropped now makes the server discard it).
    pub async fn open_data(&mut self, envelope: &Envelope, content: &[u8]) -> Result<(), Error> {
        let mut options = vec![];
        let non_ascii = envelope
            .from()
            .into_iter()
            .chain(envelope.to())
            .any(|a: &lettre::Address| !AsRef::<str>::as_ref(a).is_ascii());
        if non_ascii {
            options.push(MailParameter::SmtpUtfEight);
        }
        if !content.is_ascii()
            && self
                .0
                .server_info()
                .supports_feature(Extension::EightBitMime)
        {
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        self.0
            .command(Mail::new(envelope.from().cloned(), options))
            .await?;
        for to in envelope.to() {
            self.0.command(Rcpt::new(to.clone(), vec![])).await?;
        }
        self.0.command(Data).await?;
        Ok(())
    }

    /// Writes the content and the final dot, and reads the server's verdict.
    pub async fn finish_data(&mut self, content: &[u8]) -> Result<Response, Error> {
        self.0.message(content).await
    }
}
