using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Gives a run its registry read once (Core's <see cref="ImportedRegistry"/>): the columns imported from the
/// uploaded file are kept beside it (<see cref="WhatIfFiles.ImportedPathOf"/>), so any later run of the same file
/// scores them straight away; the first run, or one under a newer version in force or for another year, reads the
/// file (rejects by line, as ever) and keeps the columns for the next. A file that could not be read to its end, or
/// whose header is refused, is not kept, so the next run says so again.
/// </summary>
public sealed class ImportWhatIfRegistry(WhatIfFiles files, ActivityClassifier classifier, ILogger<ImportWhatIfRegistry> log)
{
    public ImportedRegistry Execute(WhatIfRun run, CompiledFramework baseline, CompiledFramework proposal, Action<double> progress)
    {
        var stored = run.RegistryFile ?? throw new InvalidOperationException("The run has no registry file.");
        var imported = files.ImportedPathOf(stored);
        if (File.Exists(imported))
        {
            try
            {
                var kept = ImportedRegistry.Load(imported);
                if (kept.Serves(baseline, proposal, run.Year))
                {
                    return kept;
                }
            }
            catch (InvalidDataException e)
            {
                // A file of an older layout or cut short is read again from the upload, and replaced.
                log.LogWarning(e, "The imported registry {File} is read again", imported);
            }
        }

        var path = files.PathOf(stored);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("The registry file of this run is no longer on the server.");
        }

        using var table = TableUpload.Open(path, TableUpload.IsExcel(path), run.RegistryName ?? "registry");
        var registry = ImportedRegistry.Import(table, baseline, classifier, run.Year, progress);
        if (registry.Population.HeaderProblems.Count == 0 && registry.Population.Aborted is null)
        {
            registry.Save(imported);
        }

        return registry;
    }
}
