//! Exercises for workshops: an instructor writes `EXERCISE.md` at the project's root, and the
//! Guide shows its text, its goals checked live against the workspace, and its hints one at a
//! time. The file travels with the workspace (saves, share links, zips), so an exercise loads
//! from a link or a file like any work.
//!
//! The format is Markdown with three optional sections after the title and text:
//!
//! ~~~text
//! # Add a nickname column
//! Text for the learner, in the guide's markup (`code`, ``` fences, `$ ` commands).
//!
//! ## Goals
//! - ran `alembic upgrade head`
//! - table `user` has column `nickname`
//! - database is at head
//!
//! ## Hints
//! - Add `nickname` to `User` in app/db/models.py.
//!
//! ## Files
//! ### app/db/models.py
//! ```python
//! ...
//! ```
//! ~~~
//!
//! Goals are the tutorial's own check language: each is one question put to the same
//! [`World`] the tutorial's steps ask (files, installed packages, commands run, the database
//! and its revision), and the tutorial's steps whose completion is a plain list of such
//! questions are written in it (`Check::Goals` in `content.rs`). `## Files` are written over the starting project when the exercise is opened from
//! a `.md` file. A line that is not a goal is a diagnostic with its line number, never a panic.

use super::World;

/// One goal, as written in `## Goals`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    /// `file PATH exists`
    FileExists(String),
    /// `file PATH contains TEXT`
    FileContains(String, String),
    /// `ran COMMAND`: it ran successfully since the exercise began.
    Ran(String),
    /// `installed PACKAGE`
    Installed(String),
    /// `table NAME exists`
    Table(String),
    /// `table NAME has column COLUMN`
    Column(String, String),
    /// `database is at head`: `alembic_version` holds the one head revision.
    AtHead,
    /// `revisions at least N`
    RevisionsAtLeast(usize),
    /// `not GOAL`
    Not(Box<Goal>),
}

/// A goal with the text it was written as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub goal: Goal,
}

/// A line of `EXERCISE.md` that could not be read, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Exercise {
    pub title: String,
    /// The text under the title, in the guide's markup.
    pub body: String,
    pub goals: Vec<Written>,
    pub hints: Vec<String>,
    /// `(path relative to the project, contents)` from `## Files`.
    pub files: Vec<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the exercise lives in a project.
pub const FILE_NAME: &str = "EXERCISE.md";

/// The words a goal may start with, for the message about one that does not.
const KNOWN: &str = "file PATH exists, file PATH contains TEXT, ran COMMAND, installed PACKAGE, \
table NAME exists, table NAME has column COLUMN, database is at head, revisions at least N, \
not GOAL";

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Text,
    Goals,
    Hints,
    Files,
    Other,
}

