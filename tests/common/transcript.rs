//! Reads the golden transcripts that tools/record/record.py writes from real Alembic, and
//! checks a playground [`Shell`] against them step by step. Shared by the native scenario
//! test and the in-browser test.

use alembic_playground::fs::FileSystem;
use alembic_playground::shell::{Shell, Stream};

/// One recorded terminal line and what real Alembic (and bash) answered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    pub line: String,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Parses a `.golden` file; panics on a malformed one, since goldens are machine-written.
pub fn parse_golden(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut last_stream: Option<Stream> = None;
    for raw in text.lines() {
        if raw.starts_with('#') && steps.is_empty() {
            continue;
        }
        if let Some(line) = raw.strip_prefix("$ ") {
            steps.push(Step {
                line: line.to_string(),
                ..Step::default()
            });
            continue;
        }
        let step = steps
            .last_mut()
            .expect("golden output before the first `$ ` line");
        let (stream, body) = match raw {
            "1>" => (Stream::Stdout, ""),
            "2>" => (Stream::Stderr, ""),
            _ if raw.starts_with("1> ") => (Stream::Stdout, &raw[3..]),
            _ if raw.starts_with("2> ") => (Stream::Stderr, &raw[3..]),
            "\\ no newline at end" => {
                let text = match last_stream.expect("no-newline marker without output") {
                    Stream::Stdout => &mut step.stdout,
                    Stream::Stderr => &mut step.stderr,
                };
                text.pop();
                continue;
            }
            _ if raw.starts_with("? ") => {
                step.exit_code = raw[2..].parse().expect("exit code");
                continue;
            }
            _ => panic!("unreadable golden line: {raw:?}"),
        };
        let text = match stream {
            Stream::Stdout => &mut step.stdout,
            Stream::Stderr => &mut step.stderr,
        };
        text.push_str(body);
        text.push('\n');
        last_stream = Some(stream);
    }
    steps
}

/// Runs every step through `shell` and compares with what was recorded. Returns the first
/// mismatch as a readable report instead of panicking, so callers can add context.
pub fn check_steps<F: FileSystem>(shell: &mut Shell<F>, steps: &[Step]) -> Result<(), String> {
    for (i, step) in steps.iter().enumerate() {
        let out = shell.run_line(&step.line);
        let got = Step {
            line: step.line.clone(),
            stdout: out.text(Stream::Stdout),
            stderr: out.text(Stream::Stderr),
            exit_code: out.exit_code,
        };
        if &got != step {
            return Err(format!(
                "step {} `$ {}` differs from real Alembic\n--- expected\n{step:#?}\n--- got\n{got:#?}",
                i + 1,
                step.line
            ));
        }
    }
    Ok(())
}
