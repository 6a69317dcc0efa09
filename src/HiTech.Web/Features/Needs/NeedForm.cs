namespace HiTech.Web.Features.Needs;

/// <summary>
/// A need as typed (page) or sent (API, camelCase JSON): ids of the vocabularies, the activity's NIC code, the deadline
/// as yyyy-MM-dd, a district name or id (the organisation's when empty), and <c>from</c>: the roadmap step or plan it
/// was pre-filled from ("roadmap:{maturity id}:{step}", "plan:{assessment id}:{plan}"), or empty.
/// </summary>
public sealed record NeedForm(
    string? HelpKind,
    IReadOnlyList<string>? ProviderKinds,
    string? NicCode,
    string? Stage,
    IReadOnlyList<string>? Certifications,
    string? BudgetBand,
    string? Deadline,
    string? District,
    string? Summary,
    string? PrivateDetails,
    string? From);

/// <summary>A need with how many introductions it has had (any status).</summary>
public sealed record NeedView(Need Need, int Introductions);
