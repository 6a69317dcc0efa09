using System.Collections.Frozen;
using System.Collections.Immutable;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;

namespace HiTech.Core.Maturity;

/// <summary>The unit of a scheme's number, read from the suffix of its name in the file.</summary>
public enum SchemeUnit
{
    /// <summary><c>*_inr</c>: whole rupees.</summary>
    Inr,

    /// <summary><c>*_percent</c>: 0 to 100.</summary>
    Percent,

    /// <summary><c>*_years</c>.</summary>
    Years,
}

/// <summary>One number of a scheme, such as <c>max_per_unit_inr: 2500000</c>.</summary>
public sealed record SchemeNumber(string Id, decimal Value, SchemeUnit Unit);

/// <summary>
/// A support scheme a unit can use to pay for a next step. <see cref="Uncertain"/> marks a scheme whose terms are not
/// confirmed in the project's reference facts; <see cref="UncertainNote"/> says what to check, and must be shown with it.
/// </summary>
public sealed record Scheme(
    string Id,
    LocalText Name,
    LocalText By,
    LocalText Covers,
    ImmutableArray<SchemeNumber> Numbers,
    ImmutableArray<MsmeSize> Sizes,
    LocalText Eligibility,
    string Source,
    bool Uncertain,
    LocalText UncertainNote)
{
    public bool IsOpenTo(MsmeSize size) => Sizes.Contains(size);

    public SchemeNumber? Number(string id) => Numbers.FirstOrDefault(n => n.Id == id);
}

/// <summary>The schemes of data/schemes/kerala-schemes.yaml, in the order of the file.</summary>
public sealed class SchemeCatalog
{
    private readonly FrozenDictionary<string, Scheme> _byId;

    internal SchemeCatalog(string id, string version, ImmutableArray<Scheme> schemes)
    {
        Id = id;
        Version = version;
        Schemes = schemes;
        _byId = schemes.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public static SchemeCatalog Empty { get; } = new("none", "0", []);

    public string Id { get; }

    public string Version { get; }

    public ImmutableArray<Scheme> Schemes { get; }

    public IReadOnlyCollection<string> Ids => _byId.Keys;

    public bool TryGet(string id, out Scheme scheme) => _byId.TryGetValue(id, out scheme!);
}
