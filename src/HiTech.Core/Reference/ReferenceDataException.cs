using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>
/// A reference data file breaks a rule. The message names the file, the line, the field and the rule,
/// so whoever edits the data can fix it without reading code.
/// </summary>
public sealed class ReferenceDataException : Exception
{
    private string _source = "";

    public ReferenceDataException()
        : this("Reference data is invalid.")
    {
    }

    public ReferenceDataException(string message)
        : base(message)
    {
    }

    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReferenceDataException(string source, int line, string field, string rule, Exception? innerException = null)
        : base(Describe(source, line, field, rule), innerException)
    {
        _source = source;
        Line = line;
        Field = field;
        Rule = rule;
    }

    /// <summary>The data file (or stream name) at fault.</summary>
    [AllowNull]
    public override string Source
    {
        get => _source;
        set => _source = value ?? "";
    }

    /// <summary>1-based line in <see cref="Source"/>; 0 when the problem is not tied to a line.</summary>
    public int Line { get; }

    public string Field { get; } = "";

    public string Rule { get; } = "";

    private static string Describe(string source, int line, string field, string rule) =>
        line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{source}, line {line}, field '{field}': {rule}")
            : string.Create(CultureInfo.InvariantCulture, $"{source}, field '{field}': {rule}");
}
