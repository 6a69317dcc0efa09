using BenchmarkDotNet.Running;
using HiTech.Bench;

// `sep-read FILE`: the baseline of bench/score.sh, a plain single-threaded Sep read touching every field.
// Anything else runs the BenchmarkDotNet suites (pass BenchmarkDotNet arguments, e.g. --filter *).
if (args.Length == 2 && args[0] == "sep-read")
{
    return SepReadBaseline.Run(args[1]);
}

// `match-check PROVIDERS NEEDS MATCHES SAMPLE`: per-need CPU time and oracle agreement, for bench/match.sh.
if (args.Length == 5 && args[0] == "match-check")
{
    return MatchCheck.Run(args[1], args[2], args[3], int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length == 1 && args[0] == "startup")
{
    return StartupCost.Run();
}

if (args.Length == 2 && args[0] == "explain-stages")
{
    return ExplainStages.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length == 2 && args[0] == "plans")
{
    return PlanCost.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length == 2 && args[0] is "stages" or "profile")
{
    return ScanStages.Run(args[1], profileOnly: args[0] == "profile");
}

BenchmarkSwitcher.FromAssembly(typeof(ScoreOneEnterprise).Assembly).Run(args);
return 0;
