//! Python values: the object model the evaluator works on (CPython's `PyObject` family in the
//! small): immutable scalars by value, containers and objects behind `Rc`, classes with an MRO,
//! and instances that native modules can attach Rust data to.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::python::ast::{Arguments, Expr, Stmt};
use crate::text::LineIndex;

pub type Namespace = IndexMap<Rc<str>, Value>;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// An int beyond 64 bits (never one that fits: `bigint::int_value` keeps ints that fit
    /// as `Int`, so equal ints are always the same variant).
    BigInt(Rc<super::bigint::BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    /// A `frozenset`: the same storage as `set`, never mutated after it is built.
    FrozenSet(Rc<RefCell<Dict>>),
    /// `range(start, stop, step)`.
    Range(i64, i64, i64),
    /// `slice(lower, upper, step)`.
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A function bound to its first argument (`obj.method`).
    BoundMethod(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// An iterator over precomputed items (list iterators, `zip`, `map` and the like).
    Iterator(Rc<RefCell<std::vec::IntoIter<Value>>>),
    /// `property(fget)`.
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
}

impl Drop for Value {
    /// Dropping a deeply nested value (a tuple in a tuple 200,000 times, a long linked list of
    /// instances) would recurse once per level and overflow the browser's stack, killing the
    /// tab; so the last owner of a container moves its items onto a heap worklist first.
    fn drop(&mut self) {
        let mut pending = Vec::new();
        take_items(self, &mut pending);
        while let Some(mut item) = pending.pop() {
            take_items(&mut item, &mut pending);
        }
    }
}

/// Moves the items out of a container that `value` owns alone, leaving it shallow.
fn take_items(value: &mut Value, out: &mut Vec<Value>) {
    let take = |v: &mut Value| std::mem::replace(v, Value::None);
    match value {
        Value::Tuple(t) => {
            if let Some(items) = Rc::get_mut(t) {
                out.extend(items.iter_mut().map(take));
            }
        }
        Value::Slice(t) => {
            if let Some(items) = Rc::get_mut(t) {
                out.extend(items.iter_mut().map(take));
            }
        }
        Value::List(l) => {
            if let Some(items) = Rc::get_mut(l) {
                out.append(items.get_mut());
            }
        }
        Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
            if let Some(dict) = Rc::get_mut(d) {
                for (_, (k, v)) in dict.get_mut().entries.drain(..) {
                    out.push(k);
                    out.push(v);
                }
            }
        }
        // Not `Rc::get_mut`: the session's weak handles on instances (for breaking cycles at
        // shutdown) would make it refuse. The last strong owner may empty the dict.
        Value::Instance(i) if Rc::strong_count(i) == 1 => {
            if let Ok(mut dict) = i.dict.try_borrow_mut() {
                out.extend(dict.drain(..).map(|(_, v)| v));
            }
        }
        Value::BoundMethod(m) => {
            if let Some(pair) = Rc::get_mut(m) {
                out.push(take(&mut pair.0));
                out.push(take(&mut pair.1));
            }
        }
        Value::StaticMethod(f) | Value::ClassMethod(f) => {
            if let Some(f) = Rc::get_mut(f) {
                out.push(take(f));
            }
        }
        Value::Iterator(it) => {
            if let Some(it) = Rc::get_mut(it) {
                out.extend(it.get_mut().by_ref());
            }
        }
        _ => {}
    }
}

/// A key of a dict or set, hashed and compared the way Python hashes and compares it:
/// `1`, `1.0` and `True` are the same key; objects without value semantics by identity.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum HashKey {
    None,
    Int(i64),
    /// An int beyond 64 bits, or a whole float beyond them (`1e30` is the key `10**30`'s
    /// neighbour, and equal to the int it is exactly).
    BigInt(Rc<super::bigint::BigInt>),
    Float(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<HashKey>),
    FrozenSet(FrozenKeys),
    Identity(usize),
}

/// The keys of a hashed `frozenset`: equal as sets, so the hash must not depend on order.
#[derive(Clone, Debug)]
pub struct FrozenKeys(pub Vec<HashKey>);

