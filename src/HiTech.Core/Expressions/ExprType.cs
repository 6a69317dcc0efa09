using System.Collections.Immutable;

namespace HiTech.Core.Expressions;

public enum TypeKind
{
    Number,
    Boolean,

    /// <summary>One value out of a named domain (e.g. an OECD group), held as the value's index.</summary>
    Enum,

    /// <summary>Any number of values out of a domain (e.g. certifications), held as a bit set.</summary>
    CodeSet,

    /// <summary>A quoted literal, typed by where it is used.</summary>
    Text,

    /// <summary>A bracketed literal list.</summary>
    List,
}

/// <summary>
/// The allowed values of an enum or code list. At most 64 values, so a code set fits one <see cref="ulong"/>.
/// <see cref="Ordered"/> domains (listed lowest first) may be compared with &lt; and &gt;.
/// </summary>
public sealed record Domain(string Id, ImmutableArray<string> Values, bool Ordered)
{
    public const int MaxValues = 64;

    public int IndexOf(string value) => Values.IndexOf(value, StringComparer.Ordinal);
}

public sealed record ExprType(TypeKind Kind, Domain? Domain = null)
{
    public static readonly ExprType Number = new(TypeKind.Number);
    public static readonly ExprType Boolean = new(TypeKind.Boolean);
    public static readonly ExprType Text = new(TypeKind.Text);
    public static readonly ExprType List = new(TypeKind.List);

    public override string ToString() => Kind switch
    {
        TypeKind.Enum => $"one of {Domain!.Id}",
        TypeKind.CodeSet => $"a list of {Domain!.Id}",
        TypeKind.Text => "a quoted value",
        TypeKind.List => "a list",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
