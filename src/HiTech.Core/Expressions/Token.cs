namespace HiTech.Core.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    NotEqual,
    And,
    Or,
    Not,
    In,
    True,
    False,
    End,
}

/// <summary>A token and where it starts in the expression text (0-based), so errors can point at it.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0);
