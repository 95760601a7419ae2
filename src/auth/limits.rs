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

/// The client's address as Bimtek decided it (see `client_ip`), put on each request by the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The address to count a request against: the TCP peer, unless the peer is one of our
/// `trusted` reverse proxies, in which case the rightmost `X-Forwarded-For` entry that is not a
/// trusted proxy (entries further left are written by the client and can be forged).
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    forwarded_for
        .into_iter()
        .flat_map(|h| h.rsplit(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

/// IPv6 clients usually hold a whole /64: count them by it, or one client has 2^64 buckets.
fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

pub struct LoginLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
    /// Emails sent on request (login links, resets): stricter, and apart from password attempts,
    /// so nobody can lock a person out or fill their inbox.
    per_account_mail: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

/// Link or reset emails to one account: 5, then one more every 10 minutes.
pub const MAIL_BURST: u32 = 5;
pub const MAIL_REFILL: Duration = Duration::from_secs(600);

impl Default for LoginLimits {
    fn default() -> Self {
        let account = Quota::with_period(PER_ACCOUNT_REFILL)
            .unwrap_or_else(|| Quota::per_minute(nz(2)))
            .allow_burst(nz(PER_ACCOUNT_BURST));
        let mail = Quota::with_period(MAIL_REFILL)
            .unwrap_or_else(|| Quota::per_hour(nz(6)))
            .allow_burst(nz(MAIL_BURST));
        Self {
            per_ip: RateLimiter::keyed(Quota::per_minute(nz(PER_IP_BURST))),
            per_account: RateLimiter::keyed(account),
            per_account_mail: RateLimiter::keyed(mail),
            clock: DefaultClock::default(),
        }
    }
}

impl LoginLimits {
    fn wait(&self, n: governor::NotUntil<<DefaultClock as Clock>::Instant>) -> u64 {
        n.wait_time_from(self.clock.now()).as_secs().max(1)
    }

    fn check_ip(&self, ip: Option<IpAddr>) -> Result<(), u64> {
        match ip {
            Some(ip) => self.per_ip.check_key(&bucket(ip)).map_err(|n| self.wait(n)),
            None => Ok(()),
        }
    }

    /// Counts one password attempt. `Err(seconds)` when the caller must wait that long first.
    pub fn check(&self, ip: Option<IpAddr>, account: &str) -> Result<(), u64> {
        self.check_ip(ip)?;
        self.per_account
            .check_key(&account.to_owned())
            .map_err(|n| self.wait(n))
    }

    /// Counts one request for an emailed link to `account`.
    pub fn check_mail(&self, ip: Option<IpAddr>, account: &str) -> Result<(), u64> {
        self.check_ip(ip)?;
        self.per_account_mail
            .check_key(&account.to_owned())
            .map_err(|n| self.wait(n))
    }

    /// Drops state of keys that are back to full allowance (bounds memory).
    pub fn forget_old(&self) {
        self.per_ip.retain_recent();
        self.per_account.retain_recent();
        self.per_account_mail.retain_recent();
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
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        let xff = Some("1.2.3.4, 198.51.100.7, 10.0.0.2");
        // Not a proxy of ours: its header is ignored.
        assert_eq!(client_ip(peer, xff, &[proxy]), peer);
        // Our proxy: the rightmost address it did not add itself.
        assert_eq!(
            client_ip(proxy, xff, &[proxy]),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, None, &[proxy]), proxy);
        assert_eq!(client_ip(proxy, Some("garbage"), &[proxy]), proxy);
    }

    #[test]
    fn an_ipv6_slash_64_is_one_client() {
        let l = LoginLimits::default();
        for i in 0..PER_IP_BURST {
            let ip: IpAddr = format!("2001:db8:1:2::{:x}", i + 1).parse().unwrap();
            assert!(l.check(Some(ip), &format!("v6-{i}@contoh.id")).is_ok());
        }
        let same_64: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        assert!(l.check(Some(same_64), "lain@contoh.id").is_err());
        let other_64: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(l.check(Some(other_64), "lain@contoh.id").is_ok());
    }

    #[test]
    fn link_requests_have_their_own_stricter_bucket() {
        let l = LoginLimits::default();
        for _ in 0..MAIL_BURST {
            assert!(l.check_mail(None, "siti@contoh.id").is_ok());
        }
        assert!(l.check_mail(None, "siti@contoh.id").is_err());
        // Password attempts for the same account are not affected.
        assert!(l.check(None, "siti@contoh.id").is_ok());
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
