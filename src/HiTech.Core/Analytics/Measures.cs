namespace HiTech.Core.Analytics;

/// <summary>
/// The money and headcount measures that are summed per group and checked by the dominance rule. The ids are
/// the snake_case column names of the <c>enterprise_facts</c> table and of <see cref="GroupTotals.Measures"/>.
/// </summary>
public static class Measures
{
    public const string ValueAdded = "value_added_inr";
    public const string ManufacturingValueAdded = "manufacturing_value_added_inr";
    public const string MhtValueAdded = "mht_value_added_inr";
    public const string RdSpend = "rd_spend_inr";
    public const string Exports = "exports_inr";
    public const string Turnover = "turnover_inr";
    public const string Employees = "employees";
    public const string RdStaff = "rd_staff";
    public const string StemStaff = "stem_staff";
    public const string ReturneeHires = "returnee_hires";

    /// <summary>Every measure, in the order tables show them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ValueAdded, ManufacturingValueAdded, MhtValueAdded, RdSpend, Exports, Turnover, Employees, RdStaff, StemStaff, ReturneeHires];

    /// <summary>One enterprise's contribution to a measure, null when it did not report it.</summary>
    public static decimal? Of(EnterpriseFacts facts, string measure) => measure switch
    {
        ValueAdded => facts.ValueAddedInr,
        ManufacturingValueAdded => facts.ManufacturingValueAddedInr,
        MhtValueAdded => facts.MhtValueAddedInr,
        RdSpend => facts.RdSpendInr,
        Exports => facts.ExportsInr,
        Turnover => facts.TurnoverInr,
        Employees => facts.Employees,
        RdStaff => facts.RdStaff,
        StemStaff => facts.StemStaff,
        ReturneeHires => facts.ReturneeHires,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "not a measure of the enterprise facts"),
    };
}
