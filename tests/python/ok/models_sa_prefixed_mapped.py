import sqlalchemy as sa
import sqlalchemy.orm as so


class Base(so.DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "task"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    title: so.Mapped[str] = so.mapped_column(sa.String(140))
    done: so.Mapped[bool] = so.mapped_column(sa.Boolean, server_default=sa.false())
    due: so.Mapped[sa.Date | None] = so.mapped_column(sa.Date, nullable=True)
    list_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("todo_list.id"), index=True)

    todo_list: so.Mapped["TodoList"] = so.relationship(back_populates="tasks")


class TodoList(Base):
    __tablename__ = "todo_list"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    tasks: so.WriteOnlyMapped["Task"] = so.relationship(back_populates="todo_list")
