using HiTech.Web.Infrastructure.Security;
using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>
/// POST /api/v1/providers/import: a department's providers list (CSV or Excel) as multipart/form-data in the part
/// <c>file</c>, for partnerships officers and admins (bearer tokens). The answer counts every row (read = imported +
/// updated + rejected) and lists each reject with its line, id, column and reason in the caller's language; what
/// <c>hitech providers import --url</c> posts and prints.
/// </summary>
public static class ProviderImportApi
{
    public sealed record RejectDto(long Line, string ProviderId, string Field, string Reason);

    public sealed record ImportDto(int Read, int Imported, int Updated, int Rejected, IReadOnlyList<RejectDto> Rejects, IReadOnlyList<string> IgnoredColumns);

    /// <summary>The multipart form of an import (for the API description).</summary>
    public sealed class ImportUpload
    {
        public IFormFile? File { get; set; }
    }

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/providers/import")
            .WithTags("Providers")
            .RequireApi(Roles.PartnershipsOfficer, Roles.Admin);

        group.MapPost("/", ImportAsync)
            .WithName("ImportProviders")
            .WithSummary("Import a department's list of providers (CSV or Excel)")
            .WithDescription("Columns as docs/collaboration-formats.md. Rows are matched by provider_id: a second import updates. Imported profiles are verified by the caller and expire on expires_on or a year from today.")
            .Accepts<ImportUpload>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> ImportAsync(HttpRequest request, ImportProviders import, ImportFiles files, ImportWords words, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Outcome.Invalid<object>(ImportFiles.Field, words.ChooseFile).Problem();
        }

        if (await UploadBody.ReadFormAsync(request, files.MaxBytes, cancellationToken) is not { } form)
        {
            return Outcome.Invalid<object>(ImportFiles.Field, words.Refusal("too-large", files.MaxBytes)).Problem();
        }

        var file = form.Files.GetFile(ImportFiles.Field) ?? (form.Files.Count > 0 ? form.Files[0] : null);
        await using var content = file?.OpenReadStream();
        var outcome = await import.ExecuteAsync(CurrentUser.From(request.HttpContext.User), content, cancellationToken);
        return outcome.ToOk(ToDto);
    }

    public static ImportDto ToDto(ImportSummary s) =>
        new(s.Read, s.Imported, s.Updated, s.Rejected, [.. s.Rejects.Select(r => new RejectDto(r.Line, r.Id, r.Field, r.Reason))], s.IgnoredColumns);
}
