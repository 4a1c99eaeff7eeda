//! The Mako subset `script.py.mako` needs: text with `${expression | filters}` substitutions,
//! `% if`/`% elif`/`% else`/`% endif` control lines, `## comments`, `<%text>` blocks, and
//! `\` line continuations. Expressions are Python, evaluated by the caller.

/// One piece of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Text(String),
    /// `${expr | filter, filter}`.
    Expr {
        code: String,
        filters: Vec<String>,
    },
    /// `% if cond:` ... with `elif`/`else` branches, then `% endif`.
    If {
        branches: Vec<(Option<String>, Vec<Node>)>,
    },
}

/// A template that could not be read, with Mako's message.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateError(pub String);

/// Parses a template into nodes.
pub fn parse(text: &str) -> Result<Vec<Node>, TemplateError> {
    let mut stack: Vec<Vec<(Option<String>, Vec<Node>)>> = Vec::new();
    let mut out: Vec<Node> = Vec::new();
    let mut text_mode = false;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let trimmed = line.trim_start();
        if text_mode {
            if let Some(at) = line.find("</%text>") {
                push_text(current(&mut out, &mut stack), &line[..at]);
                push_text(current(&mut out, &mut stack), &line[at + 8..]);
                text_mode = false;
            } else {
                push_text(current(&mut out, &mut stack), line);
            }
            continue;
        }
        if trimmed.starts_with("##") {
            continue;
        }
        if let Some(control) = trimmed
            .strip_prefix('%')
            .filter(|_| !trimmed.starts_with("%%"))
        {
            let control = control.trim();
            let word = control
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            match word {
                "if" => {
                    let cond = control[2..].trim().trim_end_matches(':').trim().to_string();
                    stack.push(vec![(Some(cond), Vec::new())]);
                }
                "elif" => {
                    let cond = control[4..].trim().trim_end_matches(':').trim().to_string();
                    let Some(top) = stack.last_mut() else {
                        return Err(TemplateError(
                            "Keyword 'elif' not a legal ternary for keyword 'None'".into(),
                        ));
                    };
                    top.push((Some(cond), Vec::new()));
                }
                "else" => {
                    let Some(top) = stack.last_mut() else {
                        return Err(TemplateError(
                            "Keyword 'else' not a legal ternary for keyword 'None'".into(),
                        ));
                    };
                    top.push((None, Vec::new()));
                }
                "endif" => {
                    let Some(branches) = stack.pop() else {
                        return Err(TemplateError("No starting keyword 'if' for 'endif'".into()));
                    };
                    current(&mut out, &mut stack).push(Node::If { branches });
                }
                _ => {
                    return Err(TemplateError(format!(
                        "Unsupported control line: %{control}"
                    )))
                }
            }
            continue;
        }
        let mut line = line.to_string();
        if let Some(at) = line.find("<%text>") {
            let (before, after) = line.split_at(at);
            let after = &after[7..];
            parse_line(before, current(&mut out, &mut stack))?;
            match after.find("</%text>") {
                Some(end) => {
                    push_text(current(&mut out, &mut stack), &after[..end]);
                    line = after[end + 8..].to_string();
                }
                None => {
                    push_text(current(&mut out, &mut stack), after);
                    text_mode = true;
                    continue;
                }
            }
        }
        // A backslash at the end of a line joins it with the next.
        if let Some(stripped) = line.strip_suffix("\\\n") {
            parse_line(stripped, current(&mut out, &mut stack))?;
            continue;
        }
        parse_line(&line, current(&mut out, &mut stack))?;
    }
    if !stack.is_empty() {
        return Err(TemplateError("Unterminated control keyword: 'if'".into()));
    }
    Ok(out)
}

fn current<'a>(
    out: &'a mut Vec<Node>,
    stack: &'a mut [Vec<(Option<String>, Vec<Node>)>],
) -> &'a mut Vec<Node> {
    match stack.last_mut().and_then(|b| b.last_mut()) {
        Some((_, nodes)) => nodes,
        None => out,
    }
}

fn push_text(nodes: &mut Vec<Node>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Node::Text(t)) = nodes.last_mut() {
        t.push_str(text);
    } else {
        nodes.push(Node::Text(text.to_string()));
    }
}

/// Splits a line into text and `${...}` expressions (braces and strings inside are kept).
fn parse_line(line: &str, nodes: &mut Vec<Node>) -> Result<(), TemplateError> {
    let mut rest = line;
    while let Some(at) = rest.find("${") {
        push_text(nodes, &rest[..at]);
        let body = &rest[at + 2..];
        let mut depth = 0;
        let mut quote: Option<char> = None;
        let mut end = None;
        for (i, c) in body.char_indices() {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                '{' | '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                '}' if depth == 0 => {
                    end = Some(i);
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let Some(end) = end else {
            return Err(TemplateError("Expected: }".into()));
        };
        let inner = &body[..end];
        let (code, filters) = split_filters(inner);
        nodes.push(Node::Expr { code, filters });
        rest = &body[end + 1..];
    }
    push_text(nodes, rest);
    Ok(())
}

/// `expr | a,b`: the expression and its filters (a `|` inside strings or brackets is Python's).
fn split_filters(inner: &str) -> (String, Vec<String>) {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in inner.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '|' if depth == 0 => {
                let filters = inner[i + 1..]
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect();
                return (inner[..i].trim().to_string(), filters);
            }
            _ => {}
        }
    }
    (inner.trim().to_string(), Vec::new())
}

/// Evaluates an expression with its filters to text.
pub type Eval<'a, E> = dyn FnMut(&str, &[String]) -> Result<String, E> + 'a;

/// Renders parsed nodes; `eval` gives an expression's text with its filters applied, and
/// `test` a condition's truth.
pub fn render<E>(
    nodes: &[Node],
    eval: &mut Eval<'_, E>,
    test: &mut dyn FnMut(&str) -> Result<bool, E>,
) -> Result<String, E> {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Expr { code, filters } => out.push_str(&eval(code, filters)?),
            Node::If { branches } => {
                for (cond, body) in branches {
                    let take = match cond {
                        Some(c) => test(c)?,
                        None => true,
                    };
                    if take {
                        out.push_str(&render(body, eval, test)?);
                        break;
                    }
                }
            }
        }
    }
    Ok(out)
}
