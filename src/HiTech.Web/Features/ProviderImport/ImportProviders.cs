using HiTech.Core.Collaboration;
using HiTech.Core.Reference;
using HiTech.Core.Registry;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>One row refused: the line of the file, the id given, the column and why, in the user's language.</summary>
public sealed record ImportReject(long Line, string Id, string Field, string Reason);

/// <summary>What an import did: every row read is imported (new), updated or rejected; <see cref="Id"/> names its rejects file.</summary>
public sealed record ImportSummary(Guid Id, int Read, int Imported, int Updated, IReadOnlyList<ImportReject> Rejects, IReadOnlyList<string> IgnoredColumns)
{
    public int Rejected => Rejects.Count;
}

/// <summary>
/// Imports a department's list of providers (CSV or Excel, docs/collaboration-formats.md), for partnerships officers
/// and admins. The file is told apart by content (an .xlsx is a zip, a CSV is UTF-8 text), never by name, within
/// Uploads:MaxBytes. Each row is read by Core's <see cref="ProviderImportRows"/>; a provider is found by its key
/// (<see cref="ProviderImportRows.KeyOf"/>), so importing the same list again updates instead of adding. Imported
/// profiles are verified by the importing officer (unless the row says verified=false: then they wait for verification)
/// and expire on the file's date or a year from today. All rows are saved in one transaction, each with its audit
/// entry; rows read = imported + updated + rejected.
/// </summary>
public sealed class ImportProviders(
    AppDbContext db,
    FrameworkStore frameworks,
    ReferenceData reference,
    ImportFiles files,
    ImportWords words,
    AuditLog audit,
    MatchingIndex index,
    TimeProvider clock)
{
    public async Task<Outcome<ImportSummary>> ExecuteAsync(CurrentUser user, Stream? content, CancellationToken cancellationToken)
    {
        if (!user.IsPartnershipsOfficer)
        {
            return Outcome.Forbidden<ImportSummary>(words.OnlyOfficers);
        }

        if (content is null)
        {
            return Outcome.Invalid<ImportSummary>(ImportFiles.Field, words.ChooseFile);
        }

        await using var upload = await files.KeepAsync(content, cancellationToken);
        if (upload.Refusal is { } refusal)
        {
            return Outcome.Invalid<ImportSummary>(ImportFiles.Field, words.Refusal(refusal, files.MaxBytes));
        }

        var framework = await frameworks.ActiveAsync(cancellationToken);
        var data = CollaborationData.Load(Path.Combine(AppContext.BaseDirectory, "reference-data"), reference, framework);
        RegistryFile table;
        try
        {
            table = upload.Open();
        }
        catch (InvalidDataException)
        {
            return Outcome.Invalid<ImportSummary>(ImportFiles.Field, words.Unreadable(upload.IsExcel));
        }

        using (table)
        {
            var layout = ProviderImportRows.LayoutOf(table.Header);
            if (!layout.IsUsable)
            {
                return Outcome.Invalid<ImportSummary>(ImportFiles.Field, words.Header(layout));
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var rows = new ProviderImportRows(data, layout, today.AddMonths(12));
            return Outcome.Ok(await SaveAsync(user, table.Read(rows), layout, data, today, cancellationToken));
        }
    }

    private async Task<ImportSummary> SaveAsync(CurrentUser user, IEnumerable<RowResult<ProviderImportRow>> results, ColumnLayout layout, CollaborationData data, DateOnly today, CancellationToken cancellationToken)
    {
        var read = new List<RowResult<ProviderImportRow>>(results);
        var keys = read.Where(r => r.Value is not null).Select(r => ProviderImportRows.KeyOf(r.Id)).Distinct().ToList();
        var existing = new Dictionary<Guid, Provider>();
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var provider in await db.Providers.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                existing[provider.Id] = provider;
            }
        }

        var rejects = new List<ImportReject>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        int imported = 0, updated = 0;
        var now = clock.GetUtcNow();
        foreach (var row in read)
        {
            if (row.Value is not { } value)
            {
                rejects.Add(new ImportReject(row.Line, row.Id, row.Problem!.Value.Field, words.Problem(row.Problem.Value, data)));
                continue;
            }

            if (!lines.TryAdd(row.Id, row.Line))
            {
                rejects.Add(new ImportReject(row.Line, row.Id, ProviderRows.IdColumn, words.RepeatedId(lines[row.Id])));
                continue;
            }

            var key = ProviderImportRows.KeyOf(row.Id);
            if (existing.TryGetValue(key, out var provider))
            {
                if (words.KeptBack(provider) is { } kept)
                {
                    rejects.Add(new ImportReject(row.Line, row.Id, ProviderRows.IdColumn, kept));
                    continue;
                }

                var before = ProviderImportMapping.Snapshot(provider);
                ProviderImportMapping.Apply(provider, value, layout, data, user.RequiredId, today);
                audit.Record(user, nameof(Provider), provider.Id.ToString(), AuditAction.Update, before, ProviderImportMapping.Snapshot(provider));
                updated++;
            }
            else
            {
                provider = new Provider { Id = key, CreatedAt = now };
                ProviderImportMapping.Apply(provider, value, layout, data, user.RequiredId, today);
                db.Providers.Add(provider);
                existing[key] = provider;
                audit.Record(user, nameof(Provider), provider.Id.ToString(), AuditAction.Create, null, ProviderImportMapping.Snapshot(provider));
                imported++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        index.Invalidate();
        var summary = new ImportSummary(Guid.NewGuid(), read.Count, imported, updated, rejects, layout.Ignored);
        await files.WriteRejectsAsync(user.RequiredId, summary, cancellationToken);
        return summary;
    }
}
