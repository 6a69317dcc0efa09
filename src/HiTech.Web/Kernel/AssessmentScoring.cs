using System.Collections.Immutable;
using System.Globalization;
using HiTech.Core.Scoring;

namespace HiTech.Web.Kernel;

/// <summary>
/// Turns stored assessment rows into the engine's <see cref="EnterpriseInput"/> and scores them. Inputs an
/// assessor rejected count as not given; adjusted inputs carry the assessor's value. Plans to reach the next tier name
/// the support schemes of the shipped catalogue.
/// </summary>
public sealed class AssessmentScoring(ActivityClassifier classifier, Features.Maturity.MaturityReference maturity, Infrastructure.Observability.ScoringMetrics metrics)
{
    public ActivityClassifier Classifier { get; } = classifier;

    public static EnterpriseInput ToInput(Organisation organisation, IEnumerable<Activity> activities, IEnumerable<AssessmentInput> inputs, CompiledFramework framework)
    {
        var values = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
        foreach (var row in inputs)
        {
            if (row.Review == ReviewState.Rejected || !framework.InputsById.TryGetValue(row.InputId, out var input))
            {
                continue;
            }

            var evidence = row.Evidence;
            InputValue? value = input.Type switch
            {
                InputType.Boolean when row.Flag is { } flag => InputValue.Of(flag, evidence),
                InputType.Enum when !string.IsNullOrEmpty(row.Text) => InputValue.OfChoice(row.Text, evidence),
                InputType.Codes when row.Text is not null => InputValue.OfCodes(SplitCodes(row.Text), evidence),
                InputType.Money or InputType.Count or InputType.Ratio or InputType.Number when row.Number is { } number => InputValue.Of(number, evidence),
                _ => null,
            };
            if (value is not null)
            {
                values[row.InputId] = value;
            }
        }

        var activityInputs = activities
            .OrderByDescending(a => a.RevenueShare)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new ActivityInput(a.Code, a.RevenueShare, [.. SplitCodes(a.Stages)]))
            .ToImmutableArray();
        return new EnterpriseInput(organisation.Id.ToString(), organisation.Name, organisation.District, activityInputs, values.ToImmutable());
    }

    /// <summary>Scores and explains; returns the issues instead when the inputs are not acceptable.</summary>
    public (Explanation? Explanation, IReadOnlyList<InputIssue> Issues) Explain(CompiledFramework framework, EnterpriseInput input)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = Explainer.Explain(framework, Classifier, input, maturity.Schemes);
        metrics.Scored(answer.Explanation is not null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return answer;
    }

    public static IEnumerable<string> SplitCodes(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinCodes(IEnumerable<string> codes) => string.Join(';', codes);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
