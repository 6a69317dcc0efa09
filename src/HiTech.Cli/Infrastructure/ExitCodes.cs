namespace HiTech.Cli.Infrastructure;

/// <summary>What <c>hitech</c> tells the shell.</summary>
public static class ExitCodes
{
    /// <summary>Done, nothing refused.</summary>
    public const int Ok = 0;

    /// <summary>Done, but some registry rows were rejected (see the rejects file).</summary>
    public const int RowsRejected = 1;

    /// <summary>Bad usage or an invalid input file: nothing useful was produced.</summary>
    public const int Invalid = 2;
}
