using System.Collections.Immutable;
using System.Globalization;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace HiTech.Core.Expressions;

/// <summary>
/// Type-checks a parsed expression and turns it into a LINQ expression tree over two vectors:
/// <c>values</c> (numbers, booleans as 0/1, enum indexes; NaN when missing) and <c>sets</c> (code-list bit sets).
/// The tree is compiled once per framework, so nothing is interpreted per enterprise.
/// </summary>
internal sealed class Binder
{
    private static readonly System.Reflection.MethodInfo IsNaN = typeof(double).GetMethod(nameof(double.IsNaN), [typeof(double)])!;
    private static readonly System.Reflection.MethodInfo MathMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly System.Reflection.MethodInfo MathMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly System.Reflection.MethodInfo MathAbs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
    private static readonly System.Reflection.MethodInfo MathLog10 = typeof(Math).GetMethod(nameof(Math.Log10), [typeof(double)])!;
    private static readonly System.Reflection.MethodInfo PopCount = typeof(ulong).GetMethod(nameof(ulong.PopCount), [typeof(ulong)])!;
    private static readonly System.Reflection.MethodInfo TableLookup = typeof(Binder).GetMethod(nameof(Lookup), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private readonly ISymbolScope _scope;
    private readonly ParameterExpression _values = LinqExpression.Parameter(typeof(double[]), "values");
    private readonly ParameterExpression _sets = LinqExpression.Parameter(typeof(ulong[]), "sets");
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    private Binder(ISymbolScope scope) => _scope = scope;

    /// <summary>A checked sub-expression: its type, its tree (null for literals typed by context) and its missing mask.</summary>
    private sealed record Bound(ExprType Type, LinqExpression? Tree, ulong Mask, Node Node, object? Literal = null);

    public static CompiledExpression Compile(string text, Node node, ISymbolScope scope, TypeKind? expected)
    {
        var binder = new Binder(scope);
        var bound = binder.Bind(node);
        if (expected is { } kind ? bound.Type.Kind != kind : bound.Type.Kind is not (TypeKind.Number or TypeKind.Boolean or TypeKind.Enum))
        {
            throw Fail(node, "type-mismatch", $"This expression gives {bound.Type} but {Describe(expected)} is needed here.");
        }

        var body = bound.Type.Kind == TypeKind.Boolean
            ? LinqExpression.Condition(bound.Tree!, LinqExpression.Constant(1.0), LinqExpression.Constant(0.0))
            : bound.Tree!;
        var lambda = LinqExpression.Lambda<Func<double[], ulong[], double>>(body, binder._values, binder._sets);
        return new CompiledExpression(text, bound.Type, bound.Mask, binder._references.ToImmutableHashSet(StringComparer.Ordinal), lambda);
    }

    private Bound Bind(Node node) => node switch
    {
        NumberNode n => new Bound(ExprType.Number, LinqExpression.Constant(n.Value), 0, n, n.Value),
        BooleanNode b => new Bound(ExprType.Boolean, LinqExpression.Constant(b.Value), 0, b),
        StringNode s => new Bound(ExprType.Text, null, 0, s, s.Value),
        ListNode l => BindList(l),
        NameNode name => BindName(name),
        UnaryNode unary => BindUnary(unary),
        BinaryNode binary => BindBinary(binary),
        InNode inNode => BindIn(inNode),
        CallNode call => BindCall(call),
        _ => throw Fail(node, "unsupported", "This construct is not supported."),
    };

    private Bound BindList(ListNode list)
    {
        var items = list.Items.Select(Bind).ToList();
        foreach (var item in items)
        {
            if (item.Literal is not (double or string))
            {
                throw Fail(item.Node, "list-literal", "A list may hold only numbers or quoted values written out in full.");
            }
        }

        if (items.Count > 0 && items.Any(i => i.Type.Kind != items[0].Type.Kind))
        {
            throw Fail(list, "list-mixed", "A list must hold only numbers or only quoted values, not both.");
        }

        return new Bound(ExprType.List, null, 0, list, items);
    }

    private Bound BindName(NameNode name)
    {
        if (!_scope.TryResolve(name.Name, out var symbol))
        {
            var near = Suggest(name.Name, _scope.Names);
            var hint = near is null ? "" : $" Did you mean '{near}'?";
            throw Fail(name, "undefined-name", $"'{name.Name}' is not an input, derived quantity or engine quantity of this framework.{hint}");
        }

        _references.Add(name.Name);
        LinqExpression tree = symbol.Type.Kind switch
        {
            TypeKind.Boolean => LinqExpression.NotEqual(Slot(symbol), LinqExpression.Constant(0.0)),
            TypeKind.CodeSet => LinqExpression.ArrayIndex(_sets, LinqExpression.Constant(symbol.SetIndex)),
            _ => Slot(symbol),
        };
        return new Bound(symbol.Type, tree, symbol.MissingMask, name, symbol);
    }

    private System.Linq.Expressions.BinaryExpression Slot(Symbol symbol) => LinqExpression.ArrayIndex(_values, LinqExpression.Constant(symbol.Slot));

    private Bound BindUnary(UnaryNode unary)
    {
        var operand = Bind(unary.Operand);
        if (unary.Operator == "-")
        {
            if (operand.Type.Kind != TypeKind.Number)
            {
                throw Fail(unary.Operand, "type-mismatch", $"Minus needs a number, not {operand.Type}.");
            }

            return new Bound(ExprType.Number, LinqExpression.Negate(operand.Tree!), operand.Mask, unary, operand.Literal is double d ? -d : null);
        }

        RequireBoolean(operand, "'not'");
        return new Bound(ExprType.Boolean, LinqExpression.Not(operand.Tree!), operand.Mask, unary);
    }

    private Bound BindBinary(BinaryNode binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        var mask = left.Mask | right.Mask;
        switch (binary.Operator)
        {
            case "and":
            case "or":
                RequireBoolean(left, $"'{binary.Operator}'");
                RequireBoolean(right, $"'{binary.Operator}'");
                var logic = binary.Operator == "and" ? LinqExpression.AndAlso(left.Tree!, right.Tree!) : LinqExpression.OrElse(left.Tree!, right.Tree!);
                return new Bound(ExprType.Boolean, logic, mask, binary);
            case "+":
            case "-":
            case "*":
            case "/":
                RequireNumber(left, $"'{binary.Operator}'");
                RequireNumber(right, $"'{binary.Operator}'");
                if (binary.Operator == "/" && !IsNonZeroConstant(binary.Right))
                {
                    throw Fail(binary, "division-needs-fallback", "Dividing by something that may be zero needs an explicit fallback: write div(a, b, fallback).");
                }

                LinqExpression arithmetic = binary.Operator switch
                {
                    "+" => LinqExpression.Add(left.Tree!, right.Tree!),
                    "-" => LinqExpression.Subtract(left.Tree!, right.Tree!),
                    "*" => LinqExpression.Multiply(left.Tree!, right.Tree!),
                    _ => LinqExpression.Divide(left.Tree!, right.Tree!),
                };
                return new Bound(ExprType.Number, arithmetic, mask, binary);
            default:
                return BindComparison(binary, left, right, mask);
        }
    }

    private static bool IsNonZeroConstant(Node node) => node switch
    {
        NumberNode n => n.Value != 0,
        UnaryNode { Operator: "-", Operand: NumberNode n } => n.Value != 0,
        _ => false,
    };

    private static Bound BindComparison(BinaryNode binary, Bound left, Bound right, ulong mask)
    {
        // An enum compared with a quoted value: the value must belong to the enum's domain.
        if (left.Type.Kind == TypeKind.Text && right.Type.Kind == TypeKind.Enum)
        {
            (left, right) = (right, left);
            binary = binary with { Operator = Mirror(binary.Operator) };
        }

        LinqExpression l;
        LinqExpression r;
        if (left.Type.Kind == TypeKind.Enum && (right.Type.Kind == TypeKind.Text || right.Type.Kind == TypeKind.Enum))
        {
            var domain = left.Type.Domain!;
            if (right.Type.Kind == TypeKind.Enum && right.Type.Domain!.Id != domain.Id)
            {
                throw Fail(binary, "type-mismatch", $"Cannot compare {left.Type} with {right.Type}.");
            }

            if (binary.Operator is not ("==" or "!=") && !domain.Ordered)
            {
                throw Fail(binary, "unordered-comparison", $"The values of {domain.Id} have no order; only == and != apply.");
            }

            l = left.Tree!;
            r = right.Type.Kind == TypeKind.Text ? LinqExpression.Constant((double)DomainIndex(domain, right)) : right.Tree!;
        }
        else if (left.Type.Kind == TypeKind.Number && right.Type.Kind == TypeKind.Number)
        {
            l = left.Tree!;
            r = right.Tree!;
        }
        else if (left.Type.Kind == TypeKind.Boolean && right.Type.Kind == TypeKind.Boolean && binary.Operator is "==" or "!=")
        {
            l = left.Tree!;
            r = right.Tree!;
        }
        else
        {
            throw Fail(binary, "type-mismatch", $"Cannot compare {left.Type} with {right.Type} using '{binary.Operator}'.");
        }

        LinqExpression comparison = binary.Operator switch
        {
            "<" => LinqExpression.LessThan(l, r),
            "<=" => LinqExpression.LessThanOrEqual(l, r),
            ">" => LinqExpression.GreaterThan(l, r),
            ">=" => LinqExpression.GreaterThanOrEqual(l, r),
            "==" => LinqExpression.Equal(l, r),
            _ => LinqExpression.NotEqual(l, r),
        };
        return new Bound(ExprType.Boolean, comparison, mask, binary);
    }

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    private Bound BindIn(InNode inNode)
    {
        var item = Bind(inNode.Item);
        var container = Bind(inNode.Container);

        // 'iso9001' in certifications: membership of a code in a code-list input.
        if (container.Type.Kind == TypeKind.CodeSet)
        {
            if (item.Type.Kind != TypeKind.Text)
            {
                throw Fail(inNode.Item, "type-mismatch", $"Only a quoted value can be looked for in {container.Type}.");
            }

            var bit = 1UL << DomainIndex(container.Type.Domain!, item);
            var test = LinqExpression.NotEqual(LinqExpression.And(container.Tree!, LinqExpression.Constant(bit)), LinqExpression.Constant(0UL));
            return new Bound(ExprType.Boolean, test, container.Mask, inNode);
        }

        if (container.Type.Kind != TypeKind.List)
        {
            throw Fail(inNode.Container, "type-mismatch", $"'in' needs a bracketed list or a code list after it, not {container.Type}.");
        }

        var items = (List<Bound>)container.Literal!;
        var values = item.Type.Kind switch
        {
            TypeKind.Number => items.Select(i => i.Type.Kind == TypeKind.Number ? (double)i.Literal!
                : throw Fail(i.Node, "type-mismatch", "This list is compared with a number, so it must hold numbers.")).ToList(),
            TypeKind.Enum => items.Select(i => i.Type.Kind == TypeKind.Text ? (double)DomainIndex(item.Type.Domain!, i)
                : throw Fail(i.Node, "type-mismatch", $"This list is compared with {item.Type}, so it must hold quoted values.")).ToList(),
            _ => throw Fail(inNode.Item, "type-mismatch", $"'in' needs a number or {"an enum value"} on its left, not {item.Type}."),
        };
        LinqExpression any = LinqExpression.Constant(false);
        foreach (var value in values.Distinct())
        {
            any = LinqExpression.OrElse(any, LinqExpression.Equal(item.Tree!, LinqExpression.Constant(value)));
        }

        return new Bound(ExprType.Boolean, any, item.Mask, inNode);
    }

    private Bound BindCall(CallNode call)
    {
        var name = call.Function;
        switch (name)
        {
            case "min":
            case "max":
                {
                    RequireArguments(call, 2, int.MaxValue);
                    var args = call.Arguments.Select(Bind).ToList();
                    args.ForEach(a => RequireNumber(a, $"{name}()"));
                    var method = name == "min" ? MathMin : MathMax;
                    var tree = args.Skip(1).Aggregate(args[0].Tree!, (acc, a) => LinqExpression.Call(method, acc, a.Tree!));
                    return new Bound(ExprType.Number, tree, args.Aggregate(0UL, (m, a) => m | a.Mask), call);
                }

            case "clamp":
                {
                    RequireArguments(call, 3, 3);
                    var args = call.Arguments.Select(Bind).ToList();
                    args.ForEach(a => RequireNumber(a, "clamp()"));
                    var tree = LinqExpression.Call(MathMin, LinqExpression.Call(MathMax, args[0].Tree!, args[1].Tree!), args[2].Tree!);
                    return new Bound(ExprType.Number, tree, args[0].Mask | args[1].Mask | args[2].Mask, call);
                }

            case "abs":
            case "log10":
                {
                    RequireArguments(call, 1, 1);
                    var arg = Bind(call.Arguments[0]);
                    RequireNumber(arg, $"{name}()");
                    return new Bound(ExprType.Number, LinqExpression.Call(name == "abs" ? MathAbs : MathLog10, arg.Tree!), arg.Mask, call);
                }

            case "div":
                {
                    RequireArguments(call, 3, 3);
                    var args = call.Arguments.Select(Bind).ToList();
                    args.ForEach(a => RequireNumber(a, "div()"));
                    var tree = LinqExpression.Condition(
                        LinqExpression.Equal(args[1].Tree!, LinqExpression.Constant(0.0)),
                        args[2].Tree!,
                        LinqExpression.Divide(args[0].Tree!, args[1].Tree!));
                    return new Bound(ExprType.Number, tree, args[0].Mask | args[1].Mask | args[2].Mask, call);
                }

            case "if":
                {
                    RequireArguments(call, 3, 3);
                    var condition = Bind(call.Arguments[0]);
                    RequireBoolean(condition, "the first argument of if()");
                    var then = Bind(call.Arguments[1]);
                    var otherwise = Bind(call.Arguments[2]);
                    if (then.Type.Kind != otherwise.Type.Kind || then.Type.Kind is not (TypeKind.Number or TypeKind.Boolean))
                    {
                        throw Fail(call, "type-mismatch", $"if() needs two numbers or two true/false values, not {then.Type} and {otherwise.Type}.");
                    }

                    return new Bound(then.Type, LinqExpression.Condition(condition.Tree!, then.Tree!, otherwise.Tree!), condition.Mask | then.Mask | otherwise.Mask, call);
                }

            case "present":
                {
                    RequireArguments(call, 1, 1);
                    if (call.Arguments[0] is not NameNode nameNode)
                    {
                        throw Fail(call, "present-needs-name", "present() takes the name of an input, e.g. present(rd_spend).");
                    }

                    var arg = Bind(nameNode);
                    var symbol = (Symbol)arg.Literal!;
                    var test = LinqExpression.Not(LinqExpression.Call(IsNaN, Slot(symbol)));

                    // Presence is always known, so present() is never itself missing.
                    return new Bound(ExprType.Boolean, test, 0, call);
                }

            case "coalesce":
                {
                    RequireArguments(call, 2, 2);
                    var value = Bind(call.Arguments[0]);
                    var fallback = Bind(call.Arguments[1]);
                    if (value.Literal is not Symbol symbol || value.Type.Kind is not (TypeKind.Number or TypeKind.Boolean))
                    {
                        throw Fail(call.Arguments[0], "coalesce-needs-name", "coalesce() takes the name of a number or true/false input first, e.g. coalesce(patents, 0).");
                    }

                    if (fallback.Type.Kind != value.Type.Kind)
                    {
                        throw Fail(call.Arguments[1], "type-mismatch", $"The fallback must be {value.Type}, like the value it replaces.");
                    }

                    var raw = Slot(symbol);
                    LinqExpression present = value.Type.Kind == TypeKind.Boolean ? LinqExpression.NotEqual(raw, LinqExpression.Constant(0.0)) : raw;
                    var tree = LinqExpression.Condition(LinqExpression.Call(IsNaN, raw), fallback.Tree!, present);
                    return new Bound(value.Type, tree, fallback.Mask, call);
                }

            case "count":
                {
                    RequireArguments(call, 1, 2);
                    var set = Bind(call.Arguments[0]);
                    if (set.Type.Kind != TypeKind.CodeSet)
                    {
                        throw Fail(call.Arguments[0], "type-mismatch", $"count() needs a code list, not {set.Type}.");
                    }

                    var bits = call.Arguments.Count == 2 ? LinqExpression.And(set.Tree!, LinqExpression.Constant(MaskOf(set, Bind(call.Arguments[1])))) : set.Tree!;
                    var tree = LinqExpression.Convert(LinqExpression.Call(PopCount, bits), typeof(double));
                    return new Bound(ExprType.Number, tree, set.Mask, call);
                }

            case "has_any":
            case "has_all":
                {
                    RequireArguments(call, 2, 2);
                    var set = Bind(call.Arguments[0]);
                    if (set.Type.Kind != TypeKind.CodeSet)
                    {
                        throw Fail(call.Arguments[0], "type-mismatch", $"{name}() needs a code list first, not {set.Type}.");
                    }

                    var mask = MaskOf(set, Bind(call.Arguments[1]));
                    var masked = LinqExpression.And(set.Tree!, LinqExpression.Constant(mask));
                    LinqExpression test = name == "has_any"
                        ? LinqExpression.NotEqual(masked, LinqExpression.Constant(0UL))
                        : LinqExpression.Equal(masked, LinqExpression.Constant(mask));
                    return new Bound(ExprType.Boolean, test, set.Mask, call);
                }

            case "lookup":
                {
                    RequireArguments(call, 2, 2);
                    if (call.Arguments[0] is not NameNode tableName || !_scope.TryGetTable(tableName.Name, out var table))
                    {
                        throw Fail(call.Arguments[0], "undefined-table", "lookup() takes the id of a table defined under 'tables' first.");
                    }

                    var key = Bind(call.Arguments[1]);
                    if (key.Type.Kind != table.KeyType.Kind || (key.Type.Domain is not null && key.Type.Domain.Id != table.KeyType.Domain?.Id))
                    {
                        throw Fail(call.Arguments[1], "type-mismatch", $"Table '{table.Id}' is keyed by {table.KeyType}, not {key.Type}.");
                    }

                    var tree = LinqExpression.Call(TableLookup, LinqExpression.Constant(table), key.Tree!);
                    return new Bound(ExprType.Number, tree, key.Mask, call);
                }

            default:
                throw Fail(call, "unknown-function", $"'{name}' is not a function. Functions: min, max, clamp, abs, log10, div, if, present, coalesce, count, has_any, has_all, lookup.");
        }
    }

    private static double Lookup(LookupTable table, double key) => table.Values.TryGetValue(key, out var value) ? value : table.Default;

    private static ulong MaskOf(Bound set, Bound list)
    {
        if (list.Type.Kind != TypeKind.List)
        {
            throw Fail(list.Node, "type-mismatch", "A bracketed list of quoted values is needed here, e.g. ['iso9001', 'nabl'].");
        }

        var mask = 0UL;
        foreach (var item in (List<Bound>)list.Literal!)
        {
            if (item.Type.Kind != TypeKind.Text)
            {
                throw Fail(item.Node, "type-mismatch", $"This list must hold values of {set.Type.Domain!.Id} in quotes.");
            }

            mask |= 1UL << DomainIndex(set.Type.Domain!, item);
        }

        return mask;
    }

    private static int DomainIndex(Domain domain, Bound text)
    {
        var value = (string)text.Literal!;
        var index = domain.IndexOf(value);
        if (index < 0)
        {
            throw Fail(text.Node, "unknown-value", $"'{value}' is not a value of {domain.Id}. Allowed: {string.Join(", ", domain.Values)}.");
        }

        return index;
    }

    private static void RequireNumber(Bound bound, string where)
    {
        if (bound.Type.Kind != TypeKind.Number)
        {
            throw Fail(bound.Node, "type-mismatch", $"{Capitalise(where)} needs a number here, not {bound.Type}.");
        }
    }

    private static void RequireBoolean(Bound bound, string where)
    {
        if (bound.Type.Kind != TypeKind.Boolean)
        {
            throw Fail(bound.Node, "type-mismatch", $"{Capitalise(where)} needs true or false here, not {bound.Type}.");
        }
    }

    private static void RequireArguments(CallNode call, int min, int max)
    {
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : max == int.MaxValue ? $"at least {min}" : $"{min} or {max}";
            throw Fail(call, "argument-count", $"{call.Function}() takes {expected} argument{(max == 1 ? "" : "s")}, not {call.Arguments.Count}.");
        }
    }

    private static string Capitalise(string text) => text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Describe(TypeKind? kind) => kind switch
    {
        TypeKind.Boolean => "true or false",
        TypeKind.Number => "a number",
        null => "a number, true/false or one value of a list",
        _ => kind.ToString()!.ToLowerInvariant(),
    };

    internal static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static ExpressionException Fail(Node node, string rule, string message) =>
        new(new ExpressionError(node.Offset, Math.Max(node.Length, 1), rule, message));
}
