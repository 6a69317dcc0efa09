namespace HiTech.Web.Features.Introductions;

/// <summary>
/// An answer or a withdrawal carries the version of the introduction it was decided on: a missing one is refused, a
/// stale one (someone on the same side answered meanwhile) is a conflict, so nobody answers what they have not seen.
/// </summary>
public static class IntroductionVersion
{
    public static Outcome<Introduction>? Check(Introduction introduction, int? version, IStringLocalizer<IntroductionsText> l) =>
        version is null ? Outcome.Invalid<Introduction>("version", l["Send the version of the introduction you read"])
        : version != introduction.Version ? Outcome.Stale<Introduction>(l["Someone changed this introduction after you read it: read it again, then decide."], introduction.Version)
        : null;
}
