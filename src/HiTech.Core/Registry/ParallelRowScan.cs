using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace HiTech.Core.Registry;

/// <summary>
/// Reads CSV rows on the calling thread, copies them in batches to worker threads that turn each row into a
/// result, and hands the results back in file order with the line each row starts on. Used instead of Sep's
/// ParallelEnumerate (which also misnumbers some rows' lines): that one rents an array of results from the shared pool per batch, and arrays holding
/// strings made the garbage collector a quarter of the run. Here each batch owns its buffers and is reused, and at
/// most <see cref="InFlight"/> batches exist, so memory stays flat however long the file is.
/// </summary>
public static class ParallelRowScan
{
    /// <summary>Rows per batch: enough to amortise the hand-over, few enough to keep every core busy to the end.</summary>
    private const int RowsPerBatch = 1024;

    /// <summary>Characters per batch before it is sent even if it has fewer rows (one huge field makes a batch of its own).</summary>
    private const int CharsPerBatch = 1 << 18;

    private static int Workers => Math.Max(1, Environment.ProcessorCount);

    private static int InFlight => 2 * Workers + 2;

    /// <summary>
    /// What the main thread learns of a row before handing it over: its first line, and why it cannot be read at all
    /// (null when it can). Called before any column is read.
    /// </summary>
    public delegate (long Line, string? Unreadable) Inspect(SepReader.Row row);

    /// <summary>Turns one copied row into its result; called on worker threads, must not throw.</summary>
    public delegate T Handle<T>(BatchCells cells, long line, string? unreadable);

