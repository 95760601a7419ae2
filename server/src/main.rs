//! `bimtek`: one binary for every job. Configuration comes from environment variables (see the
//! README); the defaults run on a laptop with a SQLite file under `./data`.

use std::process::ExitCode;

use bimtek::config::Config;
use bimtek::services::Services;
use bimtek_server::run;
use clap::{Parser, Subcommand};
use migrations::{Migrator, MigratorTrait};

#[derive(Parser)]
#[command(
    name = "bimtek",
    version,
    about = "Bimtek: bimbingan teknis KPM PKH Graduasi"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (and run the mail worker unless BIMTEK_MAIL_WORKER=off).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Add demo data (regions, programmes, one account per role, sessions) unless present.
    SeedDemo,
    /// Deliver queued email without serving the web app.
    Send {
        /// Deliver what is due now, then exit.
        #[arg(long)]
        once: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sea_orm=warn,sea_orm_migration=warn,sqlx=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    match run_command(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bimtek: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run_command(cmd: Command) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let db = bimtek::store::connect(&config.database_url).await?;
    match cmd {
        Command::Migrate => {
            Migrator::up(&db, None).await?;
            println!("migrations applied ({})", bimtek::store::backend_name(&db));
        }
        Command::SeedDemo => {
            let wrote = bimtek::seed::seed_demo(&db, chrono::Utc::now()).await?;
            println!(
                "{}",
                if wrote {
                    "demo data added"
                } else {
                    "demo data already present"
                }
            );
            println!(
                "\nDev accounts (password for all: {}):",
                bimtek::seed::DEMO_PASSWORD
            );
            for a in &bimtek::seed::DEMO_ACCOUNTS {
                println!("  {:<12} {}", a.role.as_str(), a.email);
            }
            println!(
                "  {:<12} personal code {} ({})",
                "participant",
                bimtek::seed::DEMO_CODE,
                bimtek::seed::DEMO_CODE_NAME
            );
        }
        Command::Serve => {
            let services = Services::new(db, config.base_url.clone());
            let running = run::start(config.clone(), services).await?;
            println!(
                "Bimtek is serving at http://{} (base URL {})",
                running.addr, config.base_url
            );
            running.until_signal().await;
        }
        Command::Send { once } => {
            let services = Services::new(db, config.base_url.clone());
            let worker = run::mail_worker(&config, &services)?;
            if once {
                let total = worker.drain().await?;
                println!("delivered or rescheduled {total} message(s)");
            } else {
                worker.run(run::shutdown_signal()).await;
            }
        }
    }
    Ok(())
}
