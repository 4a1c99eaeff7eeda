//! The byte-level pieces the workspace formats share: LEB128 numbers, `tag, length, bytes`
//! records, length-prefixed strings, and a bounds-checked reader for bytes from outside.

use super::WorkspaceError;

pub(super) fn text(bytes: &[u8], what: &str) -> Result<String, WorkspaceError> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| WorkspaceError::Malformed(format!("{what} is not UTF-8 text")))
}

pub(super) fn record(out: &mut Vec<u8>, tag: u64, body: &[u8]) {
    put_varint(out, tag);
    put_varint(out, body.len() as u64);
    out.extend_from_slice(body);
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads `tag, length, bytes` records to the end of `buf`, handing each to `f` with a reader
/// over its bytes. A record that runs past the end is an error, never a panic.
pub(super) fn each_record<'a>(
    buf: &'a [u8],
    mut f: impl FnMut(u64, Reader<'a>) -> Result<(), WorkspaceError>,
) -> Result<(), WorkspaceError> {
    let mut r = Reader { buf };
    while !r.buf.is_empty() {
        let tag = r.varint()?;
        let len = r.len()?;
        f(tag, Reader { buf: r.take(len)? })?;
    }
    Ok(())
}

/// Variables as one record each: the name, length-prefixed, then the value.
pub(super) fn put_env(
    out: &mut Vec<u8>,
    tag: u64,
    env: &std::collections::BTreeMap<String, String>,
) {
    for (name, value) in env {
        let mut rec = Vec::new();
        put_str(&mut rec, name);
        rec.extend_from_slice(value.as_bytes());
        record(out, tag, &rec);
    }
}

/// Package names, length-prefixed, in one record.
pub(super) fn put_installed(
    out: &mut Vec<u8>,
    tag: u64,
    installed: &std::collections::BTreeSet<String>,
) {
    let mut rec = Vec::new();
    for pkg in installed {
        put_str(&mut rec, pkg);
    }
    record(out, tag, &rec);
}

/// A cursor over untrusted bytes: every read checks bounds first.
pub(super) struct Reader<'a> {
    pub(super) buf: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn varint(&mut self) -> Result<u64, WorkspaceError> {
        let mut v: u64 = 0;
        for i in 0..10 {
            let (&b, rest) = self.buf.split_first().ok_or(WorkspaceError::Truncated)?;
            self.buf = rest;
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                break;
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(WorkspaceError::Malformed("a number is too long".into()))
    }

    pub(super) fn len(&mut self) -> Result<usize, WorkspaceError> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= self.buf.len())
            .ok_or(WorkspaceError::Truncated)
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], WorkspaceError> {
        if n > self.buf.len() {
            return Err(WorkspaceError::Truncated);
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    pub(super) fn string(&mut self, what: &str) -> Result<String, WorkspaceError> {
        let n = self.len()?;
        text(self.take(n)?, what)
    }
}
