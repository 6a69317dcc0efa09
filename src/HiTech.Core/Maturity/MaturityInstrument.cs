using System.Collections.Frozen;
using System.Collections.Immutable;
using HiTech.Core.Frameworks;

namespace HiTech.Core.Maturity;

/// <summary>
/// A validated digital maturity instrument (for example <c>dma-kerala</c> 2025.1): its dimensions, the short screen,
/// the deep modules, the technology inventory, the scoring method with its bands, and the next-step actions.
/// Immutable and safe to share; build it with <see cref="MaturityInstrumentLoader"/>.
/// </summary>
public sealed class MaturityInstrument
{
    private readonly FrozenDictionary<string, MaturityQuestion> _questions;
    private readonly FrozenDictionary<string, MaturityModule> _modules;
    private readonly FrozenDictionary<string, MaturityDimension> _dimensions;

    internal MaturityInstrument(
        string id,
        string version,
        LocalText title,
        LocalText description,
        ImmutableArray<MaturityDimension> dimensions,
        ImmutableArray<MaturityOption> adoptionLevels,
        ImmutableArray<MaturityModule> modules,
        MaturityScoring scoring,
        ImmutableArray<MaturityAction> actions,
        MaturityConditions conditions)
    {
        Id = id;
        Version = version;
        Title = title;
        Description = description;
        Dimensions = dimensions;
        AdoptionLevels = adoptionLevels;
        Modules = modules;
        Scoring = scoring;
        Actions = actions;
        Conditions = conditions;
        Questions = [.. modules.SelectMany(m => m.Questions)];
        _questions = Questions.ToFrozenDictionary(q => q.Id, StringComparer.Ordinal);
        _modules = modules.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        _dimensions = dimensions.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        Screen = modules.Single(m => m.Kind == ModuleKind.Screen);
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>"id/version", the form an answers file and the CLI use to name the instrument.</summary>
    public string Reference => $"{Id}/{Version}";

    public LocalText Title { get; }

    public LocalText Description { get; }

    /// <summary>In the order of the file; the overall score is their mean.</summary>
    public ImmutableArray<MaturityDimension> Dimensions { get; }

    /// <summary>The one scale of the technology inventory (questions of type <see cref="QuestionType.Adoption"/>), lowest first.</summary>
    public ImmutableArray<MaturityOption> AdoptionLevels { get; }

    /// <summary>The screen first, then the deep modules and the inventory, in the order of the file.</summary>
    public ImmutableArray<MaturityModule> Modules { get; }

    /// <summary>The short screen every firm answers first.</summary>
    public MaturityModule Screen { get; }

    /// <summary>Every question of every module, in module order.</summary>
    public ImmutableArray<MaturityQuestion> Questions { get; }

    public MaturityScoring Scoring { get; }

    public ImmutableArray<MaturityAction> Actions { get; }

    internal MaturityConditions Conditions { get; }

    public bool TryGetQuestion(string id, out MaturityQuestion question) => _questions.TryGetValue(id, out question!);

    public MaturityQuestion Question(string id) =>
        _questions.TryGetValue(id, out var question) ? question : throw new KeyNotFoundException($"'{id}' is not a question of {Reference}.");

    public bool TryGetModule(string id, out MaturityModule module) => _modules.TryGetValue(id, out module!);

    public MaturityModule Module(string id) =>
        _modules.TryGetValue(id, out var module) ? module : throw new KeyNotFoundException($"'{id}' is not a module of {Reference}.");

    public MaturityDimension Dimension(string id) =>
        _dimensions.TryGetValue(id, out var dimension) ? dimension : throw new KeyNotFoundException($"'{id}' is not a dimension of {Reference}.");

    /// <summary>The actions for a dimension whose score is in <paramref name="bandId"/>, in the order of the file.</summary>
    public IEnumerable<MaturityAction> ActionsFor(string dimensionId, string bandId) =>
        Actions.Where(a => a.DimensionId == dimensionId && a.BandId == bandId);

    public override string ToString() => Reference;
}

/// <summary>One of the scored dimensions (the EU DMA has six).</summary>
public sealed record MaturityDimension(string Id, LocalText Title, LocalText Description);

public enum ModuleKind
{
    /// <summary>The short screen: always open, answered first, gives the first estimate.</summary>
    Screen,

