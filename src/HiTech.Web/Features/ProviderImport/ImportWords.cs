using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>The provider import's messages in the user's language: each names the column, the value given and the rule.</summary>
public sealed class ImportWords(IStringLocalizer<ProviderImportText> l)
{
    public string OnlyOfficers => l["Only a partnerships officer or an admin can import providers"];

    public string ChooseFile => l["Choose a CSV or Excel file of providers"];

    public string RepeatedId(long line) => l["The same provider_id is already on line {0}; each provider once per file", line];

    public string Unreadable(bool excel) => excel
        ? l["The file is not a readable Excel workbook (.xlsx); save it again from Excel, or as CSV"]
        : l["The file could not be read as CSV; save it as CSV (UTF-8, comma-separated)"];

    public string Refusal(string reason, long maxBytes) => reason switch
    {
        "too-large" => l["The file is larger than {0} MB; split the list into smaller files", Math.Round(maxBytes / 1048576m, 1)],
        "empty" => l["The file is empty"],
        _ => l["The file is neither CSV text (UTF-8) nor an Excel workbook (.xlsx)"],
    };

    public string Header(ColumnLayout layout)
    {
        var parts = layout.Missing.Select(c => l["the required column {0} is missing", c].Value)
            .Concat(layout.Repeated.Select(c => l["the column {0} appears twice", c].Value));
        return l["Line 1 (the header) cannot be used: {0}. Nothing was imported.", string.Join("; ", parts)];
    }

    /// <summary>Why an existing profile is not overwritten by a department list, or null when it may be.</summary>
    public string? KeptBack(Provider existing) => existing switch
    {
        { Kind: "professional" } => l["This id belongs to a returning professional's own profile, which a list never changes"].Value,
        { Status: ProviderStatus.Withdrawn } => l["The provider withdrew this profile; only the provider can publish it again"].Value,
        _ => null,
    };

    public string Problem(ProfileProblem problem, CollaborationData data)
    {
        var given = problem.Text ?? "";
        return problem.Rule switch
        {
            ProfileRule.Unreadable => l["The row could not be read: {0}", given],
            ProfileRule.Required => l["{0} is required but empty", problem.Field],
            ProfileRule.TooLong => l["{0} is too long ('{1}'); at most 64 characters", problem.Field, given],
            ProfileRule.UnknownKind => l["'{0}' is not a provider kind; known: {1}", given, Ids(data.Kinds)],
            ProfileRule.UnknownDistrict => l["'{0}' is not one of Kerala's 14 districts (or outside-kerala)", given],
            ProfileRule.UnknownStage => l["'{0}' is not a value-chain stage; known: {1}", given, Ids(data.Stages)],
            ProfileRule.UnknownCertification => l["'{0}' is not a certification; known: {1}", given, Ids(data.Certifications)],
            ProfileRule.UnknownTechnology => l["'{0}' is not in the technologies list; known: {1}", given, Ids(data.Technologies)],
            ProfileRule.NotANicCode => l["'{0}' is not a NIC code: write 2 to 5 digits (22, 221, 2219, 22191)", given],
            ProfileRule.UnknownNicCode => l["'{0}' is not a NIC 2008 code", given],
            ProfileRule.NotADate => l["'{0}' in {1} is not a date written yyyy-MM-dd", given, problem.Field],
            ProfileRule.NotBoolean => l["'{0}' in {1} must be true or false", given, problem.Field],
            ProfileRule.NotANumber => l["'{0}' in {1} is not a number of days from 0 to 3650", given, problem.Field],
            ProfileRule.NotALanguage => l["'{0}' is not a language code such as en or ml", given],
            ProfileRule.NotAWebsite => l["'{0}' is not a web address beginning http:// or https://", given],
            ProfileRule.TextTooLong => l["{0} is too long: at most {1} characters", problem.Field, given],
            ProfileRule.ProfessionalNotImported => l["A returning professional is not imported from a list: professionals register themselves, with their consent"],
            _ => problem.Rule.ToString(),
        };
    }

    private static string Ids(Vocabulary vocabulary) => string.Join(", ", vocabulary.Terms.Select(t => t.Id));
}
