//! The `X-Isao-Signature` header, as Stripe signs its webhooks: the time of
//! sending and an HMAC-SHA256 of `"<time>.<raw body>"` with the
//! subscription's secret. The time lets receivers refuse old replays.

use hmac::digest::InvalidLength;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub fn header_value(secret: &str, unix_seconds: i64, body: &[u8]) -> Result<String, InvalidLength> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())?;
    mac.update(unix_seconds.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Ok(format!(
        "t={unix_seconds},v1={:x}",
        mac.finalize().into_bytes()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the signature matches one computed independently (Python's
    // hmac module), so any receiver following the README verifies it.
    #[test]
    fn signs_time_dot_body_with_hmac_sha256() {
        assert_eq!(
            header_value("whsec_test", 1_700_000_000, br#"{"a":1}"#),
            Ok(
                "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
                    .to_owned()
            )
        );
    }
}
