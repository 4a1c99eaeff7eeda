//! Raw deflate (RFC 1951) with a preset dictionary, and inflate with a hard cap on output.
//!
//! A share link must stay short, and most of a finished tutorial is text the playground
//! already knows (the files `alembic init` writes, Alembic's log lines). Like zlib's
//! `deflateSetDictionary`, the compressor first sees a frozen dictionary and flushes to a byte
//! boundary; only what follows is kept. The decompressor starts with the dictionary already in
//! its output window, so back-references into it resolve. Plain deflate on the wire either way.

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress as inflate, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::WorkspaceError;

/// Raw deflate (negative window bits: no zlib header), default strategy, at `level` (1 fast,
/// 9 smallest).
fn compressor(level: u8) -> Box<CompressorOxide> {
    Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
        i32::from(level.clamp(1, 9)),
        -15,
        0,
    )))
}

/// Compresses `data` as raw deflate whose back-references may reach into `dict`.
pub fn compress(dict: &[u8], data: &[u8], level: u8) -> Vec<u8> {
    let mut d = compressor(level);
    let mut out = Vec::new();
    let mut keep_from = 0;
    if !dict.is_empty() {
        // A sync flush ends the dictionary's blocks on a byte boundary; what comes after is a
        // stream of its own that only refers back into the window.
        compress_to_output(&mut d, dict, TDEFLFlush::Sync, |chunk| {
            out.extend_from_slice(chunk);
            true
        });
        keep_from = out.len();
    }
    let (status, _) = compress_to_output(&mut d, data, TDEFLFlush::Finish, |chunk| {
        out.extend_from_slice(chunk);
        true
    });
    debug_assert_eq!(status, TDEFLStatus::Done);
    out.split_off(keep_from)
}

/// Decompresses what [`compress`] made with the same `dict`, refusing to produce more than
/// `max` bytes: a bomb stops at the cap instead of taking the tab's memory.
pub fn decompress(dict: &[u8], input: &[u8], max: usize) -> Result<Vec<u8>, WorkspaceError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let limit = dict.len().saturating_add(max);
    let mut out = dict.to_vec();
    // Start small and double: most inputs are a few kilobytes.
    out.resize(
        limit.min(dict.len() + input.len().saturating_mul(4).max(4096)),
        0,
    );
    let mut decomp = Box::<DecompressorOxide>::default();
    let mut pos = dict.len();
    let mut rest = input;
    loop {
        let (status, used, written) = inflate(&mut decomp, rest, &mut out, pos, flags);
        pos += written;
        rest = rest.get(used..).unwrap_or(&[]);
        match status {
            TINFLStatus::Done => {
                if !rest.is_empty() {
                    return Err(WorkspaceError::Malformed(
                        "there is data after the end of the compressed stream".into(),
                    ));
                }
                out.truncate(pos);
                return Ok(out.split_off(dict.len()));
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(WorkspaceError::TooLarge(format!(
                        "it expands to more than {} MB",
                        max / (1024 * 1024)
                    )));
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
                return Err(WorkspaceError::Truncated)
            }
            _ => {
                return Err(WorkspaceError::Malformed(
                    "the compressed data is corrupt".into(),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_and_without_a_dictionary() {
        let dict = b"the quick brown fox jumps over the lazy dog. ".repeat(10);
        let data = b"the quick brown fox jumps over the lazy dog, twice".to_vec();
        for d in [&dict[..], &[][..]] {
            let packed = compress(d, &data, 9);
            assert_eq!(decompress(d, &packed, 1 << 20).unwrap(), data);
        }
        assert!(compress(&dict, &data, 9).len() < compress(&[], &data, 9).len());
        assert_eq!(
            decompress(&dict, &compress(&dict, b"", 9), 10).unwrap(),
            b""
        );
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let zeros = vec![0u8; 20 << 20];
        let packed = compress(&[], &zeros, 9);
        assert!(packed.len() < 64 << 10, "{}", packed.len());
        assert!(matches!(
            decompress(&[], &packed, 1 << 20),
            Err(WorkspaceError::TooLarge(_))
        ));
    }

    #[test]
    fn truncated_and_corrupt_input_are_errors() {
        let data: Vec<u8> = (0..5000u32)
            .flat_map(|i| (i * 7919).to_le_bytes())
            .collect();
        let packed = compress(&[], &data, 9);
        for cut in [0, 1, packed.len() / 2, packed.len() - 1] {
            assert!(
                decompress(&[], &packed[..cut], 1 << 20).is_err(),
                "cut {cut}"
            );
        }
        assert!(decompress(&[], &[0xff; 64], 1 << 20).is_err());
        let mut trailing = packed.clone();
        trailing.push(0);
        assert!(decompress(&[], &trailing, 1 << 20).is_err());
        // A back-reference before the start of the window (no dictionary) is refused.
        let with_dict = compress(b"dictionary words dictionary words", b"dictionary words", 9);
        assert!(decompress(&[], &with_dict, 1 << 20).is_err());
    }
}
