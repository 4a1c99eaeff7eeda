//! `.zip` export and import of a project: a plain PKZIP archive (stored or deflated entries, no
//! ZIP64, no encryption), written and read here so the page needs no zip library.
//!
//! Export writes the project folder so that, unzipped on a real machine,
//! `pip install -r requirements.txt && alembic upgrade head` works (tools/export_check.sh proves
//! it with Alembic from PyPI). Import reads archives other tools made, as untrusted input:
//! names that would climb out of the project (zip-slip: `../`, absolute paths, backslashes,
//! drive letters) are refused, sizes are capped, and CRCs checked.

use std::collections::BTreeMap;

use super::{check_path, deflate, Snapshot, WorkspaceError, TEMPLATE_ROOT};
use crate::fs;

/// Caps for imports: the whole archive, the total unpacked size, and the number of entries.
pub const MAX_ZIP_BYTES: usize = 64 << 20;
pub const MAX_UNPACKED: usize = 64 << 20;
const MAX_ENTRIES: usize = 20_000;

/// The requirement lines an export adds when the project's `requirements.txt` lacks them: the
/// versions the playground reproduces.
const PINS: &[(&str, &str)] = &[("alembic", "alembic==1.20.1")];

/// The project folder of `snap` as a zip whose top folder is the project's name. Files the
/// interpreter caches (`__pycache__`) are left out; `requirements.txt` gains Alembic if missing.
pub fn export(snap: &Snapshot) -> Vec<u8> {
    let root = TEMPLATE_ROOT;
    let top = root.rsplit('/').next().unwrap_or("project");
    let prefix = format!("{root}/");
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut saw_requirements = false;
    for (path, bytes) in &snap.files {
        let Some(rel) = path.strip_prefix(&prefix) else {
            continue;
        };
        if rel.split('/').any(|p| p == "__pycache__") {
            continue;
        }
        let mut bytes = bytes.clone();
        if rel == "requirements.txt" {
            saw_requirements = true;
            bytes = with_pins(&bytes);
        }
        entries.push((format!("{top}/{rel}"), bytes));
    }
    if !saw_requirements {
        entries.push((format!("{top}/requirements.txt"), with_pins(b"")));
    }
    for dir in &snap.empty_dirs {
        if let Some(rel) = dir.strip_prefix(&prefix) {
            entries.push((format!("{top}/{rel}/"), Vec::new()));
        }
    }
    entries.sort();
    write(&entries)
}

/// `requirements.txt` with a pinned line for each of [`PINS`] it does not name.
fn with_pins(text: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let named: Vec<String> = text
        .lines()
        .map(|l| {
            l.trim()
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
                .replace('_', "-")
        })
        .collect();
    let mut out = text.into_owned();
    for (name, line) in PINS {
        if !named.iter().any(|n| n == name) {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// Writes `(name, bytes)` entries (a name ending in `/` is a folder) as a zip, deflating each
/// file when that makes it smaller. Dates are fixed (1980-01-01) so exports are reproducible.
pub fn write(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in entries {
        let is_dir = name.ends_with('/');
        let packed = deflate::compress(&[], bytes, 9);
        let (method, data): (u16, &[u8]) = if !is_dir && packed.len() < bytes.len() {
            (8, &packed)
        } else {
            (0, bytes)
        };
        let crc = crc32(bytes);
        let offset = out.len() as u32;
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, 20);
        put16(&mut out, 0x0800); // names are UTF-8
        put16(&mut out, method);
        put16(&mut out, 0); // 00:00
        put16(&mut out, (1 << 5) | 1); // 1980-01-01
        put32(&mut out, crc);
        put32(&mut out, data.len() as u32);
        put32(&mut out, bytes.len() as u32);
        put16(&mut out, name.len() as u16);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory record.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, (3 << 8) | 20); // made by Unix, zip 2.0
        put16(&mut central, 20);
        put16(&mut central, 0x0800);
        put16(&mut central, method);
        put16(&mut central, 0);
        put16(&mut central, (1 << 5) | 1);
        put32(&mut central, crc);
        put32(&mut central, data.len() as u32);
        put32(&mut central, bytes.len() as u32);
        put16(&mut central, name.len() as u16);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, 0);
        let mode: u32 = if is_dir { 0o40755 } else { 0o100644 };
        put32(&mut central, (mode << 16) | (u32::from(is_dir) * 0x10));
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    out
}

/// One entry read back from an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as stored, checked to be a plain relative path.
    pub name: String,
    /// `None` for a folder.
    pub bytes: Option<Vec<u8>>,
}

