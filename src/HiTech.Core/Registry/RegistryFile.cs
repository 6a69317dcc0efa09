using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;

namespace HiTech.Core.Registry;

/// <summary>
/// An open registry with its header read: the one pipeline behind <c>hitech score</c>, <c>simulate</c> and every
/// other consumer of registry rows. <see cref="Read"/> turns every data row into exactly one result of an
/// <see cref="IRowHandler{T}"/>, in file order: a row that cannot be read or whose handling throws becomes a reject,
/// and a reading failure part-way becomes one last reject and sets <see cref="Aborted"/>. CSV is <see cref="CsvRegistry"/>;
/// other formats (Excel) subclass this at the edge.
/// </summary>
public abstract class RegistryFile(string shownAs) : IDisposable
{
    /// <summary>The file as the user named it, for messages.</summary>
    public string ShownAs { get; } = shownAs;

    public IReadOnlyList<string> Header { get; protected set; } = [];

    /// <summary>What to count progress to (bytes for CSV), or 0 when unknown.</summary>
    public virtual long Length => 0;

    /// <summary>How far reading has got, in the unit of <see cref="Length"/>.</summary>
    public virtual long Position => 0;

    /// <summary>Set when the file could not be read to its end: the message says where and why.</summary>
    public string? Aborted { get; private set; }

    /// <summary>Why the header is unusable whatever the framework (a repeated column name), or null.</summary>
    protected string? HeaderProblem { get; set; }

    /// <summary>Checks the header under the given frameworks; without a scan, the problems as lines to show.</summary>
    public (RegistryScan? Scan, IReadOnlyList<string> Problems) Prepare(ActivityClassifier classifier, params CompiledFramework[] frameworks)
    {
        var (scan, errors) = RegistryScan.Prepare(Header, classifier, frameworks);
        if (scan is null)
        {
            return (null, [$"{ShownAs}: line 1 (header): the file cannot be scored:", .. errors.Select(e => "  " + e)]);
        }

        if (HeaderProblem is not null)
        {
            scan.Dispose();
            return (null, [$"{ShownAs}: line 1 (header): {HeaderProblem}"]);
        }

        return (scan, []);
    }

    /// <summary>Every data row's result, in file order.</summary>
    public IEnumerable<T> Read<T>(IRowHandler<T> handler)
    {
        using var rows = Rows(handler).GetEnumerator();
        long lastLine = 1;
        var failed = false;
        while (!failed)
        {
            T next;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                (lastLine, next) = rows.Current;
            }
            catch (Exception e)
            {
                Aborted = string.Create(CultureInfo.InvariantCulture, $"{ShownAs}: reading stopped after line {lastLine}: {e.Message}");
                next = handler.Reject(lastLine + 1, "the file could not be read from here on: " + e.Message);
                failed = true;
            }

            yield return next;
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Every data row's line and result; reading failures are thrown, after the rows read before them.</summary>
    protected abstract IEnumerable<(long Line, T Result)> Rows<T>(IRowHandler<T> handler);

    /// <summary>The handler's result for a readable row, or a reject if handling it throws.</summary>
    protected static T Handle<T, TCells>(IRowHandler<T> handler, TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        try
        {
            return handler.Row(cells, line);
        }
        catch (Exception e)
        {
            return handler.Reject(line, "the row could not be read: " + e.Message);
        }
    }
}
