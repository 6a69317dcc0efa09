namespace HiTech.Core.Expressions;

public enum SymbolKind
{
    Input,
    System,
    Derived,
    Activity,
}

/// <summary>
/// A name an expression can read. Its value lives in <c>values[Slot]</c> (NaN when missing); a code set's
/// members live in <c>sets[SetIndex]</c>. <see cref="MissingMask"/> holds the bits of the optional inputs
/// whose absence makes this symbol missing.
/// </summary>
public sealed record Symbol(string Name, SymbolKind Kind, ExprType Type, int Slot, int SetIndex, ulong MissingMask);

/// <summary>Resolves names and lookup tables while an expression is compiled.</summary>
public interface ISymbolScope
{
    bool TryResolve(string name, out Symbol symbol);

    bool TryGetTable(string name, out LookupTable table);

    IEnumerable<string> Names { get; }
}

/// <summary>A keyed table of numbers (for example the sector median of value added per employee).</summary>
public sealed record LookupTable(string Id, System.Collections.Frozen.FrozenDictionary<double, double> Values, double Default, ExprType KeyType);
