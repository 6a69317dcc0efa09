namespace HiTech.Core.Analytics;

/// <summary>A one-way table: one <see cref="GroupTotals"/> per group, and the total over all of them (published beside them).</summary>
public sealed record GroupTable(GroupDimension By, IReadOnlyList<GroupTotals> Groups, GroupTotals Total);

/// <summary>
/// A two-way table (say district x tier): a cell per row and column, each row's and column's margin and the grand
/// total. <see cref="Cells"/>[r][c] is row r, column c; an empty cell is a <see cref="GroupTotals"/> of 0 enterprises.
/// </summary>
public sealed record TwoWayTable(
    GroupDimension RowsBy,
    GroupDimension ColumnsBy,
    IReadOnlyList<IReadOnlyList<GroupTotals>> Cells,
    IReadOnlyList<GroupTotals> RowMargins,
    IReadOnlyList<GroupTotals> ColumnMargins,
    GroupTotals Total);

/// <summary>Why a cell is not published, or that it is.</summary>
public enum SuppressionRule
{
    Published,

    /// <summary>Fewer enterprises than the minimum frequency.</summary>
    MinFrequency,

    /// <summary>One or two enterprises dominate a money or headcount measure (the p% rule).</summary>
    Dominance,

    /// <summary>Not sensitive itself, hidden so that a sensitive cell cannot be worked out from the published ones.</summary>
    Secondary,
}

/// <summary>What may be shown of one cell: everything (<see cref="SuppressionRule.Published"/>) or nothing, and why.</summary>
/// <remarks>For <see cref="SuppressionRule.Dominance"/>, Measure names the first measure found dominated.</remarks>
public sealed record CellDisclosure(SuppressionRule Rule, string? Measure = null)
{
    public static CellDisclosure Shown { get; } = new(SuppressionRule.Published);

    public bool Published => Rule == SuppressionRule.Published;

    /// <summary>The rule's name as the published tables print it: min_frequency, dominance, secondary; empty when published.</summary>
    public string RuleName => Rule switch
    {
        SuppressionRule.MinFrequency => "min_frequency",
        SuppressionRule.Dominance => "dominance",
        SuppressionRule.Secondary => "secondary",
        _ => "",
    };
}

/// <summary>A one-way table after disclosure control: a verdict per group and for the total.</summary>
public sealed record DisclosedTable(GroupTable Table, IReadOnlyList<CellDisclosure> Groups, CellDisclosure Total);

/// <summary>A two-way table after disclosure control: a verdict per cell, per margin and for the grand total.</summary>
public sealed record DisclosedTwoWayTable(
    TwoWayTable Table,
    IReadOnlyList<IReadOnlyList<CellDisclosure>> Cells,
    IReadOnlyList<CellDisclosure> RowMargins,
    IReadOnlyList<CellDisclosure> ColumnMargins,
    CellDisclosure Total);
