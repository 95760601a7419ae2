//! A fast SMTP sink for the mail benchmarks: accepts every message, appends its Message-ID to a
//! file (one line per accepted message, written before the server says 250), and keeps nothing
//! else. maildev, the viewer used in development and tests, keeps every message in memory and
//! parses it, which would make it the bottleneck of a 400,000-message run.
//!
//!     cargo run --release -p bimtek-server --example smtp_sink -- PORT IDS_FILE
//!
//! Counting the file's lines (`sort | uniq -c`) says how many messages arrived and whether any
//! arrived twice. The file is appended to, so a sink stopped and started again (the fault
//! benchmark) keeps one record. A message whose connection breaks before its final dot is not
//! recorded, as a real server would discard it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args
        .get(1)
        .and_then(|p| p.parse().ok())
        .expect("usage: smtp_sink PORT IDS_FILE");
    let path = args.get(2).expect("usage: smtp_sink PORT IDS_FILE");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("open IDS_FILE");
    let file = Arc::new(Mutex::new(file));
    let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
    println!("smtp sink listening on 127.0.0.1:{port}, recording to {path}");
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let file = file.clone();
        tokio::spawn(async move {
            let _ = session(stream, file).await;
        });
    }
}

async fn session(stream: TcpStream, file: Arc<Mutex<std::fs::File>>) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 sink ESMTP\r\n").await?;
    let mut line = Vec::with_capacity(1024);
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let cmd = String::from_utf8_lossy(&line).to_ascii_uppercase();
        let reply: &[u8] = if cmd.starts_with("EHLO") {
            b"250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n"
        } else if cmd.starts_with("HELO")
            || cmd.starts_with("MAIL")
            || cmd.starts_with("RCPT")
            || cmd.starts_with("RSET")
            || cmd.starts_with("NOOP")
        {
            b"250 ok\r\n"
        } else if cmd.starts_with("QUIT") {
            w.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else if cmd.starts_with("DATA") {
            w.write_all(b"354 go ahead\r\n").await?;
            let Some(id) = read_data(&mut r, &mut line).await? else {
                return Ok(()); // the connection broke before the final dot: discarded
            };
            if let Ok(mut f) = file.lock() {
                f.write_all(format!("{id}\n").as_bytes())?;
            }
            b"250 queued\r\n"
        } else {
            b"502 not implemented\r\n"
        };
        w.write_all(reply).await?;
    }
}

/// Reads the content up to its final dot; returns the Message-ID (or "-" when there is none), or
/// None when the connection ended first.
async fn read_data<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
    line: &mut Vec<u8>,
) -> std::io::Result<Option<String>> {
    let mut id = None;
    let mut in_headers = true;
    loop {
        line.clear();
        if r.read_until(b'\n', line).await? == 0 {
            return Ok(None);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(id.unwrap_or_else(|| "-".to_owned())));
        }
        if in_headers {
            if line == b"\r\n" || line == b"\n" {
                in_headers = false;
            } else if line.len() > 11 && line[..11].eq_ignore_ascii_case(b"message-id:") {
                id = Some(String::from_utf8_lossy(&line[11..]).trim().to_owned());
            }
        }
    }
}
