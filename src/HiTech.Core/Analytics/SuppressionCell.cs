namespace HiTech.Core.Analytics;

/// <summary>
/// One cell as disclosure control sees it: its quantities (enterprises, hi-tech enterprises, then each measure of
/// <see cref="Measures.All"/>), the upper bound an attacker must not be able to rule out for each sensitive
/// quantity, and whether it is hidden.
/// </summary>
internal sealed class SuppressionCell
{
    /// <summary>Quantity 0 is the enterprise count, 1 the hi-tech count; then the measures.</summary>
    public const int CountQuantities = 2;

    public static readonly int QuantityCount = CountQuantities + Measures.All.Count;

    public SuppressionCell(GroupTotals totals, DisclosureRules rules)
    {
        Values = new double[QuantityCount];
        Required = new double[QuantityCount];
        Array.Fill(Required, double.NaN);
        Enterprises = totals.Enterprises;
        Values[0] = totals.Enterprises;
        Values[1] = totals.HiTechEnterprises;
        for (var q = 0; q < CountQuantities; q++)
        {
            if (Values[q] > 0 && Values[q] < rules.MinFrequency)
            {
                Required[q] = rules.MinFrequency;
                Verdict = new CellDisclosure(SuppressionRule.MinFrequency);
            }
        }

        for (var m = 0; m < Measures.All.Count; m++)
        {
            var measure = totals.Measure(Measures.All[m]);
            Values[CountQuantities + m] = (double)measure.Sum;
            var protection = rules.PPercent / 100m * measure.Largest - (measure.Sum - measure.Largest - measure.SecondLargest);
            if (measure.Largest > 0 && protection > 0)
            {
                Required[CountQuantities + m] = (double)(measure.Sum + protection);
                Verdict = Verdict.Published ? new CellDisclosure(SuppressionRule.Dominance, Measures.All[m]) : Verdict;
            }
        }
    }

    public int Enterprises { get; }

    public double[] Values { get; }

    /// <summary>Per quantity, the value the attacker's upper bound must reach; NaN when the quantity is not sensitive.</summary>
    public double[] Required { get; }

    public CellDisclosure Verdict { get; private set; } = CellDisclosure.Shown;

    public bool Hidden => !Verdict.Published;

    public bool Sensitive => Required.Any(r => !double.IsNaN(r));

    /// <summary>Published elsewhere as it stands (say the unfiltered table beside a filtered one): never hidden to protect another.</summary>
    public bool Fixed { get; init; }

    /// <summary>Never published, zero or not (the enterprises outside a filter): an attacker cannot tell it is not empty.</summary>
    public bool NeverShown { get; init; }

    /// <summary>Hidden, but an attacker works it out from other published figures (found by <see cref="FilterCube"/>'s audit): no slack.</summary>
    public bool Known { get; set; }

    /// <summary>What an attacker knows a hidden quantity is at least: a hidden non-empty cell has at least one enterprise.</summary>
    public double LowerBound(int quantity) => quantity < CountQuantities && !NeverShown ? Math.Min(1, Values[quantity]) : 0;

    public void HideForOthers() => Verdict = new CellDisclosure(SuppressionRule.Secondary);

    /// <summary>Shown as it stands, whatever the rules say of it here (a figure published, or derivable, elsewhere).</summary>
    public void MarkPublished()
    {
        Verdict = CellDisclosure.Shown;
        Array.Fill(Required, double.NaN);
    }
}
