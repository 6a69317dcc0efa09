using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HiTech.Core.Registry;

namespace HiTech.Core.Collaboration;

/// <summary>One row of a department's providers list to import: the profile and what only the platform keeps.</summary>
public sealed record ProviderImportRow(ProviderProfile Profile, string? ServicesEn, string? ServicesMl, string? Website, bool ExpiryGiven);

/// <summary>
/// Reads a department's providers list for import (docs/collaboration-formats.md, "Importing a department list"): the
/// providers file's columns, read by <see cref="ProviderRows"/>, plus <c>services_en</c>, <c>services_ml</c> and
/// <c>website</c>; an empty <c>expires_on</c> becomes <paramref name="defaultExpiry"/> (a year after the import). Returning
/// professionals are refused: individuals register themselves, with their consent. Thread-safe.
/// </summary>
public sealed class ProviderImportRows(CollaborationData data, ColumnLayout layout, DateOnly defaultExpiry) : IRowHandler<RowResult<ProviderImportRow>>
{
    public static readonly string[] Extra = ["services_en", "services_ml", "website"];

    /// <summary>The longest name and services texts the platform stores.</summary>
    public const int MaxName = 200;

    public const int MaxServices = 4000;

    public const int MaxWebsite = 300;

    private const string ExpiresOn = "expires_on";

    private readonly ProviderRows _rows = new(data, layout);

    private readonly string _defaultExpiry = defaultExpiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ColumnLayout Layout { get; } = layout;

    /// <summary>The import's layout: what <see cref="ProviderRows"/> reads, and the extra columns as optional.</summary>
    public static ColumnLayout LayoutOf(IReadOnlyList<string> header) => ColumnLayout.From(header, ProviderRows.Required, [.. ProviderRows.Optional, .. Extra]);

    /// <summary>
    /// The platform's key for a provider of a department list: the <c>provider_id</c> itself when it is a GUID (a list
    /// exported from the platform), else one derived from it, so importing the same list again updates the same profiles.
    /// </summary>
    public static Guid KeyOf(string providerId)
    {
        if (Guid.TryParse(providerId, out var id))
        {
            return id;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("hitech-provider-import/" + providerId), hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // a version-8 (custom) UUID: never equal to a random one
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    public RowResult<ProviderImportRow> Row<TCells>(TCells cells, long line)
        where TCells : ICells, allows ref struct
    {
        var expiryAt = Layout[ExpiresOn];
        var expiryGiven = expiryAt >= 0 && expiryAt < cells.Count && !cells[expiryAt].Trim().IsEmpty;
        var read = _rows.Row(new DefaultedCells<TCells>(cells, expiryGiven ? -1 : expiryAt, _defaultExpiry), line);
        if (read.Value is not { } profile)
        {
            return new RowResult<ProviderImportRow>(line, read.Id, null, read.Problem);
        }

        var cell = new CellReader<TCells>(cells, Layout, data);
        try
        {
            if (profile.Kind == "professional")
            {
                throw new RowRefused(new ProfileProblem("kind", ProfileRule.ProfessionalNotImported, profile.Kind));
            }

            Limit("name", profile.Name, MaxName);
            var en = Optional(cell, "services_en", MaxServices);
            var ml = Optional(cell, "services_ml", MaxServices);
            Limit("services", profile.Services, MaxServices);
            var website = Optional(cell, "website", MaxWebsite);
            if (website is { Length: > 0 } && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
            {
                throw new RowRefused(new ProfileProblem("website", ProfileRule.NotAWebsite, Scoring.InputRules.Shorten(website)));
            }

            return new RowResult<ProviderImportRow>(line, profile.Id, new ProviderImportRow(profile, en, ml, website, expiryGiven), null);
        }
        catch (RowRefused refused)
        {
            return new RowResult<ProviderImportRow>(line, profile.Id, null, refused.Problem);
        }
    }

    public RowResult<ProviderImportRow> Reject(long line, string reason) => new(line, "", null, new ProfileProblem("", ProfileRule.Unreadable, reason));

    /// <summary>The column's text, or null when the file has no such column (so an update leaves the stored value alone).</summary>
    private string? Optional<TCells>(CellReader<TCells> cell, string column, int limit)
        where TCells : ICells, allows ref struct
    {
        if (Layout[column] < 0)
        {
            return null;
        }

        var text = cell.Raw(column).ToString();
        Limit(column, text, limit);
        return text;
    }

    private static void Limit(string column, string text, int limit)
    {
        if (text.Length > limit)
        {
            throw new RowRefused(new ProfileProblem(column, ProfileRule.TextTooLong, limit.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The row's cells, with one (an empty expires_on) read as a fallback value; -1 changes nothing.</summary>
    private readonly ref struct DefaultedCells<TCells>(TCells cells, int column, string fallback) : ICells
        where TCells : ICells, allows ref struct
    {
        private readonly TCells _cells = cells;

        public int Count => Math.Max(_cells.Count, column + 1);

        public ReadOnlySpan<char> this[int index] => index == column ? fallback : index < _cells.Count ? _cells[index] : default;
    }
}
