using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

/// <summary>
/// The project's reference data, loaded once per test run from the data folder the test project copies
/// beside its binaries. Tests across the suite share it.
/// </summary>
public static class TestReference
{
    private static readonly Lazy<string> LocatedDirectory = new(
        () => ReferenceData.LocateDataDirectory(AppContext.BaseDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ReferenceData> Loaded = new(
        () => ReferenceData.LoadFromDirectory(LocatedDirectory.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The copied data folder (holding classifications/ and reference/).</summary>
    public static string DataDirectory => LocatedDirectory.Value;

    public static ReferenceData Data => Loaded.Value;
}
