using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// Reads one registry row into a scoring workspace straight from its cells, without allocating on the
/// happy path. The first problem found rejects the row with the column and the reason.
/// </summary>
public sealed class RegistryRowParser(CompiledFramework framework, RegistryLayout layout, ActivityClassifier classifier, DistrictDirectory districts)
{
    /// <summary>Longest enterprise id accepted; ids are keys, not prose.</summary>
    public const int MaxIdLength = 64;

    /// <summary>What each input needs from a row, worked out once per header rather than once per cell.</summary>
    private readonly InputCell[] _cells = [.. framework.Inputs.Select(i => new InputCell(i, layout.InputColumns[i.Slot], i.Type, i.Definition.Required))];

    public CompiledFramework Framework { get; } = framework;

    public RegistryLayout Layout { get; } = layout;

    /// <summary>Parses the row; on success the workspace holds the enterprise and <paramref name="district"/> its canonical district.</summary>
    public bool TryParse<TCells>(TCells cells, ScoringWorkspace workspace, out District? district, out RowIssue issue)
        where TCells : ICells, allows ref struct
    {
        district = null;
        if (cells.Count != Layout.ColumnCount)
        {
            issue = new RowIssue("", $"the row has {cells.Count} fields but the header has {Layout.ColumnCount} (check quoting and separators)");
            return false;
        }

        var id = cells[Layout.IdColumn].Trim();
        if (id.IsEmpty)
        {
            issue = new RowIssue(RegistryLayout.EnterpriseId, "is empty; every row needs an enterprise id");
            return false;
        }

        if (id.Length > MaxIdLength)
        {
            issue = new RowIssue(RegistryLayout.EnterpriseId, $"is {id.Length} characters long; at most {MaxIdLength} are allowed");
            return false;
        }

        var districtText = cells[Layout.DistrictColumn].Trim();
        if (!districts.TryResolve(districtText, out var resolved))
        {
            issue = new RowIssue(RegistryLayout.District, districtText.IsEmpty ? "is empty" : $"'{InputRules.Shorten(districtText)}' is not a Kerala district");
            return false;
        }

        district = resolved;
        workspace.Clear();
        if (!TryParseActivities(cells[Layout.ActivitiesColumn], workspace, out issue))
        {
            return false;
        }

        foreach (var (input, column, type, required) in _cells)
        {
            var text = column < 0 ? default : cells[column].Trim();
            if (text.IsEmpty)
            {
                if (required)
                {
                    issue = new RowIssue(input.Id, "is required but empty");
                    return false;
                }

                continue;
            }

            // Most cells are plain numbers in range: take them without building a verdict. Anything else, good or
            // bad, goes through InputRules, which alone words the problem.
            if (InputTypes.IsNumeric(type) && FastNumber.TryParse(text, out var number) && IsAcceptable(input, type, number))
            {
                workspace.SetValue(input, number);
                continue;
            }

            if (InputRules.TryParse(input, text, out var value, out var members) is { } problem)
            {
                issue = new RowIssue(input.Id, problem.Describe(input));
                return false;
            }

            if (input.Type == InputType.Codes)
            {
                workspace.SetCodes(input, members);
            }
            else
            {
                workspace.SetValue(input, value);
            }
        }

        if (EnterpriseLoader.FirstFailedCheck(workspace) is { } check)
        {
            issue = new RowIssue(string.Join(';', check.Fields), check.Explain.En);
            return false;
        }

        issue = default;
        return true;
    }

    /// <summary>The checks of <see cref="InputRules.CheckNumber"/>, as a yes or no.</summary>
    private static bool IsAcceptable(CompiledInput input, InputType type, double value) =>
        double.IsFinite(value) && (type != InputType.Count || value == Math.Floor(value)) && value >= input.Min && value <= input.Max;

    /// <summary>
    /// Activities are written <c>code[:share[:stage+stage]]</c>, separated by ';', e.g.
    /// <c>26101:0.6:rnd+advanced-manufacturing;28110:0.4</c>.
    /// </summary>
    private bool TryParseActivities(ReadOnlySpan<char> text, ScoringWorkspace workspace, out RowIssue issue)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            issue = new RowIssue(RegistryLayout.Activities, "is empty; at least one NIC code is required");
            return false;
        }

        var withShare = 0;
        var total = 0.0;
        foreach (var range in text.Split(';'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }

            var colon = part.IndexOf(':');
            var code = (colon < 0 ? part : part[..colon]).Trim();
            var rest = colon < 0 ? default : part[(colon + 1)..];
            var shareText = rest;
            var stagesText = default(ReadOnlySpan<char>);
            var second = rest.IndexOf(':');
            if (second >= 0)
            {
                shareText = rest[..second];
                stagesText = rest[(second + 1)..];
            }

            if (!classifier.TryClassify(code, out var facts))
            {
                issue = new RowIssue(RegistryLayout.Activities, classifier.ExplainUnknown(code.ToString()));
                return false;
            }

            for (var a = 0; a < workspace.ActivityCount; a++)
            {
                if (workspace.ActivityFacts[a].Entry.Code.AsSpan().SequenceEqual(code))
                {
                    issue = new RowIssue(RegistryLayout.Activities, $"the NIC code {code} is listed twice");
                    return false;
                }
            }

            var share = double.NaN;
            shareText = shareText.Trim();
            if (!shareText.IsEmpty)
            {
                if (!FastNumber.TryParse(shareText, out share) || share is < 0 or > 1)
                {
                    issue = new RowIssue(RegistryLayout.Activities, $"the share '{InputRules.Shorten(shareText)}' of {code} must be a number between 0 and 1");
                    return false;
                }

                withShare++;
                total += share;
            }

            var stages = 0UL;
            foreach (var stageRange in stagesText.Split('+'))
            {
                var stage = stagesText[stageRange].Trim();
                if (stage.IsEmpty)
                {
                    continue;
                }

                var bit = InputRules.IndexOf(Framework.StageDomain, stage);
                if (bit < 0)
                {
                    issue = new RowIssue(RegistryLayout.Activities, $"'{InputRules.Shorten(stage)}' is not a value-chain stage; use one of: {string.Join(", ", Framework.StageDomain.Values)}");
                    return false;
                }

                stages |= 1UL << bit;
            }

            if (!workspace.AddActivity(facts, share, stages))
            {
                issue = new RowIssue(RegistryLayout.Activities, $"at most {ScoringWorkspace.MaxActivities} activities can be listed");
                return false;
            }
        }

        if (workspace.ActivityCount == 0)
        {
            issue = new RowIssue(RegistryLayout.Activities, "is empty; at least one NIC code is required");
            return false;
        }

        if (withShare != 0 && withShare != workspace.ActivityCount)
        {
            issue = new RowIssue(RegistryLayout.Activities, "give a revenue share for every activity or for none");
            return false;
        }

        if (withShare != 0 && Math.Abs(total - 1) > EnterpriseLoader.ShareTolerance)
        {
            issue = new RowIssue(RegistryLayout.Activities, $"the revenue shares add up to {InputRules.Format(total)}, not 1");
            return false;
        }

        issue = default;
        return true;
    }

    private readonly record struct InputCell(CompiledInput Input, int Column, InputType Type, bool Required);
}