/// Reads `EXERCISE.md`.
pub fn parse(text: &str) -> Exercise {
    let mut ex = Exercise::default();
    let mut section = Section::Text;
    let mut body: Vec<&str> = Vec::new();
    // The start file being read: its path, lines, whether its fence is open, and whether it
    // is kept (a refused path's block is still read, so it is not taken for stray lines).
    let mut file: Option<(String, Vec<&str>, bool, bool)> = None;
    let mut in_fence = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        if section == Section::Files {
            if let Some((_, lines, open, _)) = &mut file {
                if line.trim_start().starts_with("```") {
                    if *open {
                        let (path, lines, _, keep) = file.take().unwrap_or_default();
                        if keep {
                            let mut contents = lines.join("\n");
                            contents.push('\n');
                            ex.files.push((path, contents));
                        }
                    } else {
                        *open = true;
                    }
                    continue;
                }
                if *open {
                    lines.push(raw);
                    continue;
                }
            }
            if let Some(path) = line.strip_prefix("### ") {
                let path = path.trim().trim_matches('`').to_string();
                let keep = match check_path(&path) {
                    Ok(()) => true,
                    Err(message) => {
                        ex.diagnostics.push(Diagnostic {
                            line: line_no,
                            message,
                        });
                        false
                    }
                };
                file = Some((path, Vec::new(), false, keep));
                continue;
            }
        }
        if line.trim_start().starts_with("```") && section == Section::Text {
            in_fence = !in_fence;
        }
        if !in_fence {
            if let Some(title) = line.strip_prefix("# ") {
                if ex.title.is_empty() {
                    ex.title = title.trim().to_string();
                    continue;
                }
            }
            if let Some(heading) = line.strip_prefix("## ") {
                section = match heading.trim().to_lowercase().as_str() {
                    "goals" | "checks" => Section::Goals,
                    "hints" => Section::Hints,
                    "files" => Section::Files,
                    _ => Section::Other,
                };
                continue;
            }
        }
        match section {
            Section::Text => body.push(raw),
            Section::Goals | Section::Hints => {
                let item = line.trim_start();
                let Some(item) = item.strip_prefix("- ").or_else(|| item.strip_prefix("* ")) else {
                    if !item.is_empty() {
                        ex.diagnostics.push(Diagnostic {
                            line: line_no,
                            message: "expected a list item starting with `- `".into(),
                        });
                    }
                    continue;
                };
                let item = item.trim();
                if section == Section::Hints {
                    ex.hints.push(item.to_string());
                    continue;
                }
                match parse_goal(item) {
                    Ok(goal) => ex.goals.push(Written {
                        text: item.to_string(),
                        goal,
                    }),
                    Err(message) => ex.diagnostics.push(Diagnostic {
                        line: line_no,
                        message,
                    }),
                }
            }
            Section::Files => {
                if !line.trim().is_empty() {
                    ex.diagnostics.push(Diagnostic {
                        line: line_no,
                        message: "expected `### path` and then the file in a ``` fence".into(),
                    });
                }
            }
            Section::Other => {}
        }
    }
    if let Some((path, _, _, _)) = file {
        ex.diagnostics.push(Diagnostic {
            line: text.lines().count(),
            message: format!("the file {path} has no closing ``` fence"),
        });
    }
    ex.body = body.join("\n").trim().to_string();
    if ex.title.is_empty() {
        ex.diagnostics.insert(
            0,
            Diagnostic {
                line: 1,
                message: "an exercise starts with its title: `# Title`".into(),
            },
        );
    }
    ex
}

/// Start files stay inside the project.
fn check_path(path: &str) -> Result<(), String> {
    if path.is_empty()
        || path.starts_with('/')
        || path
            .split('/')
            .any(|p| p == ".." || p == "." || p.is_empty())
    {
        return Err(format!(
            "`{path}`: a start file's path is relative to the project, without `..`"
        ));
    }
    Ok(())
}

/// The words of a goal: bare words, or `backticked` and "quoted" runs that may hold spaces.
fn words(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '`' || c == '"' {
            chars.next();
            let mut word = String::new();
            loop {
                match chars.next() {
                    Some(x) if x == c => break,
                    Some(x) => word.push(x),
                    None => return Err(format!("an opening {c} has no closing {c}")),
                }
            }
            out.push(word);
            continue;
        }
        let mut word = String::new();
        while let Some(&x) = chars.peek() {
            if x.is_whitespace() {
                break;
            }
            word.push(x);
            chars.next();
        }
        out.push(word);
    }
    Ok(out)
}

/// The longest goal line read; a longer one is a diagnostic (no goal needs more).
const MAX_GOAL: usize = 1000;

/// One goal, as written after `- ` in `## Goals` (and in the tutorial's `Check::Goals`).
pub fn parse_goal(text: &str) -> Result<Goal, String> {
    if text.len() > MAX_GOAL {
        return Err(format!("a goal is at most {MAX_GOAL} characters long"));
    }
    // Leading `not`s are counted, not nested: `not not not x` is one `not x`, read in one pass.
    let mut rest = text.trim();
    let mut negated = false;
    while let Some(after) = rest.strip_prefix("not") {
        if !after.starts_with(char::is_whitespace) {
            break;
        }
        negated = !negated;
        rest = after.trim_start();
    }
    let goal = parse_plain_goal(rest)?;
    Ok(if negated {
        Goal::Not(Box::new(goal))
    } else {
        goal
    })
}

