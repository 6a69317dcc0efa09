using System.Collections.Immutable;
using System.Globalization;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Core.Collaboration;

/// <summary>
/// Reads typed fields out of one providers or needs row; the first field that breaks a rule stops the row with a
/// <see cref="ProfileProblem"/> (thrown inside, caught by the row reader, so parsing code reads straight down).
/// </summary>
internal ref struct CellReader<TCells>(TCells cells, ColumnLayout layout, CollaborationData data)
    where TCells : ICells, allows ref struct
{
    private readonly TCells _cells = cells;

    public readonly ReadOnlySpan<char> Raw(string column)
    {
        var at = layout[column];
        return at >= 0 && at < _cells.Count ? _cells[at].Trim() : default;
    }

    public readonly string Id(string column)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            throw new RowRefused(new ProfileProblem(column, ProfileRule.Required));
        }

        if (text.Length > RegistryRowParser.MaxIdLength)
        {
            throw new RowRefused(new ProfileProblem(column, ProfileRule.TooLong, InputRules.Shorten(text)));
        }

        return text.ToString();
    }

    public readonly string Text(string column, bool required)
    {
        var text = Raw(column);
        return text.IsEmpty && required ? throw new RowRefused(new ProfileProblem(column, ProfileRule.Required)) : text.ToString();
    }

    public readonly string Term(string column, Vocabulary vocabulary, ProfileRule unknown)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            throw new RowRefused(new ProfileProblem(column, ProfileRule.Required));
        }

        var index = vocabulary.IndexOf(text);
        return index >= 0 ? vocabulary.Terms[index].Id : throw new RowRefused(new ProfileProblem(column, unknown, InputRules.Shorten(text)));
    }

    public readonly string? OptionalTerm(string column, Vocabulary vocabulary, ProfileRule unknown) =>
        Raw(column).IsEmpty ? null : Term(column, vocabulary, unknown);

    public readonly ImmutableArray<string> Terms(string column, Vocabulary vocabulary, ProfileRule unknown) =>
        List(column, item => vocabulary.IndexOf(item) is var i and >= 0 ? vocabulary.Terms[i].Id : throw new RowRefused(new ProfileProblem(column, unknown, InputRules.Shorten(item))));

    public readonly ImmutableArray<string> NicCodes(string column)
    {
        var nic = data.Nic;
        return List(column, item => NicCode(column, item, nic));
    }

    public readonly string NicCode(string column)
    {
        var text = Raw(column);
        return text.IsEmpty ? throw new RowRefused(new ProfileProblem(column, ProfileRule.Required)) : NicCode(column, text, data.Nic);
    }

    public readonly ImmutableArray<string> Languages(string column) =>
        List(column, item => item.Length is 2 or 3 && item.All(char.IsAsciiLetter) ? item.ToLowerInvariant() : throw new RowRefused(new ProfileProblem(column, ProfileRule.NotALanguage, InputRules.Shorten(item))));

    /// <summary>A district id; <c>outside-kerala</c> (when allowed) and empty (when optional) are null.</summary>
    public readonly string? District(string column, bool required, bool allowOutside)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            return required ? throw new RowRefused(new ProfileProblem(column, ProfileRule.Required)) : null;
        }

        if (allowOutside && text.Equals(OutsideKerala, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return data.Districts.TryResolve(text, out var district) ? district.Id : throw new RowRefused(new ProfileProblem(column, ProfileRule.UnknownDistrict, InputRules.Shorten(text)));
    }

    public readonly bool Boolean(string column, bool fallback)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            return fallback;
        }

        return InputRules.TryParseBoolean(text, out var value) ? value : throw new RowRefused(new ProfileProblem(column, ProfileRule.NotBoolean, InputRules.Shorten(text)));
    }

    public readonly DateOnly? Date(string column, bool required)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            return required ? throw new RowRefused(new ProfileProblem(column, ProfileRule.Required)) : null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RowRefused(new ProfileProblem(column, ProfileRule.NotADate, InputRules.Shorten(text)));
    }

    /// <summary>A number of days, 0 or more; empty is unknown.</summary>
    public readonly double? Days(string column)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            return null;
        }

        return FastNumber.TryParse(text, out var value) && double.IsFinite(value) && value >= 0 && value <= 3650
            ? value
            : throw new RowRefused(new ProfileProblem(column, ProfileRule.NotANumber, InputRules.Shorten(text)));
    }

    public const string OutsideKerala = "outside-kerala";

    private static string NicCode(string column, ReadOnlySpan<char> text, Reference.NicCatalog nic)
    {
        if (text.Length is < 2 or > 5 || text.ContainsAnyExceptInRange('0', '9'))
        {
            throw new RowRefused(new ProfileProblem(column, ProfileRule.NotANicCode, InputRules.Shorten(text)));
        }

        return nic.TryGet(text, out var entry) ? entry.Code : throw new RowRefused(new ProfileProblem(column, ProfileRule.UnknownNicCode, text.ToString()));
    }

    private readonly ImmutableArray<string> List(string column, Func<string, string> item)
    {
        var text = Raw(column);
        if (text.IsEmpty)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var range in text.Split(';'))
        {
            var part = text[range].Trim();
            if (!part.IsEmpty)
            {
                var value = item(part.ToString());
                if (!items.Contains(value))
                {
                    items.Add(value);
                }
            }
        }

        return items.ToImmutable();
    }
}

/// <summary>Stops reading a row: the problem is its reject.</summary>
internal sealed class RowRefused(ProfileProblem problem) : Exception
{
    public ProfileProblem Problem { get; } = problem;
}
