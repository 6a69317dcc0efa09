using System.Collections.Frozen;
using System.Collections.Immutable;
using HiTech.Core.Expressions;

namespace HiTech.Core.Maturity;

/// <summary>
/// The compiled <c>opens_when</c> conditions of an instrument and the value vector they read: the profile
/// (<c>employees</c>, <c>manufacturing</c>, <c>size</c>) and each screen question's points. A condition holds only if it
/// holds whatever the unanswered screen questions it reads turn out to be: <c>s_x &gt;= 2 or employees &gt;= 10</c> opens
/// for a firm of ten before s_x is answered, while <c>s_x &gt;= 2</c> waits for the answer.
/// </summary>
internal sealed class MaturityConditions
{
    public const int EmployeesSlot = 0;
    public const int ManufacturingSlot = 1;
    public const int SizeSlot = 2;

    public static readonly Domain SizeDomain = new("size", ["micro", "small", "medium", "large"], Ordered: true);

    /// <summary>Names a question may not take: the profile fields and the words of the expression language.</summary>
    public static readonly FrozenSet<string> ReservedNames =
        new[] { "employees", "manufacturing", "size" }.Concat(Lexer.Keywords.Keys).ToFrozenSet(StringComparer.Ordinal);

    private static readonly ulong[] NoSets = [];

    /// <summary>The most combinations of unanswered answers tried; a condition reading more stays closed until answered.</summary>
    private const int MaxCombinations = 4096;

    public MaturityConditions(ImmutableArray<string> screenQuestionIds, FrozenDictionary<string, int> screenMaxPoints, FrozenDictionary<string, Condition> modules, FrozenDictionary<string, Condition> questions)
    {
        ScreenQuestionIds = screenQuestionIds;
        ScreenMaxPoints = screenMaxPoints;
        ScreenSlots = SlotsFor(screenQuestionIds);
        Modules = modules;
        Questions = questions;
    }

    /// <summary>A compiled condition and the screen questions it reads.</summary>
    public sealed record Condition(CompiledExpression Expression, ImmutableArray<string> ScreenReads);

    public ImmutableArray<string> ScreenQuestionIds { get; }

    public FrozenDictionary<string, int> ScreenSlots { get; }

    /// <summary>The most points each screen question can score: the range an unanswered one may still take.</summary>
    public FrozenDictionary<string, int> ScreenMaxPoints { get; }

    /// <summary>Conditions of deep and inventory modules, by module id.</summary>
    public FrozenDictionary<string, Condition> Modules { get; }

    /// <summary>Conditions of single questions, by question id.</summary>
    public FrozenDictionary<string, Condition> Questions { get; }

    public int ValueCount => SizeSlot + 1 + ScreenQuestionIds.Length;

    /// <summary>Where each screen question's points sit in the value vector: after the three profile fields.</summary>
    public static FrozenDictionary<string, int> SlotsFor(ImmutableArray<string> screenQuestionIds) =>
        screenQuestionIds.Select((id, i) => (id, i)).ToFrozenDictionary(p => p.id, p => SizeSlot + 1 + p.i, StringComparer.Ordinal);

    /// <summary>The value vector for a firm: its profile, and the points of each answered screen question (NaN when unanswered).</summary>
    public double[] Values(MaturityProfile profile, IReadOnlyDictionary<string, int> screenPoints)
    {
        var values = new double[ValueCount];
        values[EmployeesSlot] = profile.Employees;
        values[ManufacturingSlot] = profile.Manufacturing ? 1 : 0;
        values[SizeSlot] = (int)profile.Size;
        foreach (var (id, slot) in ScreenSlots)
        {
            values[slot] = screenPoints.TryGetValue(id, out var points) ? points : double.NaN;
        }

        return values;
    }

    public bool ModuleOpens(string moduleId, double[] values) => !Modules.TryGetValue(moduleId, out var condition) || Holds(condition, values);

    public bool QuestionOpens(string questionId, double[] values) => !Questions.TryGetValue(questionId, out var condition) || Holds(condition, values);

    private bool Holds(Condition condition, double[] values)
    {
        var unknown = condition.ScreenReads.Where(read => double.IsNaN(values[ScreenSlots[read]])).ToList();
        if (unknown.Count == 0)
        {
            return condition.Expression.IsTrue(values, NoSets);
        }

        // Try every points value the unanswered questions could still score; the condition must hold for all of them.
        long combinations = 1;
        foreach (var read in unknown)
        {
            combinations *= ScreenMaxPoints[read] + 1L;
            if (combinations > MaxCombinations)
            {
                return false;
            }
        }

        var trial = (double[])values.Clone();
        for (var combination = 0L; combination < combinations; combination++)
        {
            var rest = combination;
            foreach (var read in unknown)
            {
                var range = ScreenMaxPoints[read] + 1L;
                trial[ScreenSlots[read]] = rest % range;
                rest /= range;
            }

            if (!condition.Expression.IsTrue(trial, NoSets))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names a condition can read while the instrument compiles.</summary>
    internal sealed class Scope(FrozenDictionary<string, int> screenSlots) : ISymbolScope
    {
        private static readonly Symbol Employees = new("employees", SymbolKind.Input, ExprType.Number, EmployeesSlot, -1, 0);
        private static readonly Symbol Manufacturing = new("manufacturing", SymbolKind.Input, ExprType.Boolean, ManufacturingSlot, -1, 0);
        private static readonly Symbol Size = new("size", SymbolKind.Input, new ExprType(TypeKind.Enum, SizeDomain), SizeSlot, -1, 0);

        public IEnumerable<string> Names => new[] { "employees", "manufacturing", "size" }.Concat(screenSlots.Keys);

        public bool IsScreenQuestion(string name) => screenSlots.ContainsKey(name);

        public bool TryResolve(string name, out Symbol symbol)
        {
            switch (name)
            {
                case "employees":
                    symbol = Employees;
                    return true;
                case "manufacturing":
                    symbol = Manufacturing;
                    return true;
                case "size":
                    symbol = Size;
                    return true;
            }

            if (screenSlots.TryGetValue(name, out var slot))
            {
                symbol = new Symbol(name, SymbolKind.Input, ExprType.Number, slot, -1, 0);
                return true;
            }

            symbol = null!;
            return false;
        }

        public bool TryGetTable(string name, out LookupTable table)
        {
            table = null!;
            return false;
        }
    }
}