    /// <summary>
    /// Turns every row of <paramref name="reader"/> into a result, in file order. If reading fails part-way, the rows
    /// read before the failure are still returned, then the reading exception is thrown.
    /// </summary>
    public static IEnumerable<(long Line, T Result)> Run<T>(SepReader reader, Inspect inspect, Handle<T> handle)
    {
        using var queue = new BlockingCollection<RowBatch<T>>(InFlight);
        var workers = Enumerable.Range(0, Workers)
            .Select(_ => Task.Factory.StartNew(() => Work(queue, handle), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var pending = new Queue<RowBatch<T>>();
        var spare = new Stack<RowBatch<T>>();
        ExceptionDispatchInfo? failure = null;
        try
        {
            while (true)
            {
                var batch = spare.Count > 0 ? spare.Pop() : new RowBatch<T>();
                batch.Reset();
                failure = Fill(reader, inspect, batch);
                if (batch.Count == 0)
                {
                    break;
                }

                pending.Enqueue(batch);
                queue.Add(batch);
                while (pending.Count >= InFlight - 1)
                {
                    var done = pending.Dequeue();
                    foreach (var line in Finished(done))
                    {
                        yield return line;
                    }

                    spare.Push(done);
                }

                if (failure is not null || batch.Count < RowsPerBatch && batch.Length < CharsPerBatch)
                {
                    break;
                }
            }

            while (pending.Count > 0)
            {
                foreach (var line in Finished(pending.Dequeue()))
                {
                    yield return line;
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

    private static IEnumerable<(long Line, T Result)> Finished<T>(RowBatch<T> batch)
    {
        batch.Done.Wait();
        batch.Failure?.Throw();
        for (var r = 0; r < batch.Count; r++)
        {
            yield return (batch.Lines[r], batch.Output[r]);
        }
    }

    /// <summary>Copies rows into the batch until it is full or the file ends; a reading failure is returned, not thrown.</summary>
    private static ExceptionDispatchInfo? Fill(SepReader reader, Inspect inspect, RowBatch batch)
    {
        try
        {
            while (batch.Count < RowsPerBatch && batch.Length < CharsPerBatch && reader.MoveNext())
            {
                var row = reader.Current;
                var (line, unreadable) = inspect(row);
                batch.Add(row, line, unreadable);
            }

            return null;
        }
        catch (Exception e)
        {
            return ExceptionDispatchInfo.Capture(e);
        }
    }

    private static void Work<T>(BlockingCollection<RowBatch<T>> queue, Handle<T> handle)
    {
        foreach (var batch in queue.GetConsumingEnumerable())
        {
            try
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    batch.Output[r] = handle(new BatchCells(batch, r), batch.Lines[r], batch.Unreadable[r]);
                }
            }
            catch (Exception e)
            {
                batch.Failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                batch.Done.Set();
            }
        }
    }

    /// <summary>Rows copied out of Sep's buffers: their cells' text back to back, with where each cell starts and ends.</summary>
    public class RowBatch
    {
        private char[] _text = new char[CharsPerBatch + 4096];
        private int[] _cellStarts = new int[RowsPerBatch * 16];
        private int[] _cellEnds = new int[RowsPerBatch * 16];
        private int _cells;

        public int Count { get; private set; }

        /// <summary>Characters copied so far.</summary>
        public int Length { get; private set; }

        public long[] Lines { get; } = new long[RowsPerBatch];

        public string?[] Unreadable { get; } = new string?[RowsPerBatch];

        internal int[] FirstCell { get; } = new int[RowsPerBatch + 1];

        internal ManualResetEventSlim Done { get; } = new(false);

        internal ExceptionDispatchInfo? Failure { get; set; }

        internal ReadOnlySpan<char> Cell(int row, int index)
        {
            var cell = FirstCell[row] + index;
            return _text.AsSpan(_cellStarts[cell], _cellEnds[cell] - _cellStarts[cell]);
        }

        internal int CellCount(int row) => FirstCell[row + 1] - FirstCell[row];

        internal virtual void Reset()
        {
            Count = 0;
            Length = 0;
            _cells = 0;
            Failure = null;
            Done.Reset();
            Array.Clear(Unreadable);
        }

        internal void Add(SepReader.Row row, long line, string? unreadable)
        {
            var columns = row.ColCount;
            if (_cells + columns > _cellStarts.Length)
            {
                Array.Resize(ref _cellStarts, Math.Max(_cellStarts.Length * 2, _cells + columns));
                Array.Resize(ref _cellEnds, _cellStarts.Length);
            }

            FirstCell[Count] = _cells;
            if (!TryAddWhole(row, columns))
            {
                AddCellByCell(row, columns);
            }

            Lines[Count] = line;
            Unreadable[Count] = unreadable;
            Count++;
            FirstCell[Count] = _cells;
        }

        /// <summary>
        /// Copies the row's text in one go and notes where each cell lies in it: Sep unescapes quoted cells in place,
        /// so every cell is a slice of the row. One copy a row instead of one a cell, on the reading thread that
        /// every worker waits for. False, with nothing copied, if a cell lies outside the row.
        /// </summary>
        private bool TryAddWhole(SepReader.Row row, int columns)
        {
            var whole = row.Span;
            ref var start = ref MemoryMarshal.GetReference(whole);
            for (var i = 0; i < columns; i++)
            {
                var cell = row[i].Span;
                var offset = Unsafe.ByteOffset(ref start, ref MemoryMarshal.GetReference(cell)) / sizeof(char);
                if (offset < 0 || offset + cell.Length > whole.Length)
                {
                    return false;
                }

                _cellStarts[_cells + i] = Length + (int)offset;
                _cellEnds[_cells + i] = Length + (int)offset + cell.Length;
            }

            if (Length + whole.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, Length + whole.Length));
            }

            whole.CopyTo(_text.AsSpan(Length));
            Length += whole.Length;
            _cells += columns;
            return true;
        }

        private void AddCellByCell(SepReader.Row row, int columns)
        {
            for (var i = 0; i < columns; i++)
            {
                var span = row[i].Span;
                if (Length + span.Length > _text.Length)
                {
                    Array.Resize(ref _text, Math.Max(_text.Length * 2, Length + span.Length));
                }

                span.CopyTo(_text.AsSpan(Length));
                _cellStarts[_cells] = Length;
                Length += span.Length;
                _cellEnds[_cells] = Length;
                _cells++;
            }
        }
    }

    /// <summary>A batch with a result per row; reused, so results are cleared rather than reallocated.</summary>
    public sealed class RowBatch<T> : RowBatch
    {
        public T[] Output { get; } = new T[RowsPerBatch];

        internal override void Reset()
        {
            base.Reset();
            Array.Clear(Output);
        }
    }

    /// <summary>One copied row as cells for the registry parser.</summary>
    public readonly ref struct BatchCells(RowBatch batch, int row) : ICells
    {
        private readonly RowBatch _batch = batch;
        private readonly int _row = row;

        public int Count => _batch.CellCount(_row);

        public ReadOnlySpan<char> this[int index] => _batch.Cell(_row, index);
    }
}
