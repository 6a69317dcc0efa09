namespace HiTech.Core.Frameworks;

/// <summary>A place in a definition file: 1-based line and column.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition None = new(0, 0);

    public override string ToString() => $"{Line}:{Column}";
}
