namespace HiTech.Web.Features.Providers;

/// <summary>
/// The ids of providers whose name or services contain every word (as a word's beginning), from each database's own
/// full-text index; composable into a LINQ query. The words are letters, digits and marks only
/// (<see cref="DirectoryQuery.Words"/>), and are passed as a parameter, never spliced into the SQL.
/// </summary>
public static class ProviderSearchIndex
{
    public static IQueryable<Guid> Matching(AppDbContext db, IReadOnlyList<string> words)
    {
        if (db.Database.IsNpgsql())
        {
            var tsquery = string.Join(" & ", words.Select(w => w + ":*"));
            return db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Providers" WHERE "SearchVector" @@ to_tsquery('simple', {tsquery})""");
        }

        var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
        return db.Database.SqlQuery<Guid>($"SELECT ProviderId AS Value FROM ProviderSearch WHERE ProviderSearch MATCH {match}");
    }
}
