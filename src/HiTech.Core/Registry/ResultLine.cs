namespace HiTech.Core.Registry;

/// <summary>One registry row's outcome as a finished CSV line (with its line end), for the results or the rejects file.</summary>
public readonly record struct ResultLine(long Line, string Text, bool Rejected);
