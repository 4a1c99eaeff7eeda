//! Alembic's operations package (`alembic/operations/`): what directives mean beyond a single
//! statement. Batch mode lives here; the directives themselves are reached from Python through
//! `alembic.op` and compiled by `crate::ddl`.

pub mod batch;