/// Reads every entry of an untrusted archive.
pub fn read(zip: &[u8]) -> Result<Vec<Entry>, WorkspaceError> {
    if zip.len() > MAX_ZIP_BYTES {
        return Err(WorkspaceError::TooLarge(format!(
            "the archive is over {} MB",
            MAX_ZIP_BYTES >> 20
        )));
    }
    let bad = |why: &str| WorkspaceError::Malformed(format!("the .zip file {why}"));
    // The end-of-central-directory record is in the last 22 + 65535 bytes.
    let floor = zip.len().saturating_sub(22 + 0xffff);
    let eocd = (floor..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| get32(zip, i) == Some(0x0605_4b50))
        .ok_or_else(|| bad("has no table of contents (is it a zip?)"))?;
    let count = usize::from(get16(zip, eocd + 10).ok_or(WorkspaceError::Truncated)?);
    let cd_offset = get32(zip, eocd + 16).ok_or(WorkspaceError::Truncated)? as usize;
    if count == 0xffff || cd_offset == 0xffff_ffff {
        return Err(bad("uses ZIP64, which this playground does not read"));
    }
    if count > MAX_ENTRIES {
        return Err(WorkspaceError::TooLarge(format!(
            "more than {MAX_ENTRIES} entries"
        )));
    }
    let mut entries = Vec::with_capacity(count);
    let mut at = cd_offset;
    let mut unpacked = 0usize;
    for _ in 0..count {
        if get32(zip, at) != Some(0x0201_4b50) {
            return Err(bad("has a broken table of contents"));
        }
        let field = |off: usize| get16(zip, at + off).ok_or(WorkspaceError::Truncated);
        let flags = field(8)?;
        let method = field(10)?;
        let crc = get32(zip, at + 16).ok_or(WorkspaceError::Truncated)?;
        let csize = get32(zip, at + 20).ok_or(WorkspaceError::Truncated)? as usize;
        let usize_ = get32(zip, at + 24).ok_or(WorkspaceError::Truncated)? as usize;
        let name_len = usize::from(field(28)?);
        let extra_len = usize::from(field(30)?);
        let comment_len = usize::from(field(32)?);
        let local = get32(zip, at + 42).ok_or(WorkspaceError::Truncated)? as usize;
        let name_bytes = slice(zip, at + 46, name_len)?;
        at += 46 + name_len + extra_len + comment_len;
        let name = String::from_utf8(name_bytes.to_vec())
            .map_err(|_| bad("has a file name that is not UTF-8"))?;
        let clean = safe_name(&name)?;
        if flags & 1 != 0 {
            return Err(bad(&format!("has an encrypted entry ({clean})")));
        }
        if name.ends_with('/') {
            entries.push(Entry {
                name: clean,
                bytes: None,
            });
            continue;
        }
        if get32(zip, local) != Some(0x0403_4b50) {
            return Err(bad(&format!("has a broken entry ({clean})")));
        }
        let lname = usize::from(get16(zip, local + 26).ok_or(WorkspaceError::Truncated)?);
        let lextra = usize::from(get16(zip, local + 28).ok_or(WorkspaceError::Truncated)?);
        let data = slice(zip, local + 30 + lname + lextra, csize)?;
        let budget = MAX_UNPACKED.saturating_sub(unpacked);
        if usize_ > budget {
            return Err(WorkspaceError::TooLarge(format!(
                "it unpacks to more than {} MB",
                MAX_UNPACKED >> 20
            )));
        }
        let bytes = match method {
            0 => data.to_vec(),
            // The declared size caps the output, so a bomb stops at what it admits to.
            8 => deflate::decompress(&[], data, usize_).map_err(|e| match e {
                // More than it admits to is a lie about its size: say so, not "too large".
                WorkspaceError::TooLarge(_) => bad(&format!(
                    "is damaged ({clean} holds more than the {usize_} bytes it declares)"
                )),
                other => other,
            })?,
            other => {
                return Err(bad(&format!(
                    "uses compression method {other} for {clean}; only stored and deflated entries are read"
                )))
            }
        };
        if bytes.len() != usize_ || crc32(&bytes) != crc {
            return Err(bad(&format!("is damaged ({clean} fails its checksum)")));
        }
        unpacked += bytes.len();
        entries.push(Entry {
            name: clean,
            bytes: Some(bytes),
        });
    }
    Ok(entries)
}

/// A zip entry's name as a plain relative path, or an error for anything that could land
/// outside the folder it is unpacked into.
fn safe_name(name: &str) -> Result<String, WorkspaceError> {
    let refuse = || {
        WorkspaceError::Invalid(format!(
            "the archive entry {name:?} would be written outside the project"
        ))
    };
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.as_bytes().get(1) == Some(&b':')
    {
        return Err(refuse());
    }
    for part in trimmed.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.chars().any(char::is_control) {
            return Err(refuse());
        }
    }
    Ok(trimmed.to_string())
}

