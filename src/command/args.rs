//! The subcommands' argument parsers, as Alembic declares them to argparse (alembic/config.py):
//! options anywhere, unique long-option prefixes, attached values, `--`, required positionals,
//! and argparse's error texts. Unknown words go back to the top-level parser, which reports
//! them as `unrecognized arguments`.

/// One option of a subcommand.
pub struct Opt {
    pub short: Option<&'static str>,
    pub long: &'static str,
    /// The metavar when it takes a value (`MESSAGE`), or `None` for a flag.
    pub value: Option<&'static str>,
}

/// A subcommand's parser: its options and positionals (`+` marks one-or-more).
pub struct Spec {
    pub options: &'static [Opt],
    pub positionals: &'static [&'static str],
}

const fn flag(short: Option<&'static str>, long: &'static str) -> Opt {
    Opt {
        short,
        long,
        value: None,
    }
}

const fn valued(short: Option<&'static str>, long: &'static str, metavar: &'static str) -> Opt {
    Opt {
        short,
        long,
        value: Some(metavar),
    }
}

const SQL: Opt = flag(None, "--sql");
const TAG: Opt = valued(None, "--tag", "TAG");
const VERBOSE: Opt = flag(Some("-v"), "--verbose");

const INIT: &[Opt] = &[
    valued(Some("-t"), "--template", "TEMPLATE"),
    flag(None, "--package"),
];
const REVISION: &[Opt] = &[
    valued(Some("-m"), "--message", "MESSAGE"),
    flag(None, "--autogenerate"),
    SQL,
    valued(None, "--head", "HEAD"),
    flag(None, "--splice"),
    valued(None, "--branch-label", "BRANCH_LABEL"),
    valued(None, "--version-path", "VERSION_PATH"),
    valued(None, "--rev-id", "REV_ID"),
    valued(None, "--depends-on", "DEPENDS_ON"),
];
const UPGRADE: &[Opt] = &[SQL, TAG];
const CURRENT: &[Opt] = &[flag(Some("-c"), "--check-heads"), VERBOSE];
const HISTORY: &[Opt] = &[
    valued(Some("-r"), "--rev-range", "REV_RANGE"),
    VERBOSE,
    flag(Some("-i"), "--indicate-current"),
];
const HEADS: &[Opt] = &[VERBOSE, flag(None, "--resolve-dependencies")];
const BRANCHES: &[Opt] = &[VERBOSE];
const STAMP: &[Opt] = &[SQL, TAG, flag(None, "--purge")];
const MERGE: &[Opt] = &[
    valued(Some("-m"), "--message", "MESSAGE"),
    valued(None, "--branch-label", "BRANCH_LABEL"),
    valued(None, "--rev-id", "REV_ID"),
    flag(None, "--splice"),
];
const ENSURE_VERSION: &[Opt] = &[SQL];

/// The parser of each command.
pub fn spec(command: &str) -> Spec {
    let (options, positionals): (&'static [Opt], &'static [&'static str]) = match command {
        "init" => (INIT, &["directory"]),
        "revision" => (REVISION, &[]),
        "upgrade" | "downgrade" => (UPGRADE, &["revision"]),
        "current" => (CURRENT, &[]),
        "history" => (HISTORY, &[]),
        "heads" => (HEADS, &[]),
        "branches" => (BRANCHES, &[]),
        "show" | "edit" => (&[], &["rev"]),
        "stamp" => (STAMP, &["revisions+"]),
        "merge" => (MERGE, &["revisions+"]),
        "ensure_version" => (ENSURE_VERSION, &[]),
        _ => (&[], &[]),
    };
    Spec {
        options,
        positionals,
    }
}

/// What a subcommand was given.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parsed {
    /// Options by long name (`--message`), with their values; flags have `None`.
    pub options: Vec<(&'static str, Option<String>)>,
    pub positionals: Vec<String>,
}

impl Parsed {
    pub fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(n, _)| *n == long)
    }

    /// The last value given for an option (argparse's `store`).
    pub fn value(&self, long: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| *n == long)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Every value given for an option (argparse's `append`).
    pub fn values(&self, long: &str) -> Vec<String> {
        self.options
            .iter()
            .filter(|(n, _)| *n == long)
            .filter_map(|(_, v)| v.clone())
            .collect()
    }
}

/// How parsing ended when it did not produce arguments.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// `-h`: print the command's help page.
    Help,
    /// A subcommand error: `alembic <cmd>: error: <msg>` after its usage.
    Error(String),
    /// Words the subcommand does not know: the top-level parser reports them.
    Unrecognized(Vec<String>),
}

