using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>
/// Scores a UTF-8 CSV on every core with the reading thread doing almost nothing: it reads the bytes in chunks cut
/// after a line feed outside quotes (so every chunk holds whole rows), counts the chunk's lines, and hands it on.
/// Every chunk starts with a copy of the file's header, so Sep reads it exactly as it reads the whole file (same
/// options, same line numbering). Each worker parses its chunk with its own Sep reader and handles the rows straight from Sep's buffers, with no
/// copy per row. Results come back in file order with the line each row starts on; at most a few chunks are in
/// flight, each reused, so memory stays flat however long the file is.
/// </summary>
public static class ChunkedRowScan
{
    /// <summary>Bytes read per chunk: thousands of rows, so handing a chunk over costs nothing per row.</summary>
    public const int DefaultChunkBytes = 1 << 20;

    /// <summary>Bytes asked of the stream at a time, so a failing disk loses at most this much of what was read.</summary>
    private const int ReadBytes = 1 << 16;

    private static int Workers => Math.Max(1, Environment.ProcessorCount);

    private static int InFlight => 2 * Workers + 2;

    /// <summary>Turns one row into its result, given the file line it starts on; called on worker threads, must not throw.</summary>
    public delegate T Handle<T>(SepReader.Row row, long line);

    /// <summary>
    /// Every row of <paramref name="stream"/> (positioned at the first data row, which is on <paramref name="firstLine"/>)
    /// as its result, in file order; <paramref name="header"/> is the file's header row as bytes, with its line end. If reading fails part-way, the whole rows read before the failure are still
    /// returned, then the reading exception is thrown.
    /// </summary>
    public static IEnumerable<(long Line, T Result)> Run<T>(Stream stream, byte[] header, long firstLine, Handle<T> handle, int chunkBytes = DefaultChunkBytes)
    {
        // Sep numbers the first row after a header from the header's own lines; the chunk's rows move on from there.
        var firstRowInChunk = LinesIn(header) + 1;
        using var queue = new BlockingCollection<Chunk<T>>(InFlight);
        var workers = Enumerable.Range(0, Workers)
            .Select(_ => Task.Factory.StartNew(() => Work(queue, handle, firstRowInChunk), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var pending = new Queue<Chunk<T>>();
        var spare = new Stack<Chunk<T>>();
        var carry = new Carry();
        var line = firstLine;
        ExceptionDispatchInfo? failure = null;
        try
        {
            while (true)
            {
                var chunk = spare.Count > 0 ? spare.Pop() : new Chunk<T>();
                chunk.Reset(line);
                failure = Fill(stream, header, chunk, carry, chunkBytes);
                if (chunk.Length <= header.Length)
                {
                    break;
                }

                line += LinesIn(chunk.Bytes.AsSpan(header.Length, chunk.Length - header.Length));
                pending.Enqueue(chunk);
                queue.Add(chunk);
                while (pending.Count >= InFlight - 1)
                {
                    var done = pending.Dequeue();
                    foreach (var result in Finished(done))
                    {
                        yield return result;
                    }

                    spare.Push(done);
                }

                if (failure is not null || chunk.Last)
                {
                    break;
                }
            }

            while (pending.Count > 0)
            {
                foreach (var result in Finished(pending.Dequeue()))
                {
                    yield return result;
                }
            }
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(workers);
        }

        failure?.Throw();
    }

    /// <summary>Where the first row ends: just after the first line feed outside quotes, or -1 if there is none.</summary>
    public static int FirstRowEnd(ReadOnlySpan<byte> bytes)
    {
        var quoted = false;
        for (var at = 0; at < bytes.Length;)
        {
            var next = bytes[at..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return -1;
            }

            at += next + 1;
            if (bytes[at - 1] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// Lines as Sep numbers them: a line ends at "\r\n", "\n" or a lone "\r", inside quotes too (a field spanning lines
    /// moves the next row's line on).
    /// </summary>
    public static long LinesIn(ReadOnlySpan<byte> bytes) =>
        bytes.Count((byte)'\n') + bytes.Count((byte)'\r') - bytes.Count("\r\n"u8);

    /// <summary>Where the last row ends: just after the last line feed outside quotes, or -1 if there is none.</summary>
    private static int LastRowEnd(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)'"') < 0)
        {
            var lastFeed = bytes.LastIndexOf((byte)'\n');
            return lastFeed < 0 ? -1 : lastFeed + 1;
        }

        var quoted = false;
        var last = -1;
        for (var at = 0; at < bytes.Length;)
        {
            var next = bytes[at..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                break;
            }

            at += next + 1;
            if (bytes[at - 1] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                last = at;
            }
        }

        return last;
    }

    /// <summary>
    /// Fills the chunk with the header, the carried-over bytes and then whole rows, up to the last row end; what follows is
    /// carried to the next chunk. A row longer than the chunk grows it. A reading failure is returned, not thrown,
    /// and the chunk keeps the whole rows read before it.
    /// </summary>
    private static ExceptionDispatchInfo? Fill(Stream stream, byte[] header, Chunk chunk, Carry carry, int chunkBytes)
    {
        chunk.Ensure(header.Length + carry.Length + chunkBytes);
        header.CopyTo(chunk.Bytes, 0);
        carry.Bytes.AsSpan(0, carry.Length).CopyTo(chunk.Bytes.AsSpan(header.Length));
        var filled = header.Length + carry.Length;
        try
        {
            while (true)
            {
                // Read by hand, not ReadAtLeast, so that what was read before a failure is counted.
                var atEnd = false;
                while (filled < chunk.Bytes.Length && !atEnd)
                {
                    var read = stream.Read(chunk.Bytes.AsSpan(filled, Math.Min(chunk.Bytes.Length - filled, ReadBytes)));
                    filled += read;
                    atEnd = read == 0;
                }

                if (atEnd)
                {
                    chunk.Length = filled;
                    chunk.Last = true;
                    carry.Length = 0;
                    return null;
                }

                var end = RowsEnd(chunk, header.Length, filled);
                if (end > 0)
                {
                    chunk.Length = end;
                    carry.Keep(chunk.Bytes.AsSpan(end, filled - end));
                    return null;
                }

                // One row fills the whole chunk: make room for the rest of it.
                chunk.Ensure(2 * chunk.Bytes.Length, filled);
            }
        }
        catch (Exception e)
        {
            var end = RowsEnd(chunk, header.Length, filled);
            chunk.Length = Math.Max(end, header.Length);
            carry.Length = 0;
            return ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Where the chunk's last whole row ends, looking after the header only; -1 if no row has ended.</summary>
    private static int RowsEnd(Chunk chunk, int rowsStart, int filled)
    {
        var end = LastRowEnd(chunk.Bytes.AsSpan(rowsStart, filled - rowsStart));
        return end < 0 ? -1 : rowsStart + end;
    }

    private static IEnumerable<(long Line, T Result)> Finished<T>(Chunk<T> chunk)
    {
        chunk.Done.Wait();
        for (var r = 0; r < chunk.Count; r++)
        {
            yield return (chunk.Lines[r], chunk.Output[r]);
        }

        chunk.Failure?.Throw();
    }

    private static void Work<T>(BlockingCollection<Chunk<T>> queue, Handle<T> handle, long firstRowInChunk)
    {
        var options = CsvRegistry.Options;
        foreach (var chunk in queue.GetConsumingEnumerable())
        {
            try
            {
                // Read as the whole file is (CsvRegistry): the chunk starts with the file's header, byte-order mark and all.
                using var reader = options.From(new MemoryStream(chunk.Bytes, 0, chunk.Length, writable: false));
                var lineOffset = chunk.FirstLine - firstRowInChunk;
                foreach (var row in reader)
                {
                    var line = row.LineNumberFrom + lineOffset;
                    chunk.Add(line, handle(row, line));
                }
            }
            catch (Exception e)
            {
                chunk.Failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                chunk.Done.Set();
            }
        }
    }

    /// <summary>The bytes after the last whole row of a chunk, waiting for the next.</summary>
    private sealed class Carry
    {
        public byte[] Bytes { get; private set; } = new byte[4096];

        public int Length { get; set; }

        public void Keep(ReadOnlySpan<byte> tail)
        {
            if (tail.Length > Bytes.Length)
            {
                Bytes = new byte[tail.Length];
            }

            tail.CopyTo(Bytes);
            Length = tail.Length;
        }
    }

    /// <summary>Whole rows as bytes, and after a worker is done with them, a result per row.</summary>
    private class Chunk
    {
        public byte[] Bytes { get; private set; } = [];

        /// <summary>Bytes holding whole rows (the rest of <see cref="Bytes"/> went to the next chunk).</summary>
        public int Length { get; set; }

        /// <summary>True for the file's last chunk.</summary>
        public bool Last { get; set; }

        public long FirstLine { get; private set; }

        public ManualResetEventSlim Done { get; } = new(false);

        public ExceptionDispatchInfo? Failure { get; set; }

        public void Ensure(int capacity, int keep = 0)
        {
            if (Bytes.Length < capacity)
            {
                var bigger = new byte[capacity];
                Bytes.AsSpan(0, keep).CopyTo(bigger);
                Bytes = bigger;
            }
        }

        public virtual void Reset(long firstLine)
        {
            FirstLine = firstLine;
            Length = 0;
            Last = false;
            Failure = null;
            Done.Reset();
        }
    }

    /// <summary>A chunk with its results, reused; results are cleared rather than reallocated.</summary>
    private sealed class Chunk<T> : Chunk
    {
        public T[] Output { get; private set; } = new T[1024];

        public long[] Lines { get; private set; } = new long[1024];

        public int Count { get; private set; }

        public void Add(long line, T result)
        {
            if (Count == Output.Length)
            {
                var output = Output;
                var lines = Lines;
                Array.Resize(ref output, Count * 2);
                Array.Resize(ref lines, Count * 2);
                Output = output;
                Lines = lines;
            }

            Output[Count] = result;
            Lines[Count] = line;
            Count++;
        }

        public override void Reset(long firstLine)
        {
            base.Reset(firstLine);
            Array.Clear(Output, 0, Count);
            Count = 0;
        }
    }
}
