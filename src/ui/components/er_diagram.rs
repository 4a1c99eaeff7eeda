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

/// Longest chain of references below each table (cycles and self-references count once).
fn depths(tables: &[TableView]) -> Vec<usize> {
    fn depth(tables: &[TableView], i: usize, seen: &mut Vec<usize>) -> usize {
        if seen.contains(&i) {
            return 0;
        }
        seen.push(i);
        let d = tables[i]
            .references()
            .iter()
            .filter_map(|r| tables.iter().position(|t| t.name == *r))
            .filter(|&j| j != i)
            .map(|j| depth(tables, j, seen) + 1)
            .max()
            .unwrap_or(0);
        seen.pop();
        d
    }
    (0..tables.len())
        .map(|i| depth(tables, i, &mut Vec::new()))
        .collect()
}

#[function_component]
pub fn ErDiagram(props: &ErDiagramProps) -> Html {
    let lang = i18n::use_lang();
    let tables = &props.tables;
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
