using System.Collections.Frozen;
using HiTech.Core.Expressions;

namespace HiTech.Fuzz;

/// <summary>
/// The names an expression under fuzzing may read: one of each kind the binder treats differently (numbers, a truth
/// value, ordered and unordered enums, a code set) and two lookup tables, so mutated names and operators reach every
/// typing rule. Slots: see <see cref="Values"/>.
/// </summary>
internal sealed class FuzzScope : ISymbolScope
{
    private static readonly Domain Level = new("level", ["low", "medium", "high"], Ordered: true);
    private static readonly Domain Colour = new("colour", ["red", "green", "blue"], Ordered: false);
    private static readonly Domain Certification = new("certification", ["iso9001", "nabl", "bis"], Ordered: false);

    // After the domains: static fields start in the order they are written.
    public static readonly FuzzScope Instance = new();

    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LookupTable> _tables = new(StringComparer.Ordinal);

    private FuzzScope()
    {
        Add("turnover", ExprType.Number, 0, required: true);
        Add("rd_spend", ExprType.Number, 1);
        Add("dsir", ExprType.Boolean, 2);
        Add("level", new ExprType(TypeKind.Enum, Level), 3);
        Add("colour", new ExprType(TypeKind.Enum, Colour), 4);
        Add("certifications", new ExprType(TypeKind.CodeSet, Certification), 5, setIndex: 0);
        Add("employees", ExprType.Number, 6, required: true);
        _tables["by_level"] = new LookupTable("by_level", new Dictionary<double, double> { [0] = 10, [2] = 30 }.ToFrozenDictionary(), 5, new ExprType(TypeKind.Enum, Level));
        _tables["by_division"] = new LookupTable("by_division", new Dictionary<double, double> { [26] = 100, [62] = 80 }.ToFrozenDictionary(), 1, ExprType.Number);
    }

    /// <summary>A typical enterprise: turnover 1000, rd_spend 0, dsir yes, level high, colour blue, employees 7.</summary>
    public static double[] Values => [1000, 0, 1, 2, 2, 1, 7];

    /// <summary>Certifications {iso9001, bis}.</summary>
    public static ulong[] Sets => [0b101];

    public IEnumerable<string> Names => _symbols.Keys;

    public bool TryResolve(string name, out Symbol symbol) => _symbols.TryGetValue(name, out symbol!);

    public bool TryGetTable(string name, out LookupTable table) => _tables.TryGetValue(name, out table!);

    private void Add(string name, ExprType type, int slot, bool required = false, int setIndex = -1) =>
        _symbols[name] = new Symbol(name, SymbolKind.Input, type, slot, setIndex, required ? 0 : 1UL << slot);
}
