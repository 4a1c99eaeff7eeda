//! Column types: SQLAlchemy's generic types (`String`, `DateTime`, ...) and the uppercase SQL
//! types (`VARCHAR`, `TIMESTAMP`, ...), and how each dialect spells them in DDL.

use super::Dialect;

/// Which SQLAlchemy type class a column uses. Generic (CamelCase) types let the dialect pick
/// the SQL; uppercase types name the SQL directly.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum TypeKind {
    Integer,
    BigInteger,
    SmallInteger,
    String,
    Text,
    Unicode,
    UnicodeText,
    Boolean,
    Date,
    DateTime,
    Time,
    Float,
    Double,
    Numeric,
    LargeBinary,
    Json,
    Enum,
    Uuid,
    Interval,
    NullType,
    UpperInteger,
    UpperBigInt,
    UpperSmallInt,
    UpperVarchar,
    UpperChar,
    UpperNVarchar,
    UpperNChar,
    UpperText,
    UpperClob,
    UpperBoolean,
    UpperDate,
    UpperDateTime,
    UpperTimestamp,
    UpperTime,
    UpperFloat,
    UpperReal,
    UpperDouble,
    UpperDoublePrecision,
    UpperNumeric,
    UpperDecimal,
    UpperBlob,
    UpperBinary,
    UpperVarBinary,
    UpperUuid,
}

/// Every type class, with its Python name and the class it derives from (for `isinstance`).
pub const TYPE_CLASSES: &[(TypeKind, &str, Option<TypeKind>)] = {
    use TypeKind::*;
    &[
        (NullType, "NullType", None),
        (Integer, "Integer", None),
        (BigInteger, "BigInteger", Some(Integer)),
        (SmallInteger, "SmallInteger", Some(Integer)),
        (String, "String", None),
        (Text, "Text", Some(String)),
        (Unicode, "Unicode", Some(String)),
        (UnicodeText, "UnicodeText", Some(Text)),
        (Boolean, "Boolean", None),
        (Date, "Date", None),
        (DateTime, "DateTime", None),
        (Time, "Time", None),
        (Numeric, "Numeric", None),
        (Float, "Float", Some(Numeric)),
        (Double, "Double", Some(Float)),
        (LargeBinary, "LargeBinary", None),
        (Json, "JSON", None),
        (Enum, "Enum", Some(String)),
        (Uuid, "Uuid", None),
        (Interval, "Interval", None),
        (UpperInteger, "INTEGER", Some(Integer)),
        (UpperBigInt, "BIGINT", Some(BigInteger)),
        (UpperSmallInt, "SMALLINT", Some(SmallInteger)),
        (UpperVarchar, "VARCHAR", Some(String)),
        (UpperChar, "CHAR", Some(String)),
        (UpperNVarchar, "NVARCHAR", Some(Unicode)),
        (UpperNChar, "NCHAR", Some(Unicode)),
        (UpperText, "TEXT", Some(Text)),
        (UpperClob, "CLOB", Some(Text)),
        (UpperBoolean, "BOOLEAN", Some(Boolean)),
        (UpperDate, "DATE", Some(Date)),
        (UpperDateTime, "DATETIME", Some(DateTime)),
        (UpperTimestamp, "TIMESTAMP", Some(DateTime)),
        (UpperTime, "TIME", Some(Time)),
        (UpperNumeric, "NUMERIC", Some(Numeric)),
        (UpperDecimal, "DECIMAL", Some(Numeric)),
        (UpperFloat, "FLOAT", Some(Float)),
        (UpperReal, "REAL", Some(Float)),
        (UpperDouble, "DOUBLE", Some(Double)),
        (UpperDoublePrecision, "DOUBLE_PRECISION", Some(Double)),
        (UpperBlob, "BLOB", Some(LargeBinary)),
        (UpperBinary, "BINARY", None),
        (UpperVarBinary, "VARBINARY", None),
        (UpperUuid, "UUID", Some(Uuid)),
    ]
};

