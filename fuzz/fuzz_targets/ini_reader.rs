//! Fuzz target: `harness::ini_reader` on any bytes must not panic, hang or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::ini_reader(data));
