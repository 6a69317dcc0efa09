using System.Collections.Immutable;
using HiTech.Core.Collaboration;
using HiTech.Core.Frameworks;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// The English of the collaboration engine's codes: match reasons and row problems. Core returns codes with values;
/// this is where the CLI words them (the web words the same codes in English and Malayalam).
/// </summary>
public sealed class MatchText(CollaborationData data, CompiledFramework framework)
{
    private readonly ImmutableDictionary<string, LocalText> _stageLabels = Labels(framework, framework.StageDomain.Id);
    private readonly ImmutableDictionary<string, LocalText> _certificationLabels = Labels(framework, CollaborationData.CertificationDomain);

    public string Reason(MatchReason reason) => reason.Code switch
    {
        ReasonCode.NicSubclass => $"works in NIC sub-class {reason.Value}",
        ReasonCode.NicClass => $"works in NIC class {reason.Value}",
        ReasonCode.NicGroup => $"works in NIC group {reason.Value}",
        ReasonCode.NicDivision => $"works in NIC division {reason.Value}",
        ReasonCode.Stage => $"offers {Lower(Label(_stageLabels, reason.Value))}",
        ReasonCode.Certified => $"holds {Label(_certificationLabels, reason.Value)}",
        ReasonCode.SameDistrict => $"in {District(reason.Value)}, the same district",
        ReasonCode.NeighbouringDistrict => $"in {District(reason.Value)}, a neighbouring district",
        ReasonCode.ElsewhereInKerala => $"in {District(reason.Value)}, elsewhere in Kerala",
        ReasonCode.OutsideKerala => "outside Kerala",
        ReasonCode.Remote => reason.Value.Length == 0 ? "serves remotely" : $"serves remotely (from {District(reason.Value)})",
        ReasonCode.Words => $"mentions {reason.Value}",
        ReasonCode.AnswersWithin => $"answers in {reason.Value} day{(reason.Value == "1" ? "" : "s")} (median)",
        ReasonCode.VerifiedDaysAgo => reason.Value == "0" ? "verified today" : $"verified {reason.Value} day{(reason.Value == "1" ? "" : "s")} ago",
        _ => reason.Code.ToString(),
    };

    public string Problem(ProfileProblem problem)
    {
        var given = $"'{problem.Text}'";
        return problem.Rule switch
        {
            ProfileRule.Unreadable => problem.Text ?? "the row could not be read",
            ProfileRule.Required => "is required but was not given",
            ProfileRule.TooLong => $"is too long ({given}); at most 64 characters are allowed",
            ProfileRule.RepeatedId => $"the same id is already given on line {problem.Text}; ids must be unique",
            ProfileRule.UnknownKind => $"{given} is not a provider kind; known: {Ids(data.Kinds)}",
            ProfileRule.UnknownDistrict => $"{given} is not one of Kerala's 14 districts (official names or the usual variants such as Cochin or Trivandrum; a provider may be outside-kerala)",
            ProfileRule.UnknownStage => $"{given} is not a value-chain stage of {data.FrameworkName}; known: {Ids(data.Stages)}",
            ProfileRule.UnknownCertification => $"{given} is not a certification of {data.FrameworkName}; known: {Ids(data.Certifications)}",
            ProfileRule.UnknownTechnology => $"{given} is not in the technologies list; known: {Ids(data.Technologies)}",
            ProfileRule.NotANicCode => $"{given} is not a NIC code: write 2 to 5 digits (division 22, group 221, class 2219, sub-class 22191)",
            ProfileRule.UnknownNicCode => $"{given} is not a NIC 2008 code",
            ProfileRule.NotADate => $"{given} is not a date written yyyy-MM-dd",
            ProfileRule.NotBoolean => $"{given} must be true or false (also yes/no, 1/0)",
            ProfileRule.NotANumber => $"{given} is not a number of days from 0 to 3650",
            ProfileRule.NotALanguage => $"{given} is not a language code such as en or ml",
            ProfileRule.NotAWebsite => $"{given} is not a web address beginning http:// or https://",
            ProfileRule.TextTooLong => $"is too long: at most {problem.Text} characters are allowed",
            ProfileRule.ProfessionalNotImported => "a returning professional is not imported from a list: professionals register themselves, with their consent",
            _ => problem.Rule.ToString(),
        };
    }

    private static string Ids(Vocabulary vocabulary) => string.Join(", ", vocabulary.Terms.Select(t => t.Id));

    private static string Label(ImmutableDictionary<string, LocalText> labels, string id) => labels.TryGetValue(id, out var label) && label.En.Length > 0 ? label.En : id;

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private string District(string id) => data.Districts.All.FirstOrDefault(d => d.Id == id)?.Name ?? id;

    private static ImmutableDictionary<string, LocalText> Labels(CompiledFramework framework, string domain) =>
        framework.Definition.Domains.FirstOrDefault(d => d.Id == domain)?.Labels ?? ImmutableDictionary<string, LocalText>.Empty;
}
