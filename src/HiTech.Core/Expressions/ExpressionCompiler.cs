namespace HiTech.Core.Expressions;

/// <summary>The front door of the expression language: parse, inspect, bind and compile.</summary>
public static class ExpressionCompiler
{
    /// <summary>Parses the text, or returns the first syntax error.</summary>
    public static (Node? Node, ExpressionError? Error) Parse(string text)
    {
        try
        {
            return (Parser.Parse(text), null);
        }
        catch (ExpressionException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>Every plain name the expression reads (not function names, not table names).</summary>
    public static IReadOnlySet<string> ReferencedNames(Node node) => NameNodes(node).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every place the expression reads a plain name, in the order written (not function names, not table names).</summary>
    public static IReadOnlyList<NameNode> NameNodes(Node node)
    {
        var names = new List<NameNode>();
        Collect(node, names);
        return names;
    }

    /// <summary>
    /// Type-checks the parsed expression against <paramref name="scope"/> and compiles it into a delegate.
    /// <paramref name="expected"/> is the type the context needs; null accepts a number, true/false or an enum value.
    /// </summary>
    public static (CompiledExpression? Compiled, ExpressionError? Error) Compile(string text, Node node, ISymbolScope scope, TypeKind? expected)
    {
        try
        {
            return (Binder.Compile(text, node, scope, expected), null);
        }
        catch (ExpressionException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>Parses and compiles in one step.</summary>
    public static (CompiledExpression? Compiled, ExpressionError? Error) Compile(string text, ISymbolScope scope, TypeKind? expected)
    {
        var (node, error) = Parse(text);
        return node is null ? (null, error) : Compile(text, node, scope, expected);
    }

    private static void Collect(Node node, List<NameNode> names)
    {
        switch (node)
        {
            case NameNode name:
                names.Add(name);
                break;
            case ListNode list:
                foreach (var item in list.Items)
                {
                    Collect(item, names);
                }

                break;
            case UnaryNode unary:
                Collect(unary.Operand, names);
                break;
            case BinaryNode binary:
                Collect(binary.Left, names);
                Collect(binary.Right, names);
                break;
            case InNode inNode:
                Collect(inNode.Item, names);
                Collect(inNode.Container, names);
                break;
            case CallNode call:
                // lookup(table, key): the first argument names a table, not a value.
                var skipFirst = call.Function == "lookup";
                for (var i = skipFirst ? 1 : 0; i < call.Arguments.Count; i++)
                {
                    Collect(call.Arguments[i], names);
                }

                break;
        }
    }
}
