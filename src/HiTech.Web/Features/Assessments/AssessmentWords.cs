using System.Globalization;
using System.Text.RegularExpressions;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Everything about assessments said in the user's language: framework texts (titles, help, domain labels),
/// values in plain units, statuses, evidence levels, and the messages for refused values and files.
/// </summary>
public sealed partial class AssessmentWords(IStringLocalizer<AssessmentsText> l)
{
    public IStringLocalizer<AssessmentsText> L { get; } = l;

    public static string Lang => Language.Current;

    public static string In(LocalText? text) => text?.In(Language.Current) ?? "";

    public string GroupTitle(InputGroup group) => group.Title is { } title ? title.In(Lang) : L["About your business"];

    public static string Title(CompiledInput input) => input.Definition.Title.In(Lang);

    /// <summary>The framework's help, without a "(0 to 1)" range on ratios: the pages ask for a percentage instead.</summary>
    public static string? Help(CompiledInput input)
    {
        var help = input.Definition.Help.In(Lang);
        if (input.Type == InputType.Ratio)
        {
            help = RatioRange().Replace(help, "");
        }

        return string.IsNullOrWhiteSpace(help) ? null : help;
    }

    /// <summary>The label of a domain value (a certification, a value-chain stage) in the user's language, or the value itself.</summary>
    public static string Label(CompiledFramework? framework, string? domainId, string value)
    {
        var domain = framework?.Definition.Domains.FirstOrDefault(d => d.Id == domainId);
        return domain is not null && domain.Labels.TryGetValue(value, out var label) ? label.In(Lang) : value;
    }

    public static string DomainId(CompiledInput input) => input.Definition.Domain ?? input.Domain?.Id ?? "";

