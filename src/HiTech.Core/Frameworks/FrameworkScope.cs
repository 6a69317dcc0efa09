using HiTech.Core.Expressions;

namespace HiTech.Core.Frameworks;

/// <summary>The names and tables visible to expressions while a framework compiles.</summary>
internal sealed class FrameworkScope : ISymbolScope
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LookupTable> _tables = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _symbols.Keys;

    public bool Add(Symbol symbol) => _symbols.TryAdd(symbol.Name, symbol);

    public void Replace(Symbol symbol) => _symbols[symbol.Name] = symbol;

    public bool Contains(string name) => _symbols.ContainsKey(name);

    public void AddTable(LookupTable table) => _tables[table.Id] = table;

    public bool TryResolve(string name, out Symbol symbol) => _symbols.TryGetValue(name, out symbol!);

    public bool TryGetTable(string name, out LookupTable table) => _tables.TryGetValue(name, out table!);
}
