//! Starting and stopping: the HTTP server, the mail worker and the expired-session sweeper share
//! one shutdown signal, so Ctrl+C or SIGTERM finishes in-flight work and exits cleanly.

use std::net::SocketAddr;
use std::time::Duration;

use bimtek::auth::session_store::SeaOrmStore;
use bimtek::config::Config;
use bimtek::mail::transport::Transport;
use bimtek::mail::worker::{Tuning, Worker};
use bimtek::services::Services;
use leptos::config::{Env, LeptosOptions};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_sessions::ExpiredDeletion;

use crate::{AppState, router};

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("mail: {0}")]
    Mail(String),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

pub fn leptos_options(config: &Config, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(config.output_name.as_str())
        .site_root(config.site_root.as_str())
        .site_pkg_dir(config.site_pkg_dir.as_str())
        .site_addr(addr)
        .env(Env::PROD)
        .build()
}

/// A running server: its address and services, and the handle to stop it.
pub struct Running {
    pub addr: SocketAddr,
    pub services: Services,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    /// Signals shutdown and waits for the server and its workers to finish.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }

    /// Waits until the process is asked to stop (Ctrl+C, SIGTERM), then stops.
    pub async fn until_signal(self) {
        shutdown_signal().await;
        tracing::info!("shutting down");
        self.stop().await;
    }
}

/// Binds (port 0 picks a free one), starts the server and, if configured, the mail worker.
pub async fn start(config: Config, services: Services) -> Result<Running, RunError> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| RunError::Bind {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr()?;
    let state = AppState {
        leptos: leptos_options(&config, addr),
        services: services.clone(),
        config: config.clone(),
    };
    let app = router::build(state);
    let (stop, stopped) = watch::channel(false);
    let wait = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };

    let mut tasks = Vec::new();
    let server_stop = wait(stopped.clone());
    tasks.push(tokio::spawn(async move {
        let app = app.into_make_service_with_connect_info::<SocketAddr>();
        // Without TCP_NODELAY a response written in several pieces (static files are streamed)
        // waits for the client's delayed ACK: ~40 ms per request (measured, docs/PERFORMANCE.md).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "TCP_NODELAY not set");
            }
        });
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(server_stop)
            .await
        {
            tracing::error!(error = %e, "server stopped with an error");
        }
    }));

    if config.mail_worker {
        let worker = mail_worker(&config, &services)?;
        tasks.push(tokio::spawn(worker.run(wait(stopped.clone()))));
    }

    let sweeper = SeaOrmStore::new(services.db.clone());
    let limits = services.login_limits.clone();
    let sweep_stop = wait(stopped.clone());
    tasks.push(tokio::spawn(async move {
        tokio::pin!(sweep_stop);
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tokio::select! {
                _ = every.tick() => {
                    limits.forget_old();
                    if let Err(e) = sweeper.delete_expired().await {
                        tracing::warn!(error = %e, "could not delete expired login sessions");
                    }
                }
                _ = &mut sweep_stop => break,
            }
        }
    }));

    Ok(Running {
        addr,
        services,
        stop,
        tasks,
    })
}

/// The mail worker, with tuning from `BIMTEK_MAIL_*` and the reminder sweep before each pass.
pub fn mail_worker(config: &Config, services: &Services) -> Result<Worker, RunError> {
    let svc = services.clone();
    let worker = Worker::new(
        services.db.clone(),
        Transport::new(&config.smtp),
        &config.smtp.from,
        services.mail_wakeup.clone(),
    )
    .map_err(|e| RunError::Mail(e.to_string()))?
    .with_tuning(Tuning::from_env())
    .before_each_pass(move || {
        let svc = svc.clone();
        Box::pin(async move {
            bimtek::services::reminders::enqueue_due(&svc, chrono::Utc::now())
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    });
    Ok(worker)
}

pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
