using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;
using HiTech.Web.Features.Maturity;
using HiTech.Web.Features.WhatIf;
using HiTech.Web.Kernel;

// HiTech.WhatIfBench REGISTRY [RUNS]
// A what-if over a registry file as the web executes it (Features/WhatIf/RunWhatIf, ImportWhatIfRegistry).
// First the import, timed on its own: the registry opened by Kernel/TableUpload, read once by Core's ImportedRegistry
// under the version in force, and its columns saved beside it. Then each run, from the request to the stored result:
// the form's change (hitech tier from 55 to 40) made into a proposal by Core's FrameworkEdit, the imported columns
// loaded, scored under both versions and tallied by Core's WhatIfAnalysis, the report made and serialised as a run
// stores it. Reference data is loaded first, outside the timing, as a running node holds it.
// Prints the import, then one line per run with its parts: seconds, rows, used, rejected, peak working set.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: HiTech.WhatIfBench REGISTRY [RUNS]");
    return 2;
}

var registry = args[0];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var data = ReferenceData.LocateDataDirectory();
var reference = ReferenceData.LoadFromDirectory(data);
var classifier = new ActivityClassifier(reference);
var schemes = MaturityReference.Load(data).Schemes;
var rules = DisclosureRules.LoadFromDirectory(data);
var yaml = File.ReadAllText(Path.Combine(data, "frameworks", "kerala-htmf", "2025.1", "framework.yaml"));
var baseline = FrameworkLoader.Load(yaml, "framework.yaml", classifier.SectorIds).Framework!;
var imported = Path.ChangeExtension(registry, ".registry");

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
static long PeakMb() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

var clock = Stopwatch.StartNew();
RegistryPopulation population;
using (var table = TableUpload.Open(registry, TableUpload.IsExcel(registry), Path.GetFileName(registry)))
{
    var import = ImportedRegistry.Import(table, baseline, classifier, 2025);
    var read = clock.Elapsed;
    import.Save(imported);
    population = import.Population;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"import (once per registry): {Seconds(clock.Elapsed)} s (reading, parsing and scoring under the version in force {Seconds(read)} s, saving {Seconds(clock.Elapsed - read)} s), rows {population.Rows}, used {population.Used}, rejected {population.Rejected}, columns {new FileInfo(imported).Length / (1024 * 1024)} MB, peak working set {PeakMb()} MB"));
}

for (var run = 1; run <= runs; run++)
{
    clock.Restart();
    var edit = FrameworkEdit.Apply(yaml, "bench.yaml", "2099.bench", new Dictionary<string, string> { ["tiers.hitech.min_index"] = "40" }, classifier.SectorIds);
    var analysis = new WhatIfAnalysis(baseline, edit.Framework!, classifier, schemes, rules);
    var columns = ImportedRegistry.Load(imported);
    var loaded = clock.Elapsed;
    analysis.Add(columns);
    var scored = clock.Elapsed;
    var json = JsonSerializer.Serialize(analysis.Report(), RunWhatIf.Json);
    clock.Stop();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"run {run}: {Seconds(clock.Elapsed)} s (proposal and loading the columns {Seconds(loaded)} s, scoring both versions and tallying {Seconds(scored - loaded)} s, report {Seconds(clock.Elapsed - scored)} s), rows {columns.Population.Rows}, used {columns.Population.Used}, scored {analysis.Scored}, report {json.Length} chars, peak working set {PeakMb()} MB"));
}

return 0;
