namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// The registry files of what-if runs, under Data:Directory/what-if/ (outside the web root), one per registry content and kept
/// with the runs of it: <c>{hash}.csv</c> or <c>{hash}.xlsx</c>, the kind told by content when it was uploaded, and the
/// columns read from it once, <c>{hash}.registry</c>.
/// </summary>
public sealed class WhatIfFiles(PlatformOptions options)
{
    /// <summary>The largest registry accepted: a million rows of the registry format take about 140 MB.</summary>
    public const long MaxRegistryBytes = 256L * 1024 * 1024;

    public string Folder => Path.Combine(options.DataDirectory, "what-if");

    /// <summary>The stored file of a run's registry (a name this class gave, never the user's).</summary>
    public string PathOf(string storedName) => Path.Combine(Folder, Path.GetFileName(storedName));

    /// <summary>Where a stored registry's imported columns are kept (<see cref="ImportWhatIfRegistry"/>): beside it, as <c>{hash}.registry</c>.</summary>
    public string ImportedPathOf(string storedName) => Path.ChangeExtension(PathOf(storedName), ".registry");

    /// <summary>
    /// The name a registry is stored under: named by its content (<see cref="TableUpload.Kept.ContentHashAsync"/>),
    /// so runs of the same registry share one file and its columns, imported once.
    /// </summary>
    public static string StoredName(string contentHash, bool isExcel) => $"{contentHash[..32]}{(isExcel ? ".xlsx" : ".csv")}";
}