/// The values of an `Enum` type and how it is stored.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EnumSpec {
    /// The stored strings: the member names of a Python enum, or the strings given.
    pub values: Vec<String>,
    /// The PostgreSQL type name (`name=`, or the Python enum class name lowercased).
    pub name: Option<String>,
    /// `native_enum=`: PostgreSQL's `CREATE TYPE`; otherwise a VARCHAR.
    pub native: bool,
    /// `create_constraint=`: a CHECK constraint where there is no native enum.
    pub create_constraint: bool,
    /// `length=`: the VARCHAR length of a non-native enum, at least the longest value.
    pub length: Option<i64>,
    /// The Python enum class's name, for repr.
    pub class_name: Option<String>,
}

/// A column type with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct SqlType {
    pub kind: TypeKind,
    pub length: Option<i64>,
    pub precision: Option<i64>,
    pub scale: Option<i64>,
    pub timezone: bool,
    pub collation: Option<String>,
    pub enum_spec: Option<EnumSpec>,
    /// `Boolean(create_constraint=True, name=...)`: the CHECK that keeps values to 0 and 1
    /// where there is no native boolean, and its name.
    pub bool_check: Option<Option<String>>,
}

impl SqlType {
    pub fn new(kind: TypeKind) -> SqlType {
        SqlType {
            kind,
            length: None,
            precision: None,
            scale: None,
            timezone: false,
            collation: None,
            enum_spec: None,
            bool_check: None,
        }
    }

    pub fn with_length(kind: TypeKind, length: Option<i64>) -> SqlType {
        SqlType {
            length,
            ..SqlType::new(kind)
        }
    }

