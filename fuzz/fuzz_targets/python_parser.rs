//! Fuzz target: `python::parse`, then `Parsed::python_error` + `PySyntaxError::render` and
//! `dump::dump_module`, on any bytes (lossy UTF-8) must not panic, hang or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::python_parser(data));
