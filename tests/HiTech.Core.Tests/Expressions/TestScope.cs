using System.Collections.Frozen;
using HiTech.Core.Expressions;

namespace HiTech.Core.Tests.Expressions;

/// <summary>
/// A tiny scope for expression tests, independent of any framework file. Slots and missing-mask bits:
/// turnover (0, required), rd_spend (1), patents (2), dsir (3, boolean), level (4, ordered enum),
/// colour (5, unordered enum), certifications (6, code list, set 0), employees (7, required), size (8, enum of another ordered domain).
/// </summary>
internal sealed class TestScope : ISymbolScope
{
    public static readonly Domain Level = new("level", ["low", "medium", "high"], Ordered: true);
    public static readonly Domain Size = new("size", ["micro", "small", "medium"], Ordered: true);
    public static readonly Domain Colour = new("colour", ["red", "green", "blue"], Ordered: false);
    public static readonly Domain Certification = new("certification", ["iso9001", "nabl", "iso13485", "bis"], Ordered: false);

    public const int Turnover = 0;
    public const int RdSpend = 1;
    public const int Patents = 2;
    public const int Dsir = 3;
    public const int LevelSlot = 4;
    public const int ColourSlot = 5;
    public const int Certifications = 6;
    public const int Employees = 7;
    public const int SizeSlot = 8;
    public const int SlotCount = 9;

    public static readonly TestScope Instance = new();

    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LookupTable> _tables = new(StringComparer.Ordinal);

    private TestScope()
    {
        Add("turnover", ExprType.Number, Turnover, required: true);
        Add("rd_spend", ExprType.Number, RdSpend);
        Add("patents", ExprType.Number, Patents);
        Add("dsir", ExprType.Boolean, Dsir);
        Add("level", new ExprType(TypeKind.Enum, Level), LevelSlot);
        Add("colour", new ExprType(TypeKind.Enum, Colour), ColourSlot);
        Add("certifications", new ExprType(TypeKind.CodeSet, Certification), Certifications, setIndex: 0);
        Add("employees", ExprType.Number, Employees, required: true);
        Add("size", new ExprType(TypeKind.Enum, Size), SizeSlot);
        _tables["by_level"] = new LookupTable("by_level", new Dictionary<double, double> { [0] = 10, [2] = 30 }.ToFrozenDictionary(), 5, new ExprType(TypeKind.Enum, Level));
        _tables["by_division"] = new LookupTable("by_division", new Dictionary<double, double> { [26] = 100, [62] = 80 }.ToFrozenDictionary(), 1, ExprType.Number);
    }

    public IEnumerable<string> Names => _symbols.Keys;

    public static ulong Bit(int slot) => 1UL << slot;

    public bool TryResolve(string name, out Symbol symbol) => _symbols.TryGetValue(name, out symbol!);

    public bool TryGetTable(string name, out LookupTable table) => _tables.TryGetValue(name, out table!);

    private void Add(string name, ExprType type, int slot, bool required = false, int setIndex = -1) =>
        _symbols[name] = new Symbol(name, SymbolKind.Input, type, slot, setIndex, required ? 0 : Bit(slot));
}

/// <summary>Compiles and evaluates expressions against <see cref="TestScope"/>.</summary>
internal static class Expr
{
    /// <summary>Compiles, failing the test with the error when the expression is refused.</summary>
    public static CompiledExpression Compile(string text, TypeKind? expected = null)
    {
        var (compiled, error) = ExpressionCompiler.Compile(text, TestScope.Instance, expected);
        Assert.True(compiled is not null, $"'{text}' was refused: {error}");
        return compiled!;
    }

    /// <summary>The error an expression is refused with, failing the test when it compiles.</summary>
    public static ExpressionError Error(string text, TypeKind? expected = null)
    {
        var (compiled, error) = ExpressionCompiler.Compile(text, TestScope.Instance, expected);
        Assert.True(compiled is null, $"'{text}' compiled, but it should be refused");
        return error!;
    }

    /// <summary>
    /// Evaluates over a typical enterprise: turnover 1000, rd_spend 50, patents 2, dsir yes, level medium,
    /// colour red, certifications {iso9001, nabl}, employees 10, size small. <paramref name="change"/> edits the values first.
    /// </summary>
    public static double Eval(string text, Action<double[]>? change = null, ulong? certifications = null)
    {
        var values = new double[TestScope.SlotCount];
        values[TestScope.Turnover] = 1000;
        values[TestScope.RdSpend] = 50;
        values[TestScope.Patents] = 2;
        values[TestScope.Dsir] = 1;
        values[TestScope.LevelSlot] = 1;
        values[TestScope.ColourSlot] = 0;
        values[TestScope.Certifications] = 1;
        values[TestScope.Employees] = 10;
        values[TestScope.SizeSlot] = 1;
        change?.Invoke(values);
        ulong[] sets = [certifications ?? 0b0011];
        return Compile(text).Evaluate(values, sets);
    }

    public static bool IsTrue(string text, Action<double[]>? change = null, ulong? certifications = null) =>
        Eval(text, change, certifications) switch
        {
            1 => true,
            0 => false,
            var other => throw new InvalidOperationException($"'{text}' gave {other}, not a truth value"),
        };
}