impl PartialEq for FrozenKeys {
    fn eq(&self, other: &Self) -> bool {
        let theirs: std::collections::HashSet<&HashKey> = other.0.iter().collect();
        self.0.len() == other.0.len() && self.0.iter().all(|k| theirs.contains(k))
    }
}

impl Eq for FrozenKeys {}

impl std::hash::Hash for FrozenKeys {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        use std::hash::{BuildHasher, BuildHasherDefault};
        // XOR of the element hashes, as CPython's frozenset hash is, is order-independent.
        let builder = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
        let combined = self.0.iter().fold(0u64, |acc, k| acc ^ builder.hash_one(k));
        state.write_u64(combined);
    }
}

/// An insertion-ordered dict (also the storage of sets, with `None` values).
#[derive(Clone, Default)]
pub struct Dict {
    pub entries: IndexMap<HashKey, (Value, Value)>,
}

impl Dict {
    pub fn get(&self, key: &HashKey) -> Option<&Value> {
        self.entries.get(key).map(|(_, v)| v)
    }

    pub fn insert(&mut self, key: HashKey, k: Value, v: Value) {
        match self.entries.get_mut(&key) {
            // Python keeps the first key object and replaces the value.
            Some(slot) => slot.1 = v,
            None => {
                self.entries.insert(key, (k, v));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A Python source file the evaluator runs, kept for tracebacks.
pub struct SourceFile {
    pub path: String,
    pub text: Rc<str>,
    pub index: LineIndex,
}

/// Which names a function body binds locally, and which it declares `global`/`nonlocal`
/// (Python decides this for the whole body before running it).
#[derive(Default, Debug)]
pub struct ScopeInfo {
    pub locals: std::collections::HashSet<String>,
    pub globals: std::collections::HashSet<String>,
    pub nonlocals: std::collections::HashSet<String>,
    /// A comprehension's scope: names bound by `:=` inside it belong to the enclosing scope.
    pub comprehension: bool,
}

pub type Scope = Rc<RefCell<HashMap<Rc<str>, Value>>>;

/// A function defined in Python: `def` or `lambda`.
pub struct Function {
    pub name: String,
    pub qualname: String,
    pub params: Rc<Arguments>,
    pub body: FunctionBody,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<Option<Value>>,
    pub globals: Rc<Module>,
    /// Scopes of the enclosing functions, innermost last.
    pub closure: Vec<Scope>,
    pub scope: Rc<ScopeInfo>,
    pub file: Rc<SourceFile>,
    pub dict: RefCell<Namespace>,
    /// The class whose body defined it, for zero-argument `super()`.
    pub owner: RefCell<Option<std::rc::Weak<Class>>>,
}

pub enum FunctionBody {
    Block(Rc<[Stmt]>),
    Lambda(Rc<Expr>),
}

pub type NativeFn = dyn for<'a> Fn(
    &mut super::Interp<'a>,
    Vec<Value>,
    Vec<(Rc<str>, Value)>,
) -> Result<Value, super::PyErr>;

/// A function implemented in Rust.
pub struct Builtin {
    pub name: String,
    /// Module or class it belongs to, for `repr`.
    pub owner: String,
    pub func: Box<NativeFn>,
}

pub struct Class {
    pub name: String,
    pub module: String,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after the class itself (C3 linearization).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Namespace>,
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<Namespace>,
    /// Rust data of a native class (an `enum` member's value, a SQLAlchemy column).
    pub payload: RefCell<Option<Rc<dyn Any>>>,
}

pub struct Module {
    pub name: String,
    /// The file it was loaded from, or `None` for a native module.
    pub file: Option<String>,
    pub dict: Rc<RefCell<Namespace>>,
}

pub struct Property {
    pub fget: Value,
    pub fset: Option<Value>,
}

impl Class {
    /// The class itself followed by its MRO.
    pub fn lineage(self: &Rc<Class>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }

    pub fn lookup(self: &Rc<Class>, name: &str) -> Option<Value> {
        self.lineage()
            .find_map(|c| c.dict.borrow().get(name).cloned())
    }

    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        self.lineage().any(|c| Rc::ptr_eq(c, other))
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    /// The storage of a `set` or `frozenset`.
    pub fn set_items(&self) -> Option<&Rc<RefCell<Dict>>> {
        match self {
            Value::Set(d) | Value::FrozenSet(d) => Some(d),
            _ => None,
        }
    }

    /// A new set of the same kind as `self` (set operations keep the left operand's type).
    pub fn set_like(&self, items: Dict) -> Value {
        let items = Rc::new(RefCell::new(items));
        match self {
            Value::FrozenSet(_) => Value::FrozenSet(items),
            _ => Value::Set(items),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same object, or equal for the immutable scalars CPython shares.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a == b && a.len() <= 1),
            _ => match (self.identity(), other.identity()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object, for `is`, `id()` and identity hashing.
    pub fn identity(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::BigInt(n) => Rc::as_ptr(n) as usize,
            Value::Tuple(t) => Rc::as_ptr(t) as *const u8 as usize,
            Value::Bytes(b) => Rc::as_ptr(b) as *const u8 as usize,
            Value::List(l) => Rc::as_ptr(l) as usize,
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => Rc::as_ptr(d) as usize,
            Value::Function(f) => Rc::as_ptr(f) as usize,
            Value::Builtin(b) => Rc::as_ptr(b) as usize,
            Value::BoundMethod(m) => Rc::as_ptr(m) as usize,
            Value::Class(c) => Rc::as_ptr(c) as usize,
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            Value::Module(m) => Rc::as_ptr(m) as usize,
            Value::Iterator(i) => Rc::as_ptr(i) as usize,
            Value::Property(p) => Rc::as_ptr(p) as usize,
            Value::StaticMethod(s) | Value::ClassMethod(s) => Rc::as_ptr(s) as usize,
            Value::Slice(s) => Rc::as_ptr(s) as usize,
            _ => return None,
        })
    }

    pub fn payload<T: 'static>(&self) -> Option<Rc<T>> {
        match self {
            Value::Instance(inst) => inst.payload.borrow().clone()?.downcast::<T>().ok(),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(n) => write!(f, "{n}"),
            Value::BigInt(n) => write!(f, "{n}"),
            Value::Float(x) => write!(f, "{}", crate::python::dump::float_repr(*x)),
            Value::Str(s) => write!(f, "{:?}", &**s),
            Value::Tuple(t) => f.debug_tuple("").field(&&**t).finish(),
            Value::List(l) => f.debug_list().entries(l.borrow().iter()).finish(),
            Value::Class(c) => write!(f, "<class '{}'>", c.name),
            Value::Module(m) => write!(f, "<module '{}'>", m.name),
            Value::Function(func) => write!(f, "<function {}>", func.qualname),
            Value::Builtin(b) => write!(f, "<built-in function {}>", b.name),
            Value::Instance(i) => write!(f, "<{} object>", i.class.name),
            _ => f.write_str("<object>"),
        }
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and no double.
impl Value {
    /// A dict with string keys, in order.
    pub fn dict_of_str<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
        let mut d = Dict::default();
        for (k, v) in pairs {
            let key: Rc<str> = Rc::from(k);
            d.insert(HashKey::Str(Rc::clone(&key)), Value::Str(key), v);
        }
        Value::Dict(Rc::new(RefCell::new(d)))
    }
}

pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => out.push_str(&escape_char(c)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character: not a control, format, separator (except space),
/// surrogate or unassigned character. The ranges cover what these files meet.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(n < 0x20
        || (0x7f..0xa0).contains(&n)
        || n == 0xad
        || matches!(n, 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f | 0xfeff | 0xfff9..=0xfffb)
        || (c.is_whitespace() && c != ' '))
}

fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `ascii(...)`: a repr with every non-ASCII character escaped.
pub fn ascii_escape(repr: &str) -> String {
    repr.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                escape_char(c)
            }
        })
        .collect()
}

/// Python's `repr(bytes)`./// Python's `repr(bytes)`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
