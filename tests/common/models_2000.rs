//! A generated 2,000-line models file for the Python front-end benchmark: declarative-style
//! classes with columns, constraints, properties and `__repr__`, the shape of a large
//! SQLAlchemy models module. SQLAlchemy itself is stubbed in the file, so the benchmark
//! measures the parser and evaluator alone.

pub fn source() -> String {
    let mut out = String::from(
        "import enum\nfrom typing import Optional\n\n\n\
         class Column:\n    def __init__(self, type_, *args, primary_key=False, nullable=True, index=False, default=None):\n        \
         self.type_ = type_\n        self.args = args\n        self.primary_key = primary_key\n        self.nullable = nullable\n        \
         self.index = index\n        self.default = default\n\n\n\
         def String(length=None):\n    return ('VARCHAR', length)\n\n\n\
         Integer = ('INTEGER', None)\nBoolean = ('BOOLEAN', None)\n\n\n\
         class ForeignKey:\n    def __init__(self, target, ondelete=None):\n        self.target = target\n        self.ondelete = ondelete\n\n\n\
         registry = {}\n\n\n\
         class Base:\n    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n        \
         registry[cls.__tablename__] = {name: value for name, value in vars(cls).items() if isinstance(value, Column)}\n\n\n\
         class Status(enum.Enum):\n    ACTIVE = 'active'\n    INACTIVE = 'inactive'\n",
    );
    let mut i: usize = 0;
    while out.lines().count() < 2000 {
        out.push_str(&format!(
            "\n\nclass Model{i}(Base):\n    \
             \"\"\"Table number {i}.\"\"\"\n\n    \
             __tablename__ = \"model_{i}\"\n\n    \
             id = Column(Integer, primary_key=True)\n    \
             name = Column(String(100), nullable=False, index=True)\n    \
             email = Column(String(255), nullable=False)\n    \
             is_active = Column(Boolean, default=True)\n    \
             owner_id = Column(Integer, ForeignKey(\"model_{prev}.id\", ondelete=\"CASCADE\"))\n    \
             note = Column(String(), nullable=True)\n\n    \
             @property\n    def label(self) -> str:\n        return f\"{{self.name}} <{{self.email}}>\"\n\n    \
             def __repr__(self) -> str:\n        return f\"Model{i}(id={{self.id!r}})\"\n",
            prev = i.saturating_sub(1)
        ));
        i += 1;
    }
    out.push_str("\n\nprint(len(registry), sum(len(columns) for columns in registry.values()))\n");
    out
}
