using HiTech.Core.Maturity;
using HiTech.Core.Reference;
using HiTech.Core.Tests.Reference;

namespace HiTech.Core.Tests.Maturity;

/// <summary>The shipped instrument and schemes, and the minimal test instrument, loaded once for the whole test run.</summary>
public static class TestMaturity
{
    private static readonly Lazy<SchemeCatalog> LazySchemes = new(() => Require(SchemeCatalogLoader.LoadFile(SchemesPath)));
    private static readonly Lazy<MaturityInstrument> LazyShipped = new(() => Require(MaturityInstrumentLoader.LoadFile(ShippedPath, Schemes.Ids)));
    private static readonly Lazy<MaturityInstrument> LazyMinimal = new(() => Require(MaturityInstrumentLoader.LoadFile(MinimalPath)));

    public static string ShippedPath => Path.Combine(TestReference.DataDirectory, "maturity", "dma-kerala", "2025.1.yaml");

    public static string SchemesPath => Path.Combine(TestReference.DataDirectory, "schemes", "kerala-schemes.yaml");

    public static string MinimalPath => Path.Combine(AppContext.BaseDirectory, "TestData", "bad-maturity", "base", "minimal.yaml");

    /// <summary>data/maturity/dma-kerala/2025.1.yaml.</summary>
    public static MaturityInstrument Shipped => LazyShipped.Value;

    /// <summary>data/schemes/kerala-schemes.yaml.</summary>
    public static SchemeCatalog Schemes => LazySchemes.Value;

    /// <summary>
    /// TestData/bad-maturity/base/minimal.yaml: dimensions strategy and data; bands low 0-50 and high 51-100. Screen:
    /// s_plan (strategy; not-yet 0, ideas 1, written 4), s_channels (strategy; orders 2 + payments 2, none), s_records
    /// (data; paper 0, spreadsheet 2, system 4), s_backup (data; no-backups 0, weekly 4). Deep module deep_data
    /// (s_records &gt;= 2 and employees &gt;= 10): d_batches, d_machines, d_decisions (data; no 0, yes 4). Inventory:
    /// i_cloud (data) and i_robots (strategy, manufacturers only), levels not-used 0, piloting 2, in-use 4.
    /// </summary>
    public static MaturityInstrument Minimal => LazyMinimal.Value;

    public static MaturityProfile Manufacturer(int employees = 50, MsmeSize size = MsmeSize.Small) => new(employees, true, size);

    public static MaturityProfile Trader(int employees = 50, MsmeSize size = MsmeSize.Small) => new(employees, false, size);

    public static MaturityAnswers Answers(params (string Question, string[] Options)[] answers) =>
        answers.Aggregate(MaturityAnswers.Empty, (all, a) => all.With(a.Question, a.Options));

    /// <summary>Every question of the instrument answered at one level (the CLI template's answers).</summary>
    public static MaturityAnswers All(MaturityInstrument instrument, MaturityTemplateLevel level) =>
        instrument.Questions.Aggregate(MaturityAnswers.Empty, (all, q) => all.With(q.Id, MaturityTemplate.Answer(q, level)));

    private static MaturityInstrument Require(MaturityLoadResult result) =>
        result.Instrument ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));

    private static SchemeCatalog Require(SchemeLoadResult result) =>
        result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
}
