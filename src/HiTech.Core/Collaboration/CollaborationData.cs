using HiTech.Core.Frameworks;
using HiTech.Core.Reference;

namespace HiTech.Core.Collaboration;

/// <summary>
/// The vocabulary providers and needs are written in: provider kinds and Industry 4.0 technologies (data/collaboration/),
/// the framework's <c>value_chain_stage</c> and <c>certification</c> domains, NIC 2008, and the districts with their
/// neighbours. One place, so the CLI, the web and the tests all accept and refuse the same values.
/// </summary>
public sealed class CollaborationData
{
    public const string KindsFile = "collaboration/provider-kinds.csv";
    public const string TechnologiesFile = "collaboration/technologies.csv";
    public const string HelpKindsFile = "collaboration/help-kinds.csv";
    public const string BudgetBandsFile = "collaboration/budget-bands.csv";
    public const string PartnershipModelsFile = "collaboration/partnership-models.csv";
    public const string ValueBandsFile = "collaboration/value-bands.csv";
    public const string NeighboursFile = "reference/district-neighbours.csv";
    public const string FeeBandsFile = "collaboration/fee-bands.csv";
    public const string CertificationDomain = "certification";

    public required Vocabulary Kinds { get; init; }

    public required Vocabulary Technologies { get; init; }

    /// <summary>What kind of help a need asks for (data/collaboration/help-kinds.csv).</summary>
    public required Vocabulary HelpKinds { get; init; }

    /// <summary>The budget bands a need may state (data/collaboration/budget-bands.csv).</summary>
    public required Vocabulary BudgetBands { get; init; }

    public required Vocabulary Stages { get; init; }

    /// <summary>What using a provider's equipment costs, roughly (data/collaboration/fee-bands.csv).</summary>
    public Vocabulary FeeBands { get; init; } = Vocabulary.Of([]);

    /// <summary>The words partnerships are recorded in: models and value bands.</summary>
    public required PartnershipTerms Partnerships { get; init; }

    public required Vocabulary Certifications { get; init; }

    public required ReferenceData Reference { get; init; }

    public required DistrictNeighbours Neighbours { get; init; }

    /// <summary>The framework whose stage and certification ids profiles use ("kerala-htmf 2025.1").</summary>
    public required string FrameworkName { get; init; }

    public DistrictDirectory Districts => Reference.Districts;

    public NicCatalog Nic => Reference.Nic;

    /// <summary>Loads the collaboration files from the data folder and takes the stage and certification ids from the framework.</summary>
    public static CollaborationData Load(string dataDirectory, ReferenceData reference, CompiledFramework framework)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(framework);
        if (!framework.Domains.TryGetValue(CertificationDomain, out var certifications))
        {
            throw new ReferenceDataException($"The framework {framework.Id} {framework.Version} has no '{CertificationDomain}' domain, which provider profiles need.");
        }

        return new CollaborationData
        {
            Kinds = ReferenceData.Read(dataDirectory, KindsFile, Vocabulary.Load),
            Technologies = ReferenceData.Read(dataDirectory, TechnologiesFile, Vocabulary.Load),
            FeeBands = ReferenceData.Read(dataDirectory, FeeBandsFile, Vocabulary.Load),
            HelpKinds = ReferenceData.Read(dataDirectory, HelpKindsFile, Vocabulary.Load),
            BudgetBands = ReferenceData.Read(dataDirectory, BudgetBandsFile, Vocabulary.Load),
            Stages = Vocabulary.Of(framework.StageDomain.Values),
            Partnerships = LoadPartnershipTerms(dataDirectory),
            Certifications = Vocabulary.Of(certifications.Values),
            Reference = reference,
            Neighbours = ReferenceData.Read(dataDirectory, NeighboursFile, (r, s) => DistrictNeighbours.Load(r, s, reference.Districts)),
            FrameworkName = $"{framework.Id} {framework.Version}",
        };
    }

    /// <summary>Only the partnership vocabularies (the web records partnerships without matching).</summary>
    public static PartnershipTerms LoadPartnershipTerms(string dataDirectory) => new(
        ReferenceData.Read(dataDirectory, PartnershipModelsFile, Vocabulary.Load),
        ReferenceData.Read(dataDirectory, ValueBandsFile, Vocabulary.Load));

    /// <summary>The position of a district in <see cref="DistrictDirectory.All"/>, or -1.</summary>
    public int DistrictIndex(string? id)
    {
        var all = Districts.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