    pub fn class_name(&self) -> &'static str {
        TYPE_CLASSES
            .iter()
            .find(|(k, _, _)| *k == self.kind)
            .map(|(_, n, _)| *n)
            .unwrap_or("NullType")
    }

    /// Whether a value of this type counts as an integer for autoincrement.
    pub fn is_integer(&self) -> bool {
        use TypeKind::*;
        matches!(
            self.kind,
            Integer | BigInteger | SmallInteger | UpperInteger | UpperBigInt | UpperSmallInt
        )
    }

    /// The VARCHAR length of a non-native enum: `length=` or the longest value.
    fn enum_length(&self) -> Option<i64> {
        let spec = self.enum_spec.as_ref()?;
        let longest = spec
            .values
            .iter()
            .map(|v| v.chars().count() as i64)
            .max()
            .unwrap_or(0);
        Some(spec.length.map_or(longest, |l| l.max(longest)))
    }

    /// Whether the dialect stores this enum as its own named type.
    pub fn is_native_enum(&self, dialect: Dialect) -> bool {
        dialect == Dialect::Postgresql
            && self
                .enum_spec
                .as_ref()
                .is_some_and(|s| s.native && s.name.is_some())
    }

    /// The type as the dialect's DDL spells it (SQLAlchemy's type compiler).
    pub fn compile(&self, dialect: Dialect) -> String {
        use TypeKind::*;
        let pg = dialect == Dialect::Postgresql;
        let sized = |name: &str, len: Option<i64>| match len {
            Some(n) => format!("{name}({n})"),
            None => name.to_string(),
        };
        let numeric = |name: &str| match (self.precision, self.scale) {
            (Some(p), Some(s)) => format!("{name}({p}, {s})"),
            (Some(p), None) => format!("{name}({p})"),
            _ => name.to_string(),
        };
        let with_tz = |name: &str| {
            if pg {
                let tz = if self.timezone { "WITH" } else { "WITHOUT" };
                format!("{name} {tz} TIME ZONE")
            } else {
                name.to_string()
            }
        };
        let collate = |sql: std::string::String| match &self.collation {
            Some(c) => format!("{sql} COLLATE \"{c}\""),
            None => sql,
        };
        match self.kind {
            Integer | UpperInteger => "INTEGER".into(),
            BigInteger | UpperBigInt => "BIGINT".into(),
            SmallInteger | UpperSmallInt => "SMALLINT".into(),
            String | Unicode | UpperVarchar => collate(sized("VARCHAR", self.length)),
            UpperNVarchar => collate(sized("NVARCHAR", self.length)),
            UpperChar => collate(sized("CHAR", self.length)),
            UpperNChar => collate(sized("NCHAR", self.length)),
            Text | UnicodeText | UpperText => collate(sized("TEXT", self.length)),
            UpperClob => collate(sized("CLOB", self.length)),
            Boolean | UpperBoolean => "BOOLEAN".into(),
            Date | UpperDate => "DATE".into(),
            DateTime => {
                if pg {
                    with_tz("TIMESTAMP")
                } else {
                    "DATETIME".into()
                }
            }
            UpperDateTime => "DATETIME".into(),
            UpperTimestamp => with_tz("TIMESTAMP"),
            Time | UpperTime => with_tz("TIME"),
            Float | UpperFloat => {
                if pg {
                    sized("FLOAT", self.precision)
                } else {
                    "FLOAT".into()
                }
            }
            Double => {
                if pg {
                    "DOUBLE PRECISION".into()
                } else {
                    "DOUBLE".into()
                }
            }
            UpperDouble => "DOUBLE".into(),
            UpperDoublePrecision => "DOUBLE PRECISION".into(),
            UpperReal => "REAL".into(),
            Numeric | UpperNumeric => numeric("NUMERIC"),
            UpperDecimal => numeric("DECIMAL"),
            LargeBinary => {
                if pg {
                    "BYTEA".into()
                } else {
                    "BLOB".into()
                }
            }
            UpperBlob => "BLOB".into(),
            UpperBinary => sized("BINARY", self.length),
            UpperVarBinary => sized("VARBINARY", self.length),
            Json => "JSON".into(),
            Uuid => {
                if pg {
                    "UUID".into()
                } else {
                    "CHAR(32)".into()
                }
            }
            UpperUuid => "UUID".into(),
            Interval => {
                if pg {
                    "INTERVAL".into()
                } else {
                    "DATETIME".into()
                }
            }
            Enum => {
                if self.is_native_enum(dialect) {
                    let name = self.enum_spec.as_ref().and_then(|s| s.name.clone());
                    super::ddl::quote(dialect, &name.unwrap_or_default())
                } else {
                    collate(sized("VARCHAR", self.enum_length()))
                }
            }
            NullType => "NULL".into(),
        }
    }

    /// SQLAlchemy's `repr()` of the type, as autogenerate renders it after `sa.`.
    pub fn repr(&self) -> String {
        use TypeKind::*;
        let name = self.class_name();
        let mut args: Vec<std::string::String> = Vec::new();
        match self.kind {
            String | Unicode | Text | UnicodeText | UpperVarchar | UpperChar | UpperNVarchar
            | UpperNChar | UpperText | UpperClob | UpperBinary | UpperVarBinary | LargeBinary
            | UpperBlob => {
                if let Some(n) = self.length {
                    args.push(format!("length={n}"));
                }
                if let Some(c) = &self.collation {
                    args.push(format!("collation='{c}'"));
                }
            }
            Numeric | UpperNumeric | UpperDecimal | Float | UpperFloat | Double | UpperDouble
            | UpperReal | UpperDoublePrecision => {
                if let Some(p) = self.precision {
                    args.push(format!("precision={p}"));
                }
                if let Some(s) = self.scale {
                    args.push(format!("scale={s}"));
                }
            }
            DateTime | UpperDateTime | UpperTimestamp | Time | UpperTime if self.timezone => {
                args.push("timezone=True".into());
            }
            Enum => {
                if let Some(spec) = &self.enum_spec {
                    args.extend(spec.values.iter().map(|v| format!("'{v}'")));
                    if let Some(n) = &spec.name {
                        args.push(format!("name='{n}'"));
                    }
                    // SQLAlchemy's repr adds these three when they differ from their
                    // defaults, in this order (the length defaults to the longest value).
                    if !spec.native {
                        args.push("native_enum=False".into());
                    }
                    if spec.create_constraint {
                        args.push("create_constraint=True".into());
                    }
                    let longest = spec
                        .values
                        .iter()
                        .map(|v| v.chars().count() as i64)
                        .max()
                        .unwrap_or(0);
                    if let Some(l) = spec.length.filter(|l| *l != longest) {
                        args.push(format!("length={l}"));
                    }
                }
            }
            _ => {}
        }
        format!("{name}({})", args.join(", "))
    }
}
