namespace HiTech.Core.Frameworks;

/// <summary>Whether an element was added, removed or changed between two framework definitions.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between two framework definitions. <see cref="Path"/> names the element the way the YAML
/// nests it (<c>pillars.rnd.indicators.patents.weight</c>); <see cref="Before"/> and <see cref="After"/> are
/// the values as text (null on the side where the element does not exist).
/// </summary>
public sealed record FrameworkChange(ChangeKind Kind, string Path, string? Before, string? After)
{
    /// <summary>The top-level section the change belongs to: <c>metadata</c>, <c>inputs</c>, <c>pillars</c>, ...</summary>
    public string Section
    {
        get
        {
            var dot = Path.IndexOf('.', StringComparison.Ordinal);
            var head = dot < 0 ? Path : Path[..dot];
            return head is "id" or "version" or "effective" or "title" or "description" ? "metadata" : head;
        }
    }

    public static string KindId(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    public override string ToString() => Kind switch
    {
        ChangeKind.Added => $"added    {Path}: {After}",
        ChangeKind.Removed => $"removed  {Path}: {Before}",
        _ => $"changed  {Path}: {Before} -> {After}",
    };
}
