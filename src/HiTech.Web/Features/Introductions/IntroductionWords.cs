namespace HiTech.Web.Features.Introductions;

/// <summary>The words and tag colours of an introduction's status, the same on every page.</summary>
public static class IntroductionWords
{
    public static string Status(IntroductionStatus status, IStringLocalizer<IntroductionsText> l) => status switch
    {
        IntroductionStatus.Sent => l["Waiting for an answer"],
        IntroductionStatus.Accepted => l["Accepted"],
        IntroductionStatus.Declined => l["Declined"],
        IntroductionStatus.Expired => l["Closed without an answer"],
        _ => l["Withdrawn"],
    };

    public static string Tag(IntroductionStatus status) => status switch
    {
        IntroductionStatus.Sent => "govuk-tag--blue",
        IntroductionStatus.Accepted => "govuk-tag--green",
        IntroductionStatus.Declined => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
