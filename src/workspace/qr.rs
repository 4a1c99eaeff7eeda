//! QR codes of share links, for the presenter view: the symbol as one SVG path of its dark
//! modules, so the page draws it as plain markup (no canvas, no image to load).

use qrcodegen::{QrCode, QrCodeEcc};

/// Blank modules around the symbol that scanners need (the QR specification's quiet zone).
pub const QUIET_ZONE: usize = 4;

/// A QR symbol drawn as a path on a grid of `size` modules a side (quiet zone included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    /// Dark modules as `M x y h n v 1 h -n z` runs, one per horizontal run.
    pub path: String,
}

/// Encodes `text` with the lowest error correction that still fits, since share links are
/// long and a projector is clean; `None` when even that cannot hold it.
pub fn encode(text: &str) -> Option<Qr> {
    let code = [QrCodeEcc::Medium, QrCodeEcc::Low]
        .into_iter()
        .find_map(|ecc| QrCode::encode_text(text, ecc).ok())?;
    let n = code.size() as usize;
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x as i32, y as i32) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x as i32, y as i32) {
                x += 1;
            }
            let (px, py, run) = (start + QUIET_ZONE, y + QUIET_ZONE, x - start);
            path.push_str(&format!("M{px} {py}h{run}v1h-{run}z"));
        }
    }
    Some(Qr {
        size: n + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules a path darkens, read back from its runs.
    fn modules(qr: &Qr) -> Vec<Vec<bool>> {
        let mut grid = vec![vec![false; qr.size]; qr.size];
        for run in qr.path.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = run
                .trim_start_matches('M')
                .split(['h', 'v', ' '])
                .filter_map(|t| t.parse().ok())
                .collect();
            let (x, y, len) = (nums[0], nums[1], nums[2]);
            for cell in &mut grid[y][x..x + len] {
                *cell = true;
            }
        }
        grid
    }

    fn scan(qr: &Qr) -> String {
        // Four pixels a module, as a camera sees a projected code.
        let grid = modules(qr);
        let scale = 4;
        let side = qr.size * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            if grid[y / scale][x / scale] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one symbol found");
        grids[0].decode().expect("the symbol decodes").1
    }

    #[test]
    fn the_drawn_symbol_scans_back_to_the_link() {
        let short = "http://127.0.0.1:8080/#ws1.abc";
        assert_eq!(scan(&encode(short).unwrap()), short);
        // As long as the finished chapter's link (1,437 characters).
        let long = format!("https://playground.example/#ws1.{}", "Ab9_-".repeat(280));
        let qr = encode(&long).unwrap();
        assert!(qr.size > 100, "a large symbol: {}", qr.size);
        assert_eq!(scan(&qr), long);
    }

    #[test]
    fn text_beyond_the_largest_symbol_is_none_not_a_panic() {
        assert_eq!(encode(&"x".repeat(3000)), None);
    }
}
