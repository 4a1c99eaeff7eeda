//! The native clock seam: the system's local time and `/dev/urandom`, or, for the scenario
//! tests, the ids and dates a recording saw (`ALEMBIC_PLAYGROUND_REV_IDS`,
//! `ALEMBIC_PLAYGROUND_DATES`, comma-separated), so one process per line replays them.

use chrono::{Datelike, Timelike};

use crate::clock::{Clock, FixedClock, LocalTime};

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&mut self) -> LocalTime {
        let now = chrono::Local::now();
        LocalTime {
            year: now.year(),
            month: now.month(),
            day: now.day(),
            hour: now.hour(),
            minute: now.minute(),
            second: now.second(),
            microsecond: now.nanosecond() / 1000 % 1_000_000,
        }
    }

    fn random_bytes(&mut self) -> [u8; 16] {
        use std::io::Read;
        let mut out = [0u8; 16];
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            let _ = f.read_exact(&mut out);
        }
        out
    }
}

/// The clock for this process: replayed values when the test hook asks for them.
pub fn from_environment() -> Box<dyn Clock> {
    let ids = std::env::var("ALEMBIC_PLAYGROUND_REV_IDS").ok();
    let dates = std::env::var("ALEMBIC_PLAYGROUND_DATES").ok();
    if ids.is_none() && dates.is_none() {
        return Box::new(SystemClock);
    }
    let mut clock = FixedClock::new();
    clock.ids = ids
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    clock.times = dates
        .unwrap_or_default()
        .split(',')
        .filter_map(LocalTime::parse)
        .collect();
    Box::new(clock)
}
