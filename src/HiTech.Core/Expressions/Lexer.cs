using System.Collections.Frozen;
using System.Globalization;

namespace HiTech.Core.Expressions;

/// <summary>Splits expression text into tokens. Numbers are invariant-culture decimals; strings use single or double quotes.</summary>
internal static class Lexer
{
    /// <summary>The words of the language; no name a framework or instrument defines may be one of them.</summary>
    public static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                var literal = text[start..i];
                if (!double.TryParse(literal.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw Fail(start, i - start, "bad-number", $"'{literal}' is not a number.");
                }

                tokens.Add(new Token(TokenKind.Number, literal, start, value));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(Keywords.GetValueOrDefault(word, TokenKind.Identifier), word, start));
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw Fail(start, text.Length - start, "unterminated-string", "A quoted value is not closed.");
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..end], start));
                i = end + 1;
                continue;
            }

            var two = i + 1 < text.Length ? text.AsSpan(i, 2) : default;
            var (kind, length) = two switch
            {
                "<=" => (TokenKind.LessEqual, 2),
                ">=" => (TokenKind.GreaterEqual, 2),
                "==" => (TokenKind.EqualEqual, 2),
                "!=" => (TokenKind.NotEqual, 2),
                "&&" => (TokenKind.And, 2),
                "||" => (TokenKind.Or, 2),
                _ => c switch
                {
                    '(' => (TokenKind.LeftParen, 1),
                    ')' => (TokenKind.RightParen, 1),
                    '[' => (TokenKind.LeftBracket, 1),
                    ']' => (TokenKind.RightBracket, 1),
                    ',' => (TokenKind.Comma, 1),
                    '+' => (TokenKind.Plus, 1),
                    '-' => (TokenKind.Minus, 1),
                    '*' => (TokenKind.Star, 1),
                    '/' => (TokenKind.Slash, 1),
                    '<' => (TokenKind.Less, 1),
                    '>' => (TokenKind.Greater, 1),
                    '!' => (TokenKind.Not, 1),
                    _ => throw Fail(i, 1, "unexpected-character", $"The character '{c}' has no meaning in an expression."),
                },
            };
            tokens.Add(new Token(kind, text.Substring(i, length), i));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or '_'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }

    private static ExpressionException Fail(int offset, int length, string rule, string message) =>
        new(new ExpressionError(offset, length, rule, message));
}