enum Match<'a> {
    Found(&'a Opt, Option<String>),
    Ambiguous(Vec<&'static str>),
    Unknown,
}

fn find<'a>(spec: &'a Spec, word: &str) -> Match<'a> {
    if let Some(long) = word.strip_prefix("--") {
        let (name, attached) = match long.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (long, None),
        };
        let typed = format!("--{name}");
        if typed == "--help"
            || ("--help".starts_with(&typed)
                && typed.len() > 2
                && !spec.options.iter().any(|o| o.long.starts_with(&typed)))
        {
            return Match::Found(&HELP, None);
        }
        if let Some(exact) = spec.options.iter().find(|o| o.long == typed) {
            return Match::Found(exact, attached);
        }
        let mut matches: Vec<&Opt> = spec
            .options
            .iter()
            .filter(|o| o.long.starts_with(&typed))
            .collect();
        if "--help".starts_with(&typed) {
            matches.push(&HELP);
        }
        return match matches.as_slice() {
            [] => Match::Unknown,
            [one] => Match::Found(one, attached),
            many => Match::Ambiguous(many.iter().map(|o| o.long).collect()),
        };
    }
    // `-` and the one character after it, whatever its width (`-\u{a0}` is a word too).
    let short_end = word.char_indices().nth(2).map_or(word.len(), |(i, _)| i);
    let short = &word[..short_end];
    let rest = &word[short.len()..];
    if short == "-h" {
        return Match::Found(&HELP, None);
    }
    match spec.options.iter().find(|o| o.short == Some(short)) {
        Some(o) if o.value.is_some() => {
            Match::Found(o, (!rest.is_empty()).then(|| rest.to_string()))
        }
        Some(o) if rest.is_empty() => Match::Found(o, None),
        // Combined short flags (`-vi`) are split by the caller.
        Some(o) => Match::Found(o, Some(format!("-{rest}"))),
        None => Match::Unknown,
    }
}

const HELP: Opt = flag(Some("-h"), "--help");

/// Parses a subcommand's words.
pub fn parse(spec: &Spec, words: &[String]) -> Result<Parsed, Outcome> {
    let mut parsed = Parsed::default();
    let mut positional_words: Vec<String> = Vec::new();
    let mut extras: Vec<String> = Vec::new();
    let mut i = 0;
    let mut only_positionals = false;
    let mut pending: Vec<String> = Vec::new();
    while i < words.len() || !pending.is_empty() {
        let word = match pending.pop() {
            Some(w) => w,
            None => {
                i += 1;
                words[i - 1].clone()
            }
        };
        if only_positionals || !word.starts_with('-') || word == "-" || is_negative_number(&word) {
            positional_words.push(word);
            continue;
        }
        if word == "--" {
            only_positionals = true;
            continue;
        }
        match find(spec, &word) {
            Match::Found(opt, _) if opt.long == "--help" => return Err(Outcome::Help),
            Match::Found(opt, attached) => match opt.value {
                None => {
                    parsed.options.push((opt.long, None));
                    if let Some(more) = attached {
                        if word.starts_with("--") {
                            return Err(Outcome::Error(format!(
                                "argument {}: ignored explicit argument '{}'",
                                names(opt),
                                more.trim_start_matches('-')
                            )));
                        }
                        pending.push(more);
                    }
                }
                Some(_) => {
                    let value = match attached {
                        Some(v) => v,
                        None => {
                            let next = if pending.is_empty() {
                                words.get(i).cloned()
                            } else {
                                pending.pop()
                            };
                            match next {
                                Some(n)
                                    if !n.starts_with('-')
                                        || n == "-"
                                        || is_negative_number(&n) =>
                                {
                                    if pending.is_empty() {
                                        i += 1;
                                    }
                                    n
                                }
                                _ => {
                                    return Err(Outcome::Error(format!(
                                        "argument {}: expected one argument",
                                        names(opt)
                                    )))
                                }
                            }
                        }
                    };
                    parsed.options.push((opt.long, Some(value)));
                }
            },
            Match::Ambiguous(matches) => {
                let typed = word.split('=').next().unwrap_or(&word).to_string();
                return Err(Outcome::Error(format!(
                    "ambiguous option: {typed} could match {}",
                    matches.join(", ")
                )));
            }
            Match::Unknown => extras.push(word),
        }
    }
    let mut missing = Vec::new();
    let mut words_left = positional_words.into_iter();
    for p in spec.positionals {
        match p.strip_suffix('+') {
            Some(name) => {
                let rest: Vec<String> = words_left.by_ref().collect();
                if rest.is_empty() {
                    missing.push(name);
                }
                parsed.positionals.extend(rest);
            }
            None => match words_left.next() {
                Some(w) => parsed.positionals.push(w),
                None => missing.push(*p),
            },
        }
    }
    if !missing.is_empty() {
        return Err(Outcome::Error(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    extras.extend(words_left);
    if !extras.is_empty() {
        return Err(Outcome::Unrecognized(extras));
    }
    Ok(parsed)
}

fn names(opt: &Opt) -> String {
    match opt.short {
        Some(s) => format!("{s}/{}", opt.long),
        None => opt.long.to_string(),
    }
}

fn is_negative_number(word: &str) -> bool {
    word.len() > 1
        && word[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
        && word.starts_with('-')
}
