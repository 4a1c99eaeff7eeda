//! The ER diagram: tables as boxes in layers (a table sits right of every table it points at),
//! foreign keys as arrows from the column to the table it references. Plain SVG, laid out
//! here, styled by classes (the CSP forbids inline styles).

use yew::prelude::*;

use crate::ui::i18n;
use crate::views::schema::{Change, TableView};

const WIDTH: f64 = 150.0;
const GAP_X: f64 = 48.0;
const GAP_Y: f64 = 18.0;
const HEADER: f64 = 22.0;
const ROW: f64 = 16.0;
const PAD: f64 = 6.0;

#[derive(Properties, PartialEq)]
pub struct ErDiagramProps {
    pub tables: Vec<TableView>,
}

struct Placed<'a> {
    table: &'a TableView,
    x: f64,
    y: f64,
}

impl Placed<'_> {
    fn height(&self) -> f64 {
        HEADER + ROW * self.table.columns.len() as f64 + PAD
    }

    fn row_y(&self, column: &str) -> f64 {
        match self.table.columns.iter().position(|c| c.name == column) {
            Some(i) => self.y + HEADER + ROW * i as f64 + ROW / 2.0 + 2.0,
            None => self.y + HEADER / 2.0,
        }
    }
}

/// Above this many tables the diagram is drawn on request: hundreds of boxes take the page
/// hundreds of milliseconds to lay out, and nobody reads them at once.
const DRAWN_AT_ONCE: usize = 60;

/// Longest chain of references below each table. Each table's depth is worked out once, so a
/// long chain of foreign keys costs its length, not its square. A cycle is cut where the walk
/// first comes back round it (that table counts 0 there), so its tables' layers depend on
/// which is met first: table order, which is stable.
fn depths(tables: &[TableView]) -> Vec<usize> {
    #[derive(Clone, Copy)]
    enum Mark {
        New,
        OnPath,
        Done(usize),
    }
    fn depth(refs: &[Vec<usize>], i: usize, marks: &mut [Mark]) -> usize {
        match marks[i] {
            Mark::Done(d) => return d,
            Mark::OnPath => return 0,
            Mark::New => {}
        }
        marks[i] = Mark::OnPath;
        let d = refs[i]
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| depth(refs, j, marks) + 1)
            .max()
            .unwrap_or(0);
        marks[i] = Mark::Done(d);
        d
    }
    let index: std::collections::HashMap<&str, usize> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    let refs: Vec<Vec<usize>> = tables
        .iter()
        .map(|t| {
            t.references()
                .iter()
                .filter_map(|r| index.get(&r[..]).copied())
                .collect()
        })
        .collect();
    let mut marks = vec![Mark::New; tables.len()];
    (0..tables.len())
        .map(|i| depth(&refs, i, &mut marks))
        .collect()
}

#[function_component]
pub fn ErDiagram(props: &ErDiagramProps) -> Html {
    let lang = i18n::use_lang();
    let draw_all = use_state(|| false);
    let tables = &props.tables;
    if tables.len() > DRAWN_AT_ONCE && !*draw_all {
        let onclick = {
            let draw_all = draw_all.clone();
            Callback::from(move |_| draw_all.set(true))
        };
        let n = tables.len().to_string();
        return html! {
            <p class="er-skipped">
                {i18n::ER_ON_REQUEST.get(lang)}{" "}
                <button type="button" {onclick}>{i18n::ER_DRAW_ALL.get(lang).replace("{n}", &n)}</button>
            </p>
        };
    }
    let depth = depths(tables);
    let mut heights = vec![0.0_f64; depth.iter().max().map_or(1, |m| m + 1)];
    let mut placed: Vec<Placed> = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        let layer = depth[i];
        let p = Placed {
            table: t,
            x: 8.0 + layer as f64 * (WIDTH + GAP_X),
            y: 8.0 + heights[layer],
        };
        heights[layer] += p.height() + GAP_Y;
        placed.push(p);
    }
    let width = 16.0 + heights.len() as f64 * (WIDTH + GAP_X) - GAP_X;
    let height = 8.0 + heights.iter().cloned().fold(0.0, f64::max);

    let mut arrows = Vec::new();
    for from in &placed {
        for c in &from.table.columns {
            let Some(target) = &c.references else {
                continue;
            };
            let (table, column) = target.split_once('.').unwrap_or((target, ""));
            let Some(to) = placed.iter().find(|p| p.table.name == table) else {
                continue;
            };
            let (x1, y1) = (from.x, from.row_y(&c.name));
            let (x2, y2) = if to.x < from.x {
                (to.x + WIDTH, to.row_y(column))
            } else {
                // Same layer (a self-reference or a cycle): loop round the left side.
                (to.x, to.row_y(column))
            };
            let bend = if to.x < from.x {
                (x1 - x2) / 2.0
            } else {
                -30.0
            };
            let d = if to.x < from.x {
                format!(
                    "M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}",
                    x1 - bend,
                    x2 + bend
                )
            } else {
                format!(
                    "M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}",
                    x1 + bend,
                    x2 + bend
                )
            };
            arrows.push(html! {
                <path class="fk-arrow" d={d} marker-end="url(#er-arrow)">
                    <title>{format!("{}.{} → {target}", from.table.name, c.name)}</title>
                </path>
            });
        }
    }

    let boxes = placed.iter().map(|p| {
        let t = p.table;
        let class = classes!(
            "er-table",
            match t.change {
                Change::Added => Some("added"),
                Change::Altered => Some("altered"),
                Change::Removed => Some("removed"),
                Change::Same => None,
            }
        );
        html! {
            <g class={class}>
                <rect class="er-box" x={p.x.to_string()} y={p.y.to_string()} width={WIDTH.to_string()}
                      height={p.height().to_string()} rx="5" />
                <rect class="er-head" x={p.x.to_string()} y={p.y.to_string()} width={WIDTH.to_string()}
                      height={HEADER.to_string()} rx="5" />
                <text class="er-title" x={(p.x + 8.0).to_string()} y={(p.y + 15.0).to_string()}>{t.name.clone()}</text>
                { for t.columns.iter().enumerate().map(|(i, c)| {
                    let y = p.y + HEADER + ROW * (i as f64 + 1.0) - 2.0;
                    // Text keys, not emoji: the learner's fonts may have no emoji.
                    let key = match (c.primary_key, c.references.is_some()) {
                        (true, true) => "PK FK",
                        (true, false) => "PK",
                        (false, true) => "FK",
                        _ => "",
                    };
                    html! {
                        <>
                            <text class={classes!("er-col", (c.change == Change::Removed).then_some("removed"))}
                                  x={(p.x + 8.0).to_string()} y={y.to_string()}>
                                {c.name.clone()}
                            </text>
                            <text class="er-key" x={(p.x + WIDTH - 6.0).to_string()} y={y.to_string()}>{key}</text>
                        </>
                    }
                }) }
            </g>
        }
    });

    html! {
        <svg class="er-diagram" role="img" viewBox={format!("0 0 {width} {height}")}
             width={width.to_string()} height={height.to_string()}
             aria-label={i18n::er_diagram(tables.len(), lang)}>
            <defs>
                <marker id="er-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path class="fk-arrow-head" d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            { for boxes }
            { for arrows }
        </svg>
    }
}
