//! The projects the benchmarks run on, built in memory the way tools/bench/*.py builds them on
//! disk for real Alembic: N model tables for autogenerate, N linear revisions for upgrade.

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, BROWSER_HOME};

pub const PROJECT: &str = "/home/learner/fastapi_template";

fn initialised() -> Shell<MemFs> {
    let mut fs = MemFs::new();
    fs.create_dir_all(PROJECT).unwrap();
    let mut shell = Shell::new(fs, PROJECT, BROWSER_HOME);
    assert_eq!(shell.run_line("alembic init alembic").exit_code, 0);
    let ini = format!("{PROJECT}/alembic.ini");
    let text = shell.fs.read_to_string(&ini).unwrap();
    shell
        .fs
        .write(
            &ini,
            text.replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db")
                .as_bytes(),
        )
        .unwrap();
    shell
}

/// tools/bench/autogenerate.py's models: N tables, each with an indexed column and a foreign
/// key to the table before.
pub fn autogenerate_project(n: usize) -> Shell<MemFs> {
    let mut shell = initialised();
    let mut models = String::from(
        "from sqlalchemy import ForeignKey, Integer, String\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n\nclass Base(DeclarativeBase):\n    pass\n",
    );
    for i in 0..n {
        models.push_str(&format!(
            "\n\nclass T{i}(Base):\n    __tablename__ = 't{i}'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    name: Mapped[str] = mapped_column(String(50), index=True)\n    value: Mapped[int | None] = mapped_column(Integer)\n"
        ));
        if i > 0 {
            models.push_str(&format!(
                "    parent_id: Mapped[int | None] = mapped_column(ForeignKey('t{}.id'))\n",
                i - 1
            ));
        }
    }
    shell
        .fs
        .write(&format!("{PROJECT}/models.py"), models.as_bytes())
        .unwrap();
    let env = format!("{PROJECT}/alembic/env.py");
    let text = shell.fs.read_to_string(&env).unwrap();
    shell
        .fs
        .write(
            &env,
            text.replace(
                "target_metadata = None",
                "from models import Base\ntarget_metadata = Base.metadata",
            )
            .as_bytes(),
        )
        .unwrap();
    shell
}

/// tools/bench/upgrade.py's revisions: N in a line, each creating a table and adding a column.
pub fn upgrade_project(n: usize) -> Shell<MemFs> {
    let mut shell = initialised();
    let mut down: Option<String> = None;
    for i in 0..n {
        let rev = format!("{i:012x}");
        let down_repr = down
            .as_ref()
            .map_or("None".to_string(), |d| format!("'{d}'"));
        let text = format!(
            "\"\"\"step {i}\n\nRevision ID: {rev}\nRevises: {}\nCreate Date: 2026-01-01 00:00:00\n\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '{rev}'\ndown_revision = {down_repr}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n    op.create_table(\n        't{i}',\n        sa.Column('id', sa.Integer(), nullable=False),\n        sa.Column('name', sa.String(length=50), nullable=True),\n        sa.PrimaryKeyConstraint('id'),\n    )\n    op.add_column('t{i}', sa.Column('extra', sa.Integer(), nullable=True))\n\n\ndef downgrade() -> None:\n    op.drop_table('t{i}')\n",
            down.as_deref().unwrap_or("")
        );
        shell
            .fs
            .write(
                &format!("{PROJECT}/alembic/versions/{rev}_step_{i}.py"),
                text.as_bytes(),
            )
            .unwrap();
        down = Some(rev);
    }
    shell
}
