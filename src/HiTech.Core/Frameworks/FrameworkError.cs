namespace HiTech.Core.Frameworks;

/// <summary>
/// One fault in a framework file: where it is, the rule it breaks (a stable kebab-case id that tests and
/// tools can match) and a sentence that says what to change.
/// </summary>
public sealed record FrameworkError(string File, int Line, int Column, string Rule, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Rule}: {Message}";
}
