//! Share links: a whole workspace in a URL fragment, `#ws1.<base64url>`.
//!
//! The fragment never reaches a server, so the link is the workspace itself. `1` is the format
//! version (readable in the link, so an old playground can say "newer" instead of "broken");
//! the rest is the codec's compressed body in base64url without padding (chat clients cut
//! links at a trailing `=`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::codec::{self, Decoded, Effort};
use super::{Snapshot, WorkspaceError};

/// What starts a workspace fragment.
pub const PREFIX: &str = "ws";

/// The longest link text decoded at all (Chromium's URL limit is 2 MB): longer input is
/// refused before any work is done on it.
pub const MAX_LINK_CHARS: usize = 2 << 20;

/// The fragment (without `#`) that carries `snap`.
pub fn encode(snap: &Snapshot) -> Result<String, WorkspaceError> {
    let bytes = codec::encode(snap, Effort::Smallest)?;
    // The codec starts with the format version as a LEB128 number; the link spells it out.
    let (version, body) = split_version(&bytes)?;
    Ok(format!(
        "{PREFIX}{version}.{}",
        URL_SAFE_NO_PAD.encode(body)
    ))
}

/// Whether a URL fragment (with or without `#`) claims to be a workspace, so the host can tell
/// "no link" from "a broken link".
pub fn is_workspace_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}

/// Decodes a fragment (with or without `#`) or a whole URL holding one.
pub fn decode(link: &str) -> Result<Decoded, WorkspaceError> {
    if link.len() > MAX_LINK_CHARS {
        return Err(WorkspaceError::TooLarge(format!(
            "the link is longer than {} characters",
            MAX_LINK_CHARS
        )));
    }
    let fragment = match link.find('#') {
        Some(i) => &link[i + 1..],
        None => link,
    };
    let rest = fragment
        .strip_prefix(PREFIX)
        .ok_or_else(|| WorkspaceError::Malformed("the link has no workspace in it".into()))?;
    let dot = rest
        .find('.')
        .ok_or_else(|| WorkspaceError::Malformed("the link has no format version".into()))?;
    let version: u64 = rest[..dot].parse().map_err(|_| {
        WorkspaceError::Malformed("the link's format version is not a number".into())
    })?;
    // Chat clients and mail wrap long links; padding is optional.
    let text: String = rest[dot + 1..]
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && *c != '=')
        .collect();
    if text.is_empty() {
        return Err(WorkspaceError::Truncated);
    }
    let body = URL_SAFE_NO_PAD.decode(text.as_bytes()).map_err(|_| {
        WorkspaceError::Malformed("the link has characters a workspace link never has".into())
    })?;
    let mut bytes = Vec::with_capacity(body.len() + 10);
    let mut v = version;
    while v >= 0x80 {
        bytes.push((v as u8) | 0x80);
        v >>= 7;
    }
    bytes.push(v as u8);
    bytes.extend_from_slice(&body);
    codec::decode(&bytes)
}

fn split_version(bytes: &[u8]) -> Result<(u64, &[u8]), WorkspaceError> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Ok((v, &bytes[i + 1..]));
        }
    }
    Err(WorkspaceError::Malformed("no format version".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_round_trips_and_says_its_version() {
        let mut snap = Snapshot::starting();
        snap.history.push("ls".into());
        let link = encode(&snap).unwrap();
        assert!(link.starts_with("ws1."), "{link}");
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode(&link).unwrap().snapshot, snap);
        assert_eq!(
            decode(&format!("https://x.example/play/#{link}"))
                .unwrap()
                .snapshot,
            snap
        );
        let wrapped: String = link
            .chars()
            .enumerate()
            .flat_map(|(i, c)| (i % 40 == 39).then_some('\n').into_iter().chain([c]))
            .collect();
        assert_eq!(decode(&wrapped).unwrap().snapshot, snap);
    }

    #[test]
    fn broken_links_say_why() {
        let link = encode(&Snapshot::starting()).unwrap();
        for bad in [
            "",
            "#",
            "#ws",
            "#ws1",
            "#ws1.",
            "#wsX.AAAA",
            "#ws1.<img src=x onerror=alert(1)>",
            "#ws1.!!!!",
            "#ws99999999999999999999999.AAAA",
            "#somethingelse",
            &link[..link.len() / 2],
        ] {
            let err = decode(bad).unwrap_err();
            assert!(!err.to_string().is_empty(), "{bad}");
        }
        assert!(matches!(
            decode("#ws7.AAAA"),
            Err(WorkspaceError::NewerVersion { found: 7, .. })
        ));
        assert!(matches!(
            decode(&"a".repeat(MAX_LINK_CHARS + 1)),
            Err(WorkspaceError::TooLarge(_))
        ));
    }
}
