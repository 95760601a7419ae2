//! Configuration from environment variables, with defaults that run on a laptop: a SQLite file
//! under `./data` and a local SMTP server on port 1025 (the run command starts one with a viewer).

use std::net::SocketAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP, for a local server or viewer.
    None,
    /// STARTTLS on the submission port (587).
    StartTls,
    /// Implicit TLS (465).
    Tls,
}

#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    pub password: Option<String>,
    pub tls: SmtpTls,
    /// `Name <address>` of the sender.
    pub from: String,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("tls", &self.tls)
            .field("from", &self.from)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    /// Public URL of the app, used in emails and to decide on `Secure` cookies.
    pub base_url: String,
    pub smtp: SmtpConfig,
    /// Where `cargo leptos build` put the site (`pkg/` with wasm, js, css).
    pub site_root: String,
    pub site_pkg_dir: String,
    pub output_name: String,
    /// Run the mail worker inside `serve`.
    pub mail_worker: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (for rate limits per client).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{var}: {problem}")]
    Invalid { var: &'static str, problem: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let addr_raw = var("BIMTEK_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr: SocketAddr = addr_raw.parse().map_err(|e| ConfigError::Invalid {
            var: "BIMTEK_ADDR",
            problem: format!("{addr_raw:?} is not host:port ({e})"),
        })?;
        let port_raw = var("SMTP_PORT").unwrap_or_else(|| "1025".into());
        let port = port_raw.parse().map_err(|_| ConfigError::Invalid {
            var: "SMTP_PORT",
            problem: format!("{port_raw:?} is not a port number"),
        })?;
        let tls = match var("SMTP_TLS").as_deref().unwrap_or("none") {
            "none" => SmtpTls::None,
            "starttls" => SmtpTls::StartTls,
            "tls" => SmtpTls::Tls,
            other => {
                return Err(ConfigError::Invalid {
                    var: "SMTP_TLS",
                    problem: format!("{other:?}: use none, starttls or tls"),
                });
            }
        };
        let base_url = var("BIMTEK_BASE_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        Ok(Config {
            database_url: var("DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/bimtek.db?mode=rwc".into()),
            addr,
            base_url,
            smtp: SmtpConfig {
                host: var("SMTP_HOST").unwrap_or_else(|| "127.0.0.1".into()),
                port,
                user: var("SMTP_USER"),
                password: var("SMTP_PASSWORD"),
                tls,
                from: var("MAIL_FROM")
                    .unwrap_or_else(|| "Bimtek Kemensos <no-reply@bimtek.localhost>".into()),
            },
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            site_pkg_dir: var("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()),
            output_name: var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| "bimtek".into()),
            mail_worker: var("BIMTEK_MAIL_WORKER").as_deref() != Some("off"),
            trusted_proxies: match var("BIMTEK_TRUSTED_PROXIES") {
                None => Vec::new(),
                Some(list) => list
                    .split(',')
                    .map(|s| {
                        s.trim().parse().map_err(|_| ConfigError::Invalid {
                            var: "BIMTEK_TRUSTED_PROXIES",
                            problem: format!("{:?} is not an IP address", s.trim()),
                        })
                    })
                    .collect::<Result<_, _>>()?,
            },
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}