    /// <summary>A stored value as a person reads it: ₹12,34,567, 25%, 12, yes, the certifications' names.</summary>
    public string Display(CompiledFramework framework, CompiledInput input, StoredValue value)
    {
        if (value.IsEmpty)
        {
            return L["Not given"];
        }

        return input.Type switch
        {
            InputType.Boolean => value.Flag == true ? L["Yes"] : L["No"],
            InputType.Enum => Label(framework, DomainId(input), value.Text ?? ""),
            InputType.Codes => value.Text is { Length: > 0 } codes
                ? string.Join(", ", AssessmentScoring.SplitCodes(codes).Select(c => Label(framework, DomainId(input), c)))
                : L["None"],
            InputType.Money => Fmt.Money(value.Number),
            InputType.Ratio => Percent((double)value.Number!.Value),
            InputType.Count => Fmt.Number(value.Number, 0),
            _ => ((double)value.Number!.Value).ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A bound of an input in its own unit, for range messages.</summary>
    public static string Bound(CompiledInput input, double bound) => input.Type switch
    {
        InputType.Money => IndianFormat.Rupees(bound),
        InputType.Ratio => Percent(bound),
        _ => bound.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The message for a refused or missing value, naming the question.</summary>
    public string Describe(CompiledInput input, InputProblem problem)
    {
        var title = Title(input);
        return problem switch
        {
            InputProblem.Required => input.Type switch
            {
                InputType.Boolean => L["Select yes or no for ‘{0}’", title],
                InputType.Enum or InputType.Codes => L["Select an answer for ‘{0}’", title],
                _ => L["Enter the figure for ‘{0}’", title],
            },
            InputProblem.NotANumber => input.Type switch
            {
                InputType.Money => L["Enter ‘{0}’ as an amount in rupees, like 12,34,567", title],
                InputType.Ratio => L["Enter ‘{0}’ as a percentage, like 25", title],
                InputType.Count => L["Enter ‘{0}’ as a whole number, like 12", title],
                _ => L["Enter ‘{0}’ as a number, like 45.5", title],
            },
            InputProblem.NotWhole => L["‘{0}’ must be a whole number", title],
            InputProblem.Negative => L["‘{0}’ cannot be negative", title],
            InputProblem.OutOfRange => Range(input, title),
            InputProblem.NotYesNo => L["Select yes or no for ‘{0}’", title],
            InputProblem.NotAnOption => L["Select an answer from the list for ‘{0}’", title],
            InputProblem.AmbiguousAmount => L["‘{0}’ can be read as more than one amount: write it like 12,34,567 or 12.5 lakh", title],
            InputProblem.NoneAndOthers => L["For ‘{0}’, select the ones that apply, or select ‘None of these’ on its own", title],
            _ => "",
        };
    }

    public string UnknownInput(string id) => L["This assessment has no question ‘{0}’", id];

    private string Range(CompiledInput input, string title)
    {
        var min = double.IsFinite(input.Min) ? input.Min : (double?)null;
        var max = double.IsFinite(input.Max) ? input.Max : input.Type == InputType.Ratio ? 1 : (double?)null;
        return (min, max) switch
        {
            ({ } lo, { } hi) => L["‘{0}’ must be between {1} and {2}", title, Bound(input, lo), Bound(input, hi)],
            ({ } lo, null) => L["‘{0}’ must be {1} or more", title, Bound(input, lo)],
            (null, { } hi) => L["‘{0}’ must be {1} or less", title, Bound(input, hi)],
            _ => L["‘{0}’ must be less than {1}", title, Bound(input, (double)InputParser.Largest)],
        };
    }

    /// <summary>A problem the engine found on submission, in the user's words.</summary>
    public string Issue(CompiledFramework framework, InputIssue issue)
    {
        if (issue.Problem is { } problem && framework.InputsById.TryGetValue(issue.Field, out var input))
        {
            return Describe(input, ProblemOf(problem.Rule));
        }

        if (framework.Checks.FirstOrDefault(c => c.Explain.En == issue.Reason) is { } check)
        {
            return CheckMessage(check);
        }

        if (issue.Field == "activities")
        {
            return issue.Reason.StartsWith("at least one activity", StringComparison.Ordinal)
                ? L["Add what your enterprise makes or does (its NIC activity codes) to your enterprise’s details"]
                : L["There is a problem with your enterprise’s activities: {0}", issue.Reason];
        }

        return issue.Reason;
    }

    /// <summary>A consistency check's message: the framework's Malayalam if it has one, else ours, else its English.</summary>
    public string CheckMessage(CompiledRule check)
    {
        if (Lang == Language.Malayalam && !string.IsNullOrEmpty(check.Explain.Ml))
        {
            return check.Explain.Ml;
        }

        var english = check.Explain.En;
        return english.Length == 0 ? english : L[char.ToUpperInvariant(english[0]) + english[1..]];
    }

    /// <summary>The page's problem for the engine's rule; a rule without words here fails loudly, never shows as another.</summary>
    public static InputProblem ProblemOf(ValueRule rule) => rule switch
    {
        ValueRule.Required => InputProblem.Required,
        ValueRule.NotWhole => InputProblem.NotWhole,
        ValueRule.Negative => InputProblem.Negative,
        ValueRule.BelowMin or ValueRule.AboveMax => InputProblem.OutOfRange,
        ValueRule.NotBoolean => InputProblem.NotYesNo,
        ValueRule.NotAnOption or ValueRule.NotAList => InputProblem.NotAnOption,
        ValueRule.NotFinite or ValueRule.NotANumber => InputProblem.NotANumber,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no words for this rule"),
    };

    public string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => L["Draft"],
        AssessmentStatus.Submitted => L["Submitted"],
        AssessmentStatus.Returned => L["Returned to you"],
        _ => L["Approved"],
    };

    public static string StatusTagClass(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "govuk-tag govuk-tag--grey",
        AssessmentStatus.Submitted => "govuk-tag",
        AssessmentStatus.Returned => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--green",
    };

    /// <summary>How far a figure is trusted, in plain words.</summary>
    public string Evidence(EvidenceLevel? level) => Evidence(level is { } known ? EvidenceLevels.ToId(known) : null);

    /// <summary>The same, for an evidence id of the engine's explanation (which may also be "missing").</summary>
    public string Evidence(string? level) => level switch
    {
        "verified" => L["Checked by an assessor"],
        "document-backed" => L["Backed by a document"],
        "missing" => L["Not given"],
        _ => L["Your own figure"],
    };

    public string FileSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => L["{0} MB", (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture)],
        >= 1024 => L["{0} KB", (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture)],
        _ => L["{0} bytes", bytes.ToString(CultureInfo.InvariantCulture)],
    };

    public static string FileKind(string contentType) => contentType switch
    {
        Infrastructure.Storage.EvidenceStore.Pdf => "PDF",
        Infrastructure.Storage.EvidenceStore.Png => "PNG",
        Infrastructure.Storage.EvidenceStore.Jpeg => "JPEG",
        _ => contentType,
    };

    /// <summary>Why an upload was refused: empty, too large (saying the limit), not a PDF/PNG/JPEG, or no file at all.</summary>
    public string Refusal(string? reason, long maxBytes) => reason switch
    {
        "empty" => L["The selected file is empty"],
        "too-large" => L["The selected file must be smaller than {0}", FileSize(maxBytes)],
        "wrong-type" => L["The selected file must be a PDF, PNG or JPEG"],
        _ => L["Select a file to upload"],
    };

    public static string Year(int year) => Fmt.FinancialYear(year);

    [GeneratedRegex(@"\s*\((?:0 to 1|0 മുതൽ 1 വരെ)\)")]
    private static partial Regex RatioRange();
}
