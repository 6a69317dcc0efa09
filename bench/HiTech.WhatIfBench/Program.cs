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
// A what-if over a registry file as a run of the web executes it once the run is claimed (Features/WhatIf/RunWhatIf):
// the form's change (hitech tier from 55 to 40) made into a proposal by Core's FrameworkEdit, the registry opened by
// Kernel/TableUpload and streamed through Core's RegistryPopulation under both versions, the report made and
// serialised as the run stores it. Reference data is loaded first, outside the timing, as a running node holds it.
// Prints one line per run: seconds, rows, used, rejected, peak working set.
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

for (var run = 1; run <= runs; run++)
{
    var clock = Stopwatch.StartNew();
    var edit = FrameworkEdit.Apply(yaml, "bench.yaml", "2099.bench", new Dictionary<string, string> { ["tiers.hitech.min_index"] = "40" }, classifier.SectorIds);
    var analysis = new WhatIfAnalysis(baseline, edit.Framework!, classifier, schemes, rules);
    RegistryPopulation population;
    using (var table = TableUpload.Open(registry, TableUpload.IsExcel(registry), Path.GetFileName(registry)))
    {
        population = RegistryPopulation.AddTo(analysis, table, 2025);
    }

    var read = clock.Elapsed.TotalSeconds;
    var json = JsonSerializer.Serialize(analysis.Report(), RunWhatIf.Json);
    clock.Stop();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"run {run}: {clock.Elapsed.TotalSeconds:0.00} s (reading and scoring {read:0.00} s, report {clock.Elapsed.TotalSeconds - read:0.00} s), rows {population.Rows}, used {population.Used}, rejected {population.Rejected}, report {json.Length} chars, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
}

return 0;
