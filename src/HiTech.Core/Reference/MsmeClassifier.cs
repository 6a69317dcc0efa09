namespace HiTech.Core.Reference;

/// <summary>
/// Classifies a unit as micro, small, medium or large under the MSME limits in force on a date
/// (data/reference/msme-size-classes.yaml). A unit is in the smallest class whose limits it does not
/// exceed on both counts; exactly at a limit is inside the class.
/// </summary>
public sealed class MsmeClassifier
{
    private readonly MsmeLimits[] _editions;

    private MsmeClassifier(MsmeLimits[] editions) => _editions = editions;

    /// <summary>Editions in date order.</summary>
    public IReadOnlyList<MsmeLimits> Editions => _editions;

    public static MsmeClassifier Load(TextReader yaml, string source) => new([.. MsmeYaml.Read(yaml, source)]);

    /// <summary>The latest edition in force on <paramref name="date"/>; before the first edition, the first.</summary>
    public MsmeLimits LimitsOn(DateOnly date)
    {
        var found = _editions[0];
        foreach (var edition in _editions)
        {
            if (edition.EffectiveFrom <= date)
            {
                found = edition;
            }
        }

        return found;
    }

    public MsmeSize Classify(decimal investmentInr, decimal turnoverInr, DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(investmentInr);
        ArgumentOutOfRangeException.ThrowIfNegative(turnoverInr);
        var l = LimitsOn(asOf);
        return (investmentInr, turnoverInr) switch
        {
            var (i, t) when i <= l.MicroInvestment && t <= l.MicroTurnover => MsmeSize.Micro,
            var (i, t) when i <= l.SmallInvestment && t <= l.SmallTurnover => MsmeSize.Small,
            var (i, t) when i <= l.MediumInvestment && t <= l.MediumTurnover => MsmeSize.Medium,
            _ => MsmeSize.Large,
        };
    }
}
