//! The clock seam: the local time revision files are dated with, and the randomness revision
//! ids are drawn from. Hosts supply both (the system clock natively, the browser's `Date` and
//! `crypto` in the page); tests replay recorded values so goldens match byte for byte.

/// A local wall-clock time, as Python's `datetime.now()` gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub microsecond: u32,
}

impl LocalTime {
    /// `str(datetime)`: `2026-11-28 13:36:56.262366`, without the fraction when it is zero.
    pub fn python_str(&self) -> String {
        let base = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        );
        if self.microsecond == 0 {
            base
        } else {
            format!("{base}.{:06}", self.microsecond)
        }
    }

    /// Parses `python_str`'s format back (for replaying recorded dates).
    pub fn parse(text: &str) -> Option<LocalTime> {
        let (date, time) = text.trim().split_once(' ')?;
        let mut d = date.split('-');
        let (time, micro) = match time.split_once('.') {
            Some((t, m)) => (t, m.parse().ok()?),
            None => (time, 0),
        };
        let mut t = time.split(':');
        Some(LocalTime {
            year: d.next()?.parse().ok()?,
            month: d.next()?.parse().ok()?,
            day: d.next()?.parse().ok()?,
            hour: t.next()?.parse().ok()?,
            minute: t.next()?.parse().ok()?,
            second: t.next()?.parse().ok()?,
            microsecond: micro,
        })
    }
}

/// Time and randomness, from the host.
pub trait Clock {
    fn now(&mut self) -> LocalTime;
    /// 16 random bytes, as `uuid.uuid4()` draws them.
    fn random_bytes(&mut self) -> [u8; 16];
}

/// A clock that replays given values, then repeats a fixed time and counts upward: for tests,
/// and for a host that has no clock.
#[derive(Clone, Debug, Default)]
pub struct FixedClock {
    pub times: Vec<LocalTime>,
    pub ids: Vec<String>,
    counter: u64,
}

impl FixedClock {
    pub fn new() -> FixedClock {
        FixedClock::default()
    }
}

impl Clock for FixedClock {
    fn now(&mut self) -> LocalTime {
        if !self.times.is_empty() {
            return self.times.remove(0);
        }
        LocalTime {
            year: 2026,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            microsecond: 0,
        }
    }

    fn random_bytes(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        if !self.ids.is_empty() {
            // The id is the last 12 hex digits of the uuid: the last 6 bytes.
            let id = self.ids.remove(0);
            for (i, pair) in id.as_bytes().chunks(2).take(6).enumerate() {
                let hex = std::str::from_utf8(pair).unwrap_or("00");
                out[10 + i] = u8::from_str_radix(hex, 16).unwrap_or(0);
            }
            return out;
        }
        self.counter += 1;
        out[8..].copy_from_slice(&self.counter.to_be_bytes());
        out
    }
}

/// `uuid.uuid4().hex[-12:]`: Alembic's new revision id.
pub fn rev_id(clock: &mut dyn Clock) -> String {
    let bytes = clock.random_bytes();
    bytes[10..].iter().map(|b| format!("{b:02x}")).collect()
}
