namespace HiTech.Core.Registry;

/// <summary>
/// What a registry consumer makes of each row (a results line, a scored row, an indicator tally...), given to
/// <see cref="RegistryFile.Read"/>. Both methods run on worker threads, so they must only touch per-thread state.
/// </summary>
public interface IRowHandler<out T>
{
    /// <summary>The result of a row split into the header's columns; throwing rejects the row with the message.</summary>
    T Row<TCells>(TCells cells, long line)
        where TCells : ICells, allows ref struct;

    /// <summary>The result of a row that cannot be read, or of the rest of a file that cannot be read.</summary>
    T Reject(long line, string reason);
}
