namespace HiTech.Web.Features.OpenData;

/// <summary>A download: its name, type and bytes.</summary>
public sealed record OpenDataFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// One published table (or the data dictionary, or all of them zipped) in a format: CSV, Excel or JSON. An unknown
/// table is not found (the answer lists the tables); an unknown format is refused naming the formats.
/// </summary>
public sealed class GetOpenDataFile(GetOpenData openData, IStringLocalizer<OpenDataText> l)
{
    /// <summary>The id under which every table comes as CSV in one zip, with the dictionary and a README.</summary>
    public const string AllId = "all";

    public async Task<Outcome<OpenDataFile>> ExecuteAsync(string table, string? format, string? year, CancellationToken cancellationToken)
    {
        var id = table.Trim().ToLowerInvariant();
        var known = PublishedTables.All.Append(OpenDataFiles.DictionaryId).Append(AllId).ToList();
        if (!known.Contains(id, StringComparer.Ordinal))
        {
            return Outcome.NotFound<OpenDataFile>(l["There is no published table “{0}”. The tables are: {1}.", table, string.Join(", ", known)]);
        }

        var kind = string.IsNullOrWhiteSpace(format) ? (id == AllId ? "zip" : OpenDataFiles.Csv) : format.Trim().ToLowerInvariant();
        var allowed = id == AllId ? ["zip"] : OpenDataFiles.Formats;
        if (!allowed.Contains(kind, StringComparer.Ordinal))
        {
            return Outcome.Invalid<OpenDataFile>("format", l["“{0}” is not a format of this download. Choose one of: {1}.", format!, string.Join(", ", allowed)]);
        }

        var outcome = await openData.ExecuteAsync(year, cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.As<OpenDataFile>();
        }

        var data = outcome.Value!;
        var content = id switch
        {
            AllId => OpenDataFiles.WriteZip(data),
            OpenDataFiles.DictionaryId => OpenDataFiles.WriteDictionary(data, kind),
            _ => OpenDataFiles.Write(data, data.Table(id)!, kind),
        };
        return Outcome.Ok(new OpenDataFile(OpenDataFiles.FileName(data, id, kind), OpenDataFiles.ContentType(kind), content));
    }
}