/// A new workspace from an imported project archive: its files become the project folder
/// (one top folder common to every entry, as GitHub's and most tools' zips have, is dropped),
/// with Alembic installed and the terminal in the project.
pub fn import(zip: &[u8]) -> Result<Snapshot, WorkspaceError> {
    let entries = read(zip)?;
    let tops: std::collections::BTreeSet<&str> = entries
        .iter()
        .map(|e| e.name.split('/').next().unwrap_or(""))
        .collect();
    let strip = tops.len() == 1
        && entries
            .iter()
            .all(|e| e.name.contains('/') || e.bytes.is_none());
    let mut snap = Snapshot::starting();
    snap.files = BTreeMap::new();
    snap.installed = crate::shell::Shell::new(fs::MemFs::new(), "/", "/").installed;
    snap.open_file = None;
    for entry in entries {
        let rel = if strip {
            match entry.name.split_once('/') {
                Some((_, rest)) => rest.to_string(),
                None => continue,
            }
        } else {
            entry.name
        };
        if rel
            .split('/')
            .any(|p| p == "__MACOSX" || p == "__pycache__")
        {
            continue;
        }
        let path = format!("{TEMPLATE_ROOT}/{rel}");
        check_path(&path)?;
        match entry.bytes {
            Some(bytes) => {
                snap.files.insert(path, bytes);
            }
            None => {
                snap.empty_dirs.insert(path);
            }
        }
    }
    // Folders that turned out to hold files are not empty.
    let files: Vec<String> = snap.files.keys().cloned().collect();
    snap.empty_dirs
        .retain(|d| !files.iter().any(|f| f.starts_with(&format!("{d}/"))));
    if snap.files.is_empty() {
        return Err(WorkspaceError::Invalid("the archive has no files".into()));
    }
    // A file and a folder of the same name cannot both be unpacked.
    snap.build_fs()?;
    Ok(snap)
}

fn slice(buf: &[u8], at: usize, len: usize) -> Result<&[u8], WorkspaceError> {
    at.checked_add(len)
        .and_then(|end| buf.get(at..end))
        .ok_or(WorkspaceError::Truncated)
}

fn get16(buf: &[u8], at: usize) -> Option<u16> {
    let b = buf.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn get32(buf: &[u8], at: usize) -> Option<u32> {
    let b = buf.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, the zip one), bit by bit: archives are small and this runs rarely.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn export_then_import_keeps_the_project() {
        let mut snap = Snapshot::starting();
        snap.files.insert(
            format!("{TEMPLATE_ROOT}/app.db"),
            (0..=255u8).cycle().take(5000).collect(),
        );
        snap.empty_dirs
            .insert(format!("{TEMPLATE_ROOT}/alembic/versions"));
        let zip = export(&snap);
        let back = import(&zip).unwrap();
        let req = format!("{TEMPLATE_ROOT}/requirements.txt");
        assert_eq!(
            String::from_utf8_lossy(&back.files[&req]),
            "fastapi\nuvicorn\nsqlalchemy\nalembic==1.20.1\n"
        );
        let mut expected = snap.files.clone();
        expected.insert(req.clone(), back.files[&req].clone());
        assert_eq!(back.files, expected);
        assert_eq!(back.empty_dirs, snap.empty_dirs);
        assert!(back.installed.contains("alembic"));
    }

    #[test]
    fn pins_are_added_only_when_missing() {
        assert_eq!(with_pins(b"Alembic>=1.13\n"), b"Alembic>=1.13\n");
        assert_eq!(with_pins(b"sqlalchemy"), b"sqlalchemy\nalembic==1.20.1\n");
    }

    #[test]
    fn zip_slip_and_broken_archives_are_refused() {
        for name in [
            "../evil.py",
            "proj/../../evil.py",
            "/etc/passwd",
            "C:/x",
            "a\\..\\b",
            "a//b",
        ] {
            let zip = write(&[(name.to_string(), b"x".to_vec())]);
            let err = import(&zip).unwrap_err();
            assert!(matches!(err, WorkspaceError::Invalid(_)), "{name}: {err}");
        }
        let good = write(&[("p/a.py".to_string(), b"print(1)\n".repeat(50))]);
        for cut in 0..good.len() {
            assert!(import(&good[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x5a;
            let _ = import(&bad);
        }
        assert!(import(b"not a zip at all").is_err());
    }

    #[test]
    fn a_zip_bomb_stops_at_its_declared_size() {
        // One entry that claims 10 bytes but deflates to 50 MB: refused, without unpacking it all.
        let mut zip = write(&[("p/a".to_string(), vec![0u8; 50 << 20])]);
        // Patch the uncompressed size in the central directory record (offset 24 within it).
        let cd = get32(&zip, zip.len() - 22 + 16).unwrap() as usize;
        zip[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        assert!(import(&zip).is_err());
    }
}
