namespace HiTech.Core.Collaboration;

/// <summary>
/// The vocabularies a partnership is recorded in (data/collaboration/partnership-models.csv and value-bands.csv):
/// what an accepted introduction became, and its value in INR bands.
/// </summary>
public sealed record PartnershipTerms(Vocabulary Models, Vocabulary ValueBands)
{
    /// <summary>The term of an id in <paramref name="vocabulary"/>, or null when it is not one.</summary>
    public static VocabularyTerm? Find(Vocabulary vocabulary, string? id)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var index = id is null ? -1 : vocabulary.IndexOf(id);
        return index < 0 ? null : vocabulary.Terms[index];
    }
}
