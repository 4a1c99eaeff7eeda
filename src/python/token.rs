//! Token kinds of the Python lexer, with CPython's spelling of each for error messages.

use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Name,
    Int,
    Float,
    Complex,
    /// Any string literal, prefix included (`rb'..'`, `f"..."`, `"""..."""`); the parser
    /// decodes it, and parses f-string contents, as CPython 3.11 does.
    String,
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LeftShift,
    RightShift,
    Amper,
    Vbar,
    Circumflex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Equal,
    Rarrow,
    Ellipsis,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    /// `!`, meaningful only inside f-string replacement fields.
    Exclamation,
    /// Something the lexer could not read; the matching lexical error says what.
    Unknown,
}

impl TokenKind {
    pub fn keyword(word: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match word {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            False
                | None
                | True
                | And
                | As
                | Assert
                | Async
                | Await
                | Break
                | Class
                | Continue
                | Def
                | Del
                | Elif
                | Else
                | Except
                | Finally
                | For
                | From
                | Global
                | If
                | Import
                | In
                | Is
                | Lambda
                | Nonlocal
                | Not
                | Or
                | Pass
                | Raise
                | Return
                | Try
                | While
                | With
                | Yield
        )
    }

    /// The augmented-assignment operators (`+=` ...).
    pub fn is_aug_assign(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            PlusEqual
                | MinusEqual
                | StarEqual
                | SlashEqual
                | DoubleSlashEqual
                | PercentEqual
                | AtEqual
                | AmperEqual
                | VbarEqual
                | CircumflexEqual
                | LeftShiftEqual
                | RightShiftEqual
                | DoubleStarEqual
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}