    /// <summary>A deep module that opens only where its <c>opens_when</c> condition holds for the firm.</summary>
    Deep,

    /// <summary>The Industry 4.0 technology inventory, rated on the adoption scale.</summary>
    Inventory,
}

/// <summary>A group of questions shown together. <see cref="OpensWhen"/> is the condition's text (null: always open).</summary>
public sealed record MaturityModule(string Id, ModuleKind Kind, LocalText Title, LocalText Description, string? OpensWhen, ImmutableArray<MaturityQuestion> Questions);

public enum QuestionType
{
    /// <summary>Pick one option.</summary>
    Single,

    /// <summary>Tick all that apply; exactly one option is "none of these", which excludes the others.</summary>
    Multi,

    /// <summary>An inventory item, rated on the instrument's adoption levels.</summary>
    Adoption,
}

/// <summary>
/// A question. <see cref="Options"/> are its own (or, for <see cref="QuestionType.Adoption"/>, the instrument's adoption
/// levels); <see cref="MaxPoints"/> is what a full answer scores: the best option, or for a multi question the sum of all.
/// <see cref="OpensWhen"/> is an extra condition of the question itself (null: it applies whenever its module is open).
/// </summary>
public sealed record MaturityQuestion(
    string Id,
    string ModuleId,
    string DimensionId,
    QuestionType Type,
    LocalText Text,
    LocalText Help,
    ImmutableArray<MaturityOption> Options,
    string? OpensWhen)
{
    public int MaxPoints => Type == QuestionType.Multi ? Options.Sum(o => o.Points) : Options.Max(o => o.Points);

    public bool TryGetOption(string id, out MaturityOption option)
    {
        foreach (var candidate in Options)
        {
            if (candidate.Id == id)
            {
                option = candidate;
                return true;
            }
        }

        option = null!;
        return false;
    }
}

/// <summary>An answer option. <see cref="IsNone"/> marks the "none of these" option of a multi question.</summary>
public sealed record MaturityOption(string Id, LocalText Text, int Points, bool IsNone = false);

/// <summary>A score band, <see cref="Min"/> to <see cref="Max"/> inclusive. <see cref="Uncertain"/>: the range is not confirmed by a primary source.</summary>
public sealed record MaturityBand(string Id, int Min, int Max, LocalText Title, bool Uncertain = false)
{
    public bool Contains(int score) => score >= Min && score <= Max;
}

/// <summary>The scoring method: in words (<see cref="Method"/>) and as data (bands, the peer minimum).</summary>
public sealed record MaturityScoring(LocalText Method, ImmutableArray<MaturityBand> Bands, int PeerMinimum)
{
    /// <summary>The band holding a whole-number score from 0 to 100 (the loader guarantees the bands cover 0-100).</summary>
    public MaturityBand BandFor(int score)
    {
        foreach (var band in Bands)
        {
            if (band.Contains(score))
            {
                return band;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(score), score, "A maturity score is a whole number from 0 to 100.");
    }

    /// <summary>The position of a band, lowest first; -1 for an unknown id.</summary>
    public int BandIndex(string bandId)
    {
        for (var i = 0; i < Bands.Length; i++)
        {
            if (Bands[i].Id == bandId)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>How much a next step roughly costs a small unit.</summary>
public enum CostTier
{
    Low,
    Medium,
    High,
}

/// <summary>A concrete next step for a dimension in a band, with its rough cost and the schemes that can help pay for it.</summary>
public sealed record MaturityAction(string Id, string DimensionId, string BandId, LocalText Text, CostTier CostTier, ImmutableArray<string> Schemes);
