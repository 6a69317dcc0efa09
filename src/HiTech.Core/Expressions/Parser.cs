namespace HiTech.Core.Expressions;

/// <summary>
/// Recursive-descent parser. Precedence, loosest first: or; and; not; comparison and <c>in</c>;
/// + and -; * and /; unary minus; literals, names, calls, brackets.
/// </summary>
internal sealed class Parser
{
    /// <summary>
    /// How deeply an expression may nest (brackets, calls, unary operators and chained binary operators count).
    /// Far beyond any sensible formula, and low enough that parsing, binding and compiling cannot overflow the stack.
    /// </summary>
    public const int MaxDepth = 100;

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static Node Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExpressionException(new ExpressionError(0, 0, "empty-expression", "The expression is empty."));
        }

        var parser = new Parser(Lexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Fail(parser.Current, "unexpected-token", $"Unexpected '{parser.Current.Text}' after a complete expression.");
        }

        return node;
    }

    private Token Current => _tokens[_position];

    /// <summary>Goes one level deeper; an expression nested beyond <see cref="MaxDepth"/> is refused, never a crash.</summary>
    private void Deeper(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail(at, "too-deep", $"The expression nests more than {MaxDepth} levels deep; split it into derived quantities.");
        }
    }

    private Token Advance() => _tokens[_position++];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            var found = Current.Kind == TokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw Fail(Current, "expected-token", $"Expected {what} but found {found}.");
        }

        return Advance();
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        var depth = _depth;
        while (Current.Kind == TokenKind.Or)
        {
            Deeper(Advance());
            var right = ParseAnd();
            left = Span(new BinaryNode("or", left, right, 0, 0), left, right);
        }

        _depth = depth;
        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        var depth = _depth;
        while (Current.Kind == TokenKind.And)
        {
            Deeper(Advance());
            var right = ParseNot();
            left = Span(new BinaryNode("and", left, right, 0, 0), left, right);
        }

        _depth = depth;
        return left;
    }

    private Node ParseNot()
    {
        if (Current.Kind == TokenKind.Not)
        {
            var start = Advance();
            Deeper(start);
            var operand = ParseNot();
            _depth--;
            return new UnaryNode("not", operand, start.Offset, operand.Offset + operand.Length - start.Offset);
        }

        return ParseComparison();
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.In)
        {
            Advance();
            var container = ParseAdditive();
            return Span(new InNode(left, container, 0, 0), left, container);
        }

        if (Current.Kind == TokenKind.Not && _tokens[_position + 1].Kind == TokenKind.In)
        {
            Advance();
            Advance();
            var container = ParseAdditive();
            var inNode = Span(new InNode(left, container, 0, 0), left, container);
            return new UnaryNode("not", inNode, inNode.Offset, inNode.Length);
        }

        var op = Current.Kind switch
        {
            TokenKind.Less => "<",
            TokenKind.LessEqual => "<=",
            TokenKind.Greater => ">",
            TokenKind.GreaterEqual => ">=",
            TokenKind.EqualEqual => "==",
            TokenKind.NotEqual => "!=",
            _ => null,
        };
        if (op is null)
        {
            return left;
        }

        Advance();
        var right = ParseAdditive();
        var comparison = Span(new BinaryNode(op, left, right, 0, 0), left, right);
        if (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.NotEqual)
        {
            throw Fail(Current, "chained-comparison", "Comparisons cannot be chained; join them with 'and'.");
        }

        return comparison;
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        var depth = _depth;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            Deeper(token);
            var right = ParseMultiplicative();
            left = Span(new BinaryNode(token.Text, left, right, 0, 0), left, right);
        }

        _depth = depth;
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        var depth = _depth;
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var token = Advance();
            Deeper(token);
            var right = ParseUnary();
            left = Span(new BinaryNode(token.Text, left, right, 0, 0), left, right);
        }

        _depth = depth;
        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var start = Advance();
            Deeper(start);
            var operand = ParseUnary();
            _depth--;
            return new UnaryNode("-", operand, start.Offset, operand.Offset + operand.Length - start.Offset);
        }

        return ParsePrimary();
    }

    private Node ParsePrimary()
    {
        var token = Advance();
        if (token.Kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.Identifier)
        {
            Deeper(token);
        }

        try
        {
            return ParsePrimary(token);
        }
        finally
        {
            if (token.Kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.Identifier)
            {
                _depth--;
            }
        }
    }

    private Node ParsePrimary(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new NumberNode(token.Number, token.Offset, token.Text.Length);
            case TokenKind.String:
                return new StringNode(token.Text, token.Offset, token.Text.Length + 2);
            case TokenKind.True:
            case TokenKind.False:
                return new BooleanNode(token.Kind == TokenKind.True, token.Offset, token.Text.Length);
            case TokenKind.LeftParen:
                {
                    var inner = ParseOr();
                    var close = Expect(TokenKind.RightParen, "')'");
                    return inner with { Offset = token.Offset, Length = close.Offset + 1 - token.Offset };
                }

            case TokenKind.LeftBracket:
                {
                    var items = new List<Node>();
                    if (Current.Kind != TokenKind.RightBracket)
                    {
                        do
                        {
                            items.Add(ParseAdditive());
                        }
                        while (Accept(TokenKind.Comma));
                    }

                    var close = Expect(TokenKind.RightBracket, "',' or ']'");
                    return new ListNode(items, token.Offset, close.Offset + 1 - token.Offset);
                }

            case TokenKind.Identifier:
                if (Current.Kind != TokenKind.LeftParen)
                {
                    return new NameNode(token.Text, token.Offset, token.Text.Length);
                }

                {
                    Advance();
                    var arguments = new List<Node>();
                    if (Current.Kind != TokenKind.RightParen)
                    {
                        do
                        {
                            arguments.Add(ParseOr());
                        }
                        while (Accept(TokenKind.Comma));
                    }

                    var close = Expect(TokenKind.RightParen, "',' or ')'");
                    return new CallNode(token.Text, arguments, token.Offset, close.Offset + 1 - token.Offset);
                }

            case TokenKind.End:
                throw Fail(token, "unexpected-end", "The expression ends too early: a value is missing.");
            default:
                throw Fail(token, "unexpected-token", $"Unexpected '{token.Text}': a value, name or '(' was expected.");
        }
    }

    private static T Span<T>(T node, Node first, Node last)
        where T : Node =>
        node with { Offset = first.Offset, Length = last.Offset + last.Length - first.Offset };

    private static ExpressionException Fail(Token token, string rule, string message) =>
        new(new ExpressionError(token.Offset, Math.Max(token.Text.Length, 1), rule, message));
}
