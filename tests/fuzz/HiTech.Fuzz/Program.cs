using HiTech.Fuzz;
using SharpFuzz;

// HiTech.Fuzz TARGET            run under afl-fuzz (tests/fuzz/run.sh): reads each input AFL gives on stdin.
// HiTech.Fuzz TARGET FILE...    replays files, printing what escapes: how to reproduce a crash AFL saved
//                               (from an uninstrumented build: dotnet run --project tests/fuzz/HiTech.Fuzz -- TARGET FILE).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: HiTech.Fuzz TARGET [FILE...]");
    foreach (var t in FuzzTargets.All)
    {
        Console.WriteLine($"  {t.Name,-18} {t.Reads}");
    }

    return args.Length == 0 ? 2 : 0;
}

FuzzTarget target;
try
{
    target = FuzzTargets.Find(args[0]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (args.Length == 1)
{
    // Out of process: a stack overflow kills the child process SharpFuzz runs the inputs in, and AFL sees a crash.
    // Nothing instrumented may run before this call (its coverage map does not exist yet), so the shipped data
    // loads with the first input.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}

var failed = 0;
foreach (var file in args.Skip(1))
{
    try
    {
        target.Run(File.ReadAllBytes(file));
        Console.WriteLine($"ok      {file}");
    }
#pragma warning disable CA1031 // Replay reports whatever escapes, whatever it is.
    catch (Exception e)
#pragma warning restore CA1031
    {
        failed++;
        Console.WriteLine($"CRASH   {file}");
        Console.WriteLine(e);
    }
}

return failed == 0 ? 0 : 1;
