using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Partnerships;

/// <summary>The words of a partnership's status, model, value band and follow-up answers, the same on every page.</summary>
public static class PartnershipWords
{
    public static string Status(PartnershipStatus status, IStringLocalizer<PartnershipsText> l) => status switch
    {
        PartnershipStatus.Active => l["Under way"],
        PartnershipStatus.Completed => l["Completed"],
        _ => l["Ended early"],
    };

    public static string Tag(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Active => "govuk-tag--blue",
        PartnershipStatus.Completed => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    /// <summary>A term of the partnership vocabularies in the user's language (an id no longer in the file as stored).</summary>
    public static string Term(Vocabulary vocabulary, string id) => CollaborationVocabulary.Name(vocabulary, id);

    /// <summary>The answers to "how is it going?", in <see cref="AnswerFollowUp.Progresses"/> order.</summary>
    public static string Progress(string progress, IStringLocalizer<PartnershipsText> l) => progress switch
    {
        "on-track" => l["On track"],
        "delayed" => l["Delayed"],
        "completed" => l["Completed"],
        "stopped" => l["Stopped"],
        _ => progress,
    };
}
