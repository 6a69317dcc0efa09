using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Providers;

/// <summary>A choice on a form: its id and its name in the user's language.</summary>
public sealed record Choice(string Id, string Label);

/// <summary>The choices of the profile editor and the directory's filters, from the vocabulary of the framework in force, in the user's language.</summary>
public sealed class ProfileOptions
{
    public required IReadOnlyList<Choice> Kinds { get; init; }

    public required IReadOnlyList<Choice> Districts { get; init; }

    public required IReadOnlyList<Choice> Stages { get; init; }

    public required IReadOnlyList<Choice> Certifications { get; init; }

    public required IReadOnlyList<Choice> Technologies { get; init; }

    public required IReadOnlyList<Choice> FeeBands { get; init; }

    public required IReadOnlyList<Choice> Sectors { get; init; }

    public required IReadOnlyList<Choice> Divisions { get; init; }

    public required CollaborationData Data { get; init; }

    public static async Task<ProfileOptions> LoadAsync(CollaborationVocabulary vocabulary, FrameworkStore frameworks, CancellationToken cancellationToken)
    {
        var framework = await frameworks.ActiveAsync(cancellationToken);
        var data = vocabulary.For(framework);
        var ml = Language.Current == Language.Malayalam;
        return new ProfileOptions
        {
            Data = data,
            Kinds = Terms(data.Kinds),
            Districts = [.. data.Districts.All.Select(d => new Choice(d.Name, DistrictNames.Of(d)))],
            Stages = [.. data.Stages.Terms.Select(s => new Choice(s.Id, CollaborationVocabulary.Label(framework, framework.StageDomain.Id, s.Id)))],
            Certifications = [.. data.Certifications.Terms.Select(s => new Choice(s.Id, CollaborationVocabulary.Label(framework, CollaborationData.CertificationDomain, s.Id)))],
            Technologies = Terms(data.Technologies),
            FeeBands = Terms(data.FeeBands),
            Sectors = [.. data.Reference.PrioritySectors.All.Select(s => new Choice(s.Id, ml ? s.NameMl : s.Name))],
            Divisions = [.. data.Nic.Entries.Where(e => e.Level == HiTech.Core.Reference.NicLevel.Division).Select(e => new Choice(e.Code, e.Code + " " + (ml && data.Reference.NicMalayalam.TitleOf(e.Code) is { } title ? title : e.Title)))],
        };
    }

    public static string LabelOf(IReadOnlyList<Choice> choices, string id) => choices.FirstOrDefault(c => c.Id == id)?.Label ?? id;

    private static List<Choice> Terms(Vocabulary vocabulary) => [.. vocabulary.Terms.Select(t => new Choice(t.Id, CollaborationVocabulary.Name(vocabulary, t.Id)))];
}
