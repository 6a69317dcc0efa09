using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// Puts an <see cref="EnterpriseInput"/> into a workspace, refusing anything the framework does not accept:
/// unknown inputs, wrong types, values out of range, unknown activity codes or stages, broken checks.
/// </summary>
public static class EnterpriseLoader
{
    /// <summary>Tolerance on declared revenue shares adding up to 1 (rounding in spreadsheets).</summary>
    public const double ShareTolerance = 0.011;

    /// <summary>A fresh workspace holding the enterprise; usable only when there are no issues.</summary>
    public static (ScoringWorkspace Workspace, IReadOnlyList<InputIssue> Issues) Load(CompiledFramework framework, ActivityClassifier classifier, EnterpriseInput enterprise)
    {
        var workspace = new ScoringWorkspace(framework);
        return (workspace, Fill(workspace, classifier, enterprise));
    }

    public static IReadOnlyList<InputIssue> Fill(ScoringWorkspace workspace, ActivityClassifier classifier, EnterpriseInput enterprise)
    {
        var issues = new List<InputIssue>();
        var framework = workspace.Framework;
        workspace.Clear();
        FillActivities(workspace, classifier, enterprise, issues);

        foreach (var name in enterprise.Inputs.Keys.Where(k => !framework.InputsById.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            issues.Add(new InputIssue(name, $"is not an input of framework {framework.Id} {framework.Version}"));
        }

        foreach (var input in framework.Inputs)
        {
            if (!enterprise.Inputs.TryGetValue(input.Id, out var value) || IsEmpty(value))
            {
                if (input.Definition.Required)
                {
                    issues.Add(new InputIssue(input, new ValueProblem(ValueRule.Required)));
                }

                continue;
            }

            if (Problem(input, value, out var number, out var members) is { } problem)
            {
                issues.Add(new InputIssue(input, problem));
            }
            else if (input.Type == InputType.Codes)
            {
                workspace.SetCodes(input, members, value.Evidence);
            }
            else
            {
                workspace.SetValue(input, number, value.Evidence);
            }
        }

        if (issues.Count == 0 && FirstFailedCheck(workspace) is { } check)
        {
            issues.Add(new InputIssue(string.Join(";", check.Fields), check.Explain.En));
        }

        return issues;
    }

    /// <summary>The first consistency check the workspace's inputs break, if any; checks on missing inputs are skipped.</summary>
    /// <remarks>Made on the inputs alone, before scoring: a framework whose check reads a derived or engine quantity is refused when it loads.</remarks>
    public static CompiledRule? FirstFailedCheck(ScoringWorkspace workspace)
    {
        var failed = workspace.Framework.Program.FirstFailedCheck(workspace.Values, workspace.Sets, workspace.Missing);
        return failed < 0 ? null : workspace.Framework.Checks[failed];
    }

    private static bool IsEmpty(InputValue value) =>
        value.Number is null && value.Flag is null && value.Choice is null && value.Codes.IsDefault;

    private static ValueProblem? Problem(CompiledInput input, InputValue value, out double number, out ulong members)
    {
        number = double.NaN;
        members = 0;
        switch (input.Type)
        {
            case InputType.Boolean:
                if (value.Flag is not { } flag)
                {
                    return new(ValueRule.NotBoolean);
                }

                number = flag ? 1 : 0;
                return null;
            case InputType.Enum:
                return value.Choice is null ? new(ValueRule.NotAnOption) : InputRules.TryParse(input, value.Choice, out number, out _);
            case InputType.Codes:
                if (value.Codes.IsDefault)
                {
                    return new(ValueRule.NotAList);
                }

                foreach (var code in value.Codes)
                {
                    var bit = InputRules.IndexOf(input.Domain!, code.Trim());
                    if (bit < 0)
                    {
                        return new(ValueRule.NotAnOption, Text: InputRules.Shorten(code));
                    }

                    members |= 1UL << bit;
                }

                number = 1;
                return null;
            default:
                if (value.Number is not { } amount)
                {
                    return new(ValueRule.NotANumber);
                }

                number = (double)amount;
                return InputRules.CheckNumber(input, number);
        }
    }

    private static void FillActivities(ScoringWorkspace workspace, ActivityClassifier classifier, EnterpriseInput enterprise, List<InputIssue> issues)
    {
        var activities = enterprise.Activities.IsDefault ? [] : enterprise.Activities;
        if (activities.Length == 0)
        {
            issues.Add(new InputIssue("activities", "at least one activity (NIC code) is required"));
            return;
        }

        if (activities.Length > ScoringWorkspace.MaxActivities)
        {
            issues.Add(new InputIssue("activities", $"at most {ScoringWorkspace.MaxActivities} activities can be declared, not {activities.Length}"));
            return;
        }

        var withShare = activities.Count(a => a.Share is not null);
        if (withShare != 0 && withShare != activities.Length)
        {
            issues.Add(new InputIssue("activities", "give a revenue share for every activity or for none"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            var code = activity.Code.Trim();
            if (!seen.Add(code))
            {
                issues.Add(new InputIssue("activities", $"the NIC code {code} is listed twice"));
                continue;
            }

            if (!classifier.TryClassify(code, out var facts))
            {
                issues.Add(new InputIssue("activities", classifier.ExplainUnknown(code)));
                continue;
            }

            if (activity.Share is { } s && (s < 0 || s > 1))
            {
                issues.Add(new InputIssue("activities", $"the share of {code} must be between 0 and 1, not {s}"));
                continue;
            }

            var stages = 0UL;
            foreach (var stage in activity.Stages.IsDefault ? [] : activity.Stages)
            {
                var bit = InputRules.IndexOf(workspace.Framework.StageDomain, stage.Trim());
                if (bit < 0)
                {
                    issues.Add(new InputIssue("activities", $"'{InputRules.Shorten(stage)}' is not a value-chain stage; use one of: {string.Join(", ", workspace.Framework.StageDomain.Values)}"));
                }
                else
                {
                    stages |= 1UL << bit;
                }
            }

            workspace.AddActivity(facts, activity.Share is { } share ? (double)share : double.NaN, stages);
        }

        if (withShare == activities.Length)
        {
            var total = activities.Sum(a => (double)a.Share!.Value);
            if (Math.Abs(total - 1) > ShareTolerance)
            {
                issues.Add(new InputIssue("activities", $"the revenue shares add up to {InputRules.Format(total)}, not 1"));
            }
        }
    }
}
