using System.Globalization;
using HiTech.Core.Collaboration;
using HiTech.Core.Reference;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace HiTech.Web.Features.Needs;

/// <summary>
/// The words of needs and matches in the user's language: vocabulary names (help kinds, budget bands, provider kinds
/// from data/collaboration; stages and certifications from the framework in force), statuses, and each match reason
/// Core gives as a code and a value ("NABL laboratory accreditation · Kottayam, next district · answers in 2 working
/// days"). Which reasons exist is Core's; this only words them.
/// </summary>
public sealed class NeedWords(IStringLocalizer<NeedsText> l, ReferenceData reference, FrameworkStore frameworks, MatchingIndex index)
{
    private static readonly TimeSpan Ist = new(5, 30, 0);

    private CollaborationData? _data;
    private IReadOnlyDictionary<string, string> _stages = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _certifications = new Dictionary<string, string>();

    private static bool Malayalam => Language.Current == Language.Malayalam;

    /// <summary>Today in Kerala: the day needs and profiles are judged on.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Ist).DateTime);

    /// <summary>Reads the vocabularies once per request (call before the other methods).</summary>
    public async Task<NeedWords> LoadAsync(CancellationToken cancellationToken)
    {
        _data = (await index.CurrentAsync(cancellationToken)).Data;
        var framework = await frameworks.ActiveAsync(cancellationToken);
        _stages = Labels(framework, framework.StageDomain.Id);
        _certifications = Labels(framework, CollaborationData.CertificationDomain);
        return this;
    }

    public IStringLocalizer<NeedsText> L => l;

    public CollaborationData Data => _data ?? throw new InvalidOperationException("Call LoadAsync first.");

    public string HelpKind(string id) => Term(Data.HelpKinds, id);

    public string BudgetBand(string id) => id.Length == 0 ? l["Not stated"] : Term(Data.BudgetBands, id);

    public string ProviderKind(string id) => Term(Data.Kinds, id);

    public string Stage(string id) => id.Length == 0 ? l["Any stage"] : _stages.GetValueOrDefault(id, id);

    public string Certification(string id) => _certifications.GetValueOrDefault(id, id);

    public string District(string stored) => DistrictNames.Of(reference, stored);

    public string DistrictById(string id) => reference.Districts.All.FirstOrDefault(d => d.Id == id) is { } d ? DistrictNames.Of(d) : id;

    public string Status(NeedStatus status) => l[StatusKey(status)];

    public static string StatusKey(NeedStatus status) => status switch
    {
        NeedStatus.Open => "open",
        NeedStatus.Closed => "closed",
        _ => "withdrawn",
    };

    /// <summary>A NIC code with its title, in Malayalam where the project has one.</summary>
    public string Nic(string code) =>
        Malayalam && reference.NicMalayalam.TitleOf(code) is { } ml ? $"{code} {ml}"
        : reference.Nic.TryGet(code, out var entry) ? $"{code} {entry.Title}"
        : code;

    public IEnumerable<SelectListItem> HelpKindItems() => [new(l["Choose the kind of help"], ""), .. Data.HelpKinds.Terms.Select(t => new SelectListItem(Name(t), t.Id))];

    public IEnumerable<SelectListItem> BudgetItems() => [new(l["Not stated"], ""), .. Data.BudgetBands.Terms.Select(t => new SelectListItem(Name(t), t.Id))];

    public IEnumerable<SelectListItem> StageItems() => [new(l["Any stage"], ""), .. Data.Stages.Terms.Select(t => new SelectListItem(Stage(t.Id), t.Id))];

    public IEnumerable<SelectListItem> DistrictItems() => [new(l["Choose a district"], ""), .. reference.Districts.All.Select(d => new SelectListItem(DistrictNames.Of(d), d.Id))];

    public IReadOnlyList<(string Id, string Label)> ProviderKindOptions() => [.. Data.Kinds.Terms.Select(t => (t.Id, Name(t)))];

    public IReadOnlyList<(string Id, string Label)> CertificationOptions() => [.. Data.Certifications.Terms.Select(t => (t.Id, Certification(t.Id)))];

    /// <summary>The reasons of a match, worded and in Core's order.</summary>
    public IReadOnlyList<string> Reasons(IEnumerable<MatchReason> reasons) => [.. reasons.Select(Reason)];

    public string Reason(MatchReason reason) => reason.Code switch
    {
        ReasonCode.NicSubclass => l["Works in your very activity, NIC {0}", Nic(reason.Value)],
        ReasonCode.NicClass => l["Works in your activity's class, NIC {0}", Nic(reason.Value)],
        ReasonCode.NicGroup => l["Works in your activity's group, NIC {0}", Nic(reason.Value)],
        ReasonCode.NicDivision => l["Works in your activity's division, NIC {0}", Nic(reason.Value)],
        ReasonCode.Stage => l["Offers {0}", Stage(reason.Value)],
        ReasonCode.Certified => l["Holds {0}", Certification(reason.Value)],
        ReasonCode.SameDistrict => l["{0}, the same district", DistrictById(reason.Value)],
        ReasonCode.NeighbouringDistrict => l["{0}, 1 district away", DistrictById(reason.Value)],
        ReasonCode.ElsewhereInKerala => l["{0}, elsewhere in Kerala", DistrictById(reason.Value)],
        ReasonCode.OutsideKerala => l["Outside Kerala"],
        ReasonCode.Remote => l["Serves all Kerala or remotely"],
        ReasonCode.Words => l["Mentions {0}", reason.Value],
        ReasonCode.AnswersWithin => l["Answers in {0} working days (median)", Days(reason.Value)],
        ReasonCode.VerifiedDaysAgo => reason.Value == "0" ? l["Profile checked today"] : l["Profile checked {0} days ago", reason.Value],
        _ => reason.Value,
    };

    private static string Days(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) ? Fmt.Number(days, days == Math.Floor(days) ? 0 : 1) : value;

    private static string Name(VocabularyTerm term) => Malayalam ? term.NameMl : term.Name;

    private static string Term(Vocabulary vocabulary, string id)
    {
        var i = vocabulary.IndexOf(id);
        return i < 0 ? id : Name(vocabulary.Terms[i]);
    }

    private static Dictionary<string, string> Labels(CompiledFramework framework, string domain)
    {
        var definition = framework.Definition.Domains.FirstOrDefault(d => d.Id == domain);
        return definition is null
            ? []
            : definition.Values.ToDictionary(v => v, v => definition.Labels.TryGetValue(v, out var label) ? label.In(Language.Current) : v, StringComparer.Ordinal);
    }
}
