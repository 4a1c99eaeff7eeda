//! The browser's clock seam: the page's local time (`Date`) for revision dates, and
//! `crypto.getRandomValues` for revision ids.

use crate::clock::{Clock, LocalTime};

pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&mut self) -> LocalTime {
        let d = js_sys::Date::new_0();
        // `Date` has milliseconds; the rest of the microseconds come from the high-resolution
        // clock's fraction, as Python's clock has them.
        let micro_extra = (js_sys::Date::now().fract() * 1000.0) as u32;
        LocalTime {
            year: d.get_full_year() as i32,
            month: d.get_month() + 1,
            day: d.get_date(),
            hour: d.get_hours(),
            minute: d.get_minutes(),
            second: d.get_seconds(),
            microsecond: d.get_milliseconds() * 1000 + micro_extra % 1000,
        }
    }

    fn random_bytes(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        // The page's or the worker's `crypto`: both globals have one.
        use wasm_bindgen::JsCast;
        let filled = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok())
            .map(|c| c.get_random_values_with_u8_array(&mut out).is_ok())
            .unwrap_or(false);
        if !filled {
            for b in out.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        out
    }
}
