create table "Parent" (
  "Id" integer primary key autoincrement,
  code varchar(20) unique not null,
  price decimal(10,2) default 0,
  ratio double precision,
  stamp timestamp default (datetime('now')),
  raw blob,
  anything,
  flag bool default 1 check (flag in (0, 1))
);
create table child (
  id int primary key,
  parent_id integer references "Parent"("Id") on delete cascade,
  note text collate nocase,
  tiny smallint,
  big bigint,
  score real,
  label nvarchar(12),
  unique (note, tiny),
  constraint named_check check (score > 0)
);
create index ix_child_parent on child (parent_id);
create index ix_child_expr on child (lower(note));