fn parse_plain_goal(text: &str) -> Result<Goal, String> {
    let w = words(text)?;
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    let goal = match w.as_slice() {
        ["file", path, "exists"] => Goal::FileExists(path.to_string()),
        ["file", path, "contains", needle] => {
            Goal::FileContains(path.to_string(), needle.to_string())
        }
        ["ran", command] => Goal::Ran(command.to_string()),
        ["installed", package] => Goal::Installed(package.to_lowercase()),
        ["table", name, "exists"] => Goal::Table(name.to_string()),
        ["table", name, "has", "column", column] => {
            Goal::Column(name.to_string(), column.to_string())
        }
        ["database", "is", "at", "head"] => Goal::AtHead,
        ["revisions", "at", "least", n] => Goal::RevisionsAtLeast(
            n.parse()
                .map_err(|_| format!("`{n}` is not a number of revisions"))?,
        ),
        _ => return Err(format!("`{text}` is not a goal. Goals: {KNOWN}.")),
    };
    Ok(goal)
}

impl Goal {
    /// Whether the workspace meets this goal now.
    pub fn met(&self, w: &World<'_>) -> bool {
        match self {
            Goal::FileExists(path) => w.exists(path),
            Goal::FileContains(path, needle) => w
                .read(path)
                .is_some_and(|text| text.contains(needle.as_str())),
            Goal::Ran(command) => w.ran(command),
            Goal::Installed(package) => w.installed.contains(package),
            Goal::Table(name) => w.tables().iter().any(|t| t == name),
            Goal::Column(table, column) => w.has_column(table, column),
            Goal::AtHead => match (w.current(), w.head()) {
                (Some(current), Some(head)) => current == [head],
                _ => false,
            },
            Goal::RevisionsAtLeast(n) => w.revisions().len() >= *n,
            Goal::Not(goal) => !goal.met(w),
        }
    }
}

impl Exercise {
    /// Each goal and whether it is met.
    pub fn evaluate(&self, w: &World<'_>) -> Vec<bool> {
        self.goals.iter().map(|g| g.goal.met(w)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_read_as_written_and_bad_lines_say_where() {
        let ex = parse(
            "# Add a column\nSome `text`.\n\n## Goals\n- ran `alembic upgrade head`\n- table \"user\" has column nickname\n- not file `x.py` exists\n- tabel user exists\n- revisions at least two\n\n## Hints\n- First hint.\n- Second.\n",
        );
        assert_eq!(ex.title, "Add a column");
        assert_eq!(ex.body, "Some `text`.");
        let goals: Vec<&Goal> = ex.goals.iter().map(|g| &g.goal).collect();
        assert_eq!(
            goals,
            [
                &Goal::Ran("alembic upgrade head".into()),
                &Goal::Column("user".into(), "nickname".into()),
                &Goal::Not(Box::new(Goal::FileExists("x.py".into()))),
            ]
        );
        assert_eq!(ex.hints, ["First hint.", "Second."]);
        let lines: Vec<usize> = ex.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [8, 9]);
        assert!(ex.diagnostics[0]
            .message
            .contains("is not a goal. Goals: file PATH exists"));
    }

    #[test]
    fn start_files_come_from_fenced_blocks_and_stay_in_the_project() {
        let ex = parse(
            "# T\n\n## Files\n### app/new.py\n```python\nx = 1\n\n# ## not a heading\n```\n### ../escape.py\n```\nbad\n```\n",
        );
        assert_eq!(
            ex.files,
            [(
                "app/new.py".to_string(),
                "x = 1\n\n# ## not a heading\n".to_string()
            )]
        );
        assert_eq!(ex.diagnostics.len(), 1, "{:?}", ex.diagnostics);
        assert_eq!(ex.diagnostics[0].line, 10);
    }

    #[test]
    fn any_text_parses_without_panicking() {
        for text in [
            "",
            "#",
            "## Goals\n- `",
            "## Files\n### a\n```",
            "- not not not",
            "## Goals\n- not",
        ] {
            let _ = parse(text);
        }
        assert_eq!(parse("").diagnostics[0].line, 1);
        // A million `not`s is refused at once, and a few are read in one pass, not nested.
        let many = format!(
            "## Goals\n- {}installed alembic\n",
            "not ".repeat(1_000_000)
        );
        assert!(parse(&many)
            .diagnostics
            .iter()
            .any(|d| d.message.contains("at most")));
        assert_eq!(
            parse_goal("not not not installed alembic"),
            Ok(Goal::Not(Box::new(Goal::Installed("alembic".into()))))
        );
        assert_eq!(
            parse_goal("not not installed x"),
            Ok(Goal::Installed("x".into()))
        );
        assert!(parse_goal("not").is_err());
    }
}
