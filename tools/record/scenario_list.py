"""Write tests/common/scenario_goldens.rs: every golden under tests/scenarios, compiled in for
the browser's run of the conformance suite (tests/web.rs). Run after adding a scenario:
python3 tools/record/scenario_list.py"""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
names = sorted(p.stem for p in (ROOT / "tests" / "scenarios").glob("*.golden"))
lines = [
    "//! Every recorded scenario's golden, compiled in so that the browser replays the whole",
    "//! conformance suite (tests/web.rs). `tests/scenarios.rs` checks that this list names every",
    "//! scenario in tests/scenarios/, so a new one cannot be left out. Written by",
    "//! tools/record/scenario_list.py.",
    "",
    "pub const GOLDENS: &[(&str, &str)] = &[",
]
lines += [f'    ("{n}", include_str!("../scenarios/{n}.golden")),' for n in names]
lines.append("];")
(ROOT / "tests" / "common" / "scenario_goldens.rs").write_text("\n".join(lines) + "\n")
print(f"listed {len(names)} scenarios")
