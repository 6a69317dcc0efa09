using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HiTech.Core.Registry;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// <c>--timings</c>: where a command's time goes, counted from the process start (so the runtime's own start-up
/// shows too), printed to stderr so the summary stays the last line on stdout. bench/score.sh reads the start-up line.
/// Each stage also says how many methods the JIT compiled in it (on any thread): what ReadyToRun could not
/// precompile, mostly framework generics over the app's value types, which is most of a cold start's cost.
/// </summary>
public sealed class StageTimings
{
    private readonly DateTime _processStart = StartOfProcess();
    private readonly List<(string Stage, TimeSpan At, long Jitted, TimeSpan JitTime)> _marks = [];
    private long _firstRowTicks;

    /// <summary>Marks the end of a stage that began where the previous one ended.</summary>
    public void Mark(string stage) => _marks.Add((stage, DateTime.UtcNow - _processStart, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime()));

    /// <summary>Wraps a row handler to note when the first row is done (on whichever worker it is).</summary>
    public IRowHandler<T> WatchFirstRow<T>(IRowHandler<T> handler) => new FirstRowWatch<T>(this, handler);

    /// <summary>The stages, then the start-up (process start to first row scored) and the total.</summary>
    public void Write(TextWriter error)
    {
        var previous = TimeSpan.Zero;
        var (previousJitted, previousJitTime) = (0L, TimeSpan.Zero);
        var firstRow = Interlocked.Read(ref _firstRowTicks);
        foreach (var (stage, at, jitted, jitTime) in _marks)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timings: {stage} {(at - previous).TotalSeconds:0.000} s ({jitted - previousJitted} methods compiled at run time in {(jitTime - previousJitTime).TotalSeconds:0.000} s)"));
            (previous, previousJitted, previousJitTime) = (at, jitted, jitTime);
        }

        if (firstRow != 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timings: start-up {TimeSpan.FromTicks(firstRow).TotalSeconds:0.000} s (process start to first row scored)"));
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timings: total {(DateTime.UtcNow - _processStart).TotalSeconds:0.000} s"));
    }

    private static DateTime StartOfProcess()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    private void FirstRowDone() => Interlocked.CompareExchange(ref _firstRowTicks, (DateTime.UtcNow - _processStart).Ticks, 0);

    private sealed class FirstRowWatch<T>(StageTimings timings, IRowHandler<T> inner) : IRowHandler<T>
    {
        private bool _seen;

        public T Row<TCells>(TCells cells, long line)
            where TCells : ICells, allows ref struct
        {
            var result = inner.Row(cells, line);
            if (!Volatile.Read(ref _seen))
            {
                Volatile.Write(ref _seen, true);
                timings.FirstRowDone();
            }

            return result;
        }

        public T Reject(long line, string reason) => inner.Reject(line, reason);
    }
}
