//! Fuzz target: the Python evaluator never panics, hangs or overflows on any input.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::python_eval(data));
