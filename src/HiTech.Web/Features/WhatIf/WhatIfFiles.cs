namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// The registry files of what-if runs, under Data:Directory/what-if/ (outside the web root), one per run and kept
/// with it: <c>{run}.csv</c> or <c>{run}.xlsx</c>, the kind told by content when it was uploaded, and the
/// columns read from it once, <c>{run}.registry</c>.
/// </summary>
public sealed class WhatIfFiles(PlatformOptions options)
{
    /// <summary>The largest registry accepted: a million rows of the registry format take about 140 MB.</summary>
    public const long MaxRegistryBytes = 256L * 1024 * 1024;

    public string Folder => Path.Combine(options.DataDirectory, "what-if");

    /// <summary>The stored file of a run's registry (a name this class gave, never the user's).</summary>
    public string PathOf(string storedName) => Path.Combine(Folder, Path.GetFileName(storedName));

    /// <summary>Where a stored registry's imported columns are kept (<see cref="ImportWhatIfRegistry"/>): beside it, as <c>{run}.registry</c>.</summary>
    public string ImportedPathOf(string storedName) => Path.ChangeExtension(PathOf(storedName), ".registry");

    /// <summary>The name a run's registry is stored under.</summary>
    public static string StoredName(Guid run, bool isExcel) => $"{run:N}{(isExcel ? ".xlsx" : ".csv")}";
}
