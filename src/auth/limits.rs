//! Rate limits on login attempts, per client IP and per account, so passwords cannot be guessed
//! quickly and argon2 cannot be used to exhaust the CPU. GCRA limiters (governor) in memory: each
//! server process keeps its own counts, so N processes allow up to N times the rate.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

const fn nz(n: u32) -> NonZeroU32 {
    match NonZeroU32::new(n) {
        Some(n) => n,
        None => NonZeroU32::MIN,
    }
}

/// One client address: 60 attempts, refilled at one a second (an office behind one NAT still works).
pub const PER_IP_BURST: u32 = 60;
/// One account: 10 attempts, then one more every 30 seconds.
pub const PER_ACCOUNT_BURST: u32 = 10;
pub const PER_ACCOUNT_REFILL: Duration = Duration::from_secs(30);

pub struct LoginLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl Default for LoginLimits {
    fn default() -> Self {
        let account = Quota::with_period(PER_ACCOUNT_REFILL)
            .unwrap_or_else(|| Quota::per_minute(nz(2)))
            .allow_burst(nz(PER_ACCOUNT_BURST));
        Self {
            per_ip: RateLimiter::keyed(Quota::per_minute(nz(PER_IP_BURST))),
            per_account: RateLimiter::keyed(account),
            clock: DefaultClock::default(),
        }
    }
}

impl LoginLimits {
    /// Counts one attempt. `Err(seconds)` when the caller must wait that long first.
    pub fn check(&self, ip: Option<IpAddr>, account: &str) -> Result<(), u64> {
        let wait = |d: Duration| d.as_secs().max(1);
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&ip)
                .map_err(|n| wait(n.wait_time_from(self.clock.now())))?;
        }
        self.per_account
            .check_key(&account.to_owned())
            .map_err(|n| wait(n.wait_time_from(self.clock.now())))
    }

    /// Drops state of keys that are back to full allowance (bounds memory).
    pub fn forget_old(&self) {
        self.per_ip.retain_recent();
        self.per_account.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_gets_its_burst_then_waits_while_others_go_on() {
        let l = LoginLimits::default();
        let ip: IpAddr = "10.1.2.3".parse().unwrap();
        for _ in 0..PER_ACCOUNT_BURST {
            assert!(l.check(Some(ip), "siti@contoh.id").is_ok());
        }
        let wait = l.check(Some(ip), "siti@contoh.id").unwrap_err();
        assert!((1..=30).contains(&wait), "{wait}");
        assert!(l.check(Some(ip), "agus@contoh.id").is_ok());
    }

    #[test]
    fn one_address_is_limited_across_accounts() {
        let l = LoginLimits::default();
        let ip: IpAddr = "10.9.9.9".parse().unwrap();
        for i in 0..PER_IP_BURST {
            assert!(l.check(Some(ip), &format!("u{i}@contoh.id")).is_ok());
        }
        assert!(l.check(Some(ip), "lain@contoh.id").is_err());
        assert!(
            l.check(Some("10.9.9.10".parse().unwrap()), "lain@contoh.id")
                .is_ok()
        );
    }
}
