//! One-time tokens (login links, password resets): 32 random bytes, sent to the person, stored
//! only as a SHA-256 hash so a database leak reveals no usable token.

use sha2::{Digest, Sha256};

/// A new token and the hash to store.
pub fn new_token() -> (String, String) {
    let token = super::random_hex(32);
    let hash = hash(&token);
    (token, hash)
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A token as it may appear in a link: 64 lowercase hex characters. Anything else is not ours.
pub fn well_formed(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A new personal code (10 symbols of `domain::people::code::ALPHABET`) and the hash to store.
/// Each random byte picks one of 32 symbols (256 is a multiple of 32, so no bias).
pub fn new_personal_code() -> (String, String) {
    use crate::domain::people::code::{ALPHABET, LEN};
    let mut bytes = [0u8; LEN];
    rand::fill(&mut bytes[..]);
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char)
        .collect();
    let hash = personal_code_hash(&code);
    (code, hash)
}

/// The stored form of a normalised personal code.
pub fn personal_code_hash(code: &str) -> String {
    hash(&format!("personal-code:{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert!(well_formed(&a));
        assert_eq!(hash(&a), ha);
        assert_ne!(a, ha, "only the hash is stored");
        assert!(!well_formed("../../etc/passwd"));
        assert!(!well_formed(&a.to_uppercase()));
    }

    #[test]
    fn personal_codes_are_random_and_well_formed() {
        let (a, ha) = new_personal_code();
        let (b, _) = new_personal_code();
        assert_ne!(a, b);
        assert_eq!(
            crate::domain::people::code::normalise(&a).as_deref(),
            Ok(a.as_str())
        );
        assert_eq!(personal_code_hash(&a), ha);
        assert_ne!(ha, hash(&a), "domain-separated from link tokens");
    }
}
