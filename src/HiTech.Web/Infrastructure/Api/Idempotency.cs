using System.Security.Cryptography;

namespace HiTech.Web.Infrastructure.Api;

/// <summary>
/// An API change (POST, PUT, PATCH, DELETE) sent by a signed-in user with an <c>Idempotency-Key</c> header runs in
/// one database transaction with the record of its answer: either both are saved or neither. A retry with the same
/// key (the answer was lost, the server crashed) gets the saved answer again, marked <c>Idempotent-Replayed: true</c>,
/// and changes nothing twice. The same key with another method, address or body is refused (422); two requests
/// racing with one key: the second is refused (409) and its retry gets the first one's answer. Records are kept
/// for <see cref="Lifetime"/>.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly HashSet<string> Changes = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>After authorisation: only requests the user may make get this far, and the user's id scopes the key.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || !ApiProblems.IsApi(context.Request.Path) || !Changes.Contains(context.Request.Method)
            || CurrentUser.From(context.User).Id is not { } userId)
        {
            await next(context);
            return;
        }

        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!IsWellFormed(key))
        {
            await ApiProblems.WriteAsync(context, ApiProblems.Fields(StatusCodes.Status400BadRequest, t["The Idempotency-Key header is not valid"], new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [Header] = [t["Use 1 to {0} letters, digits, hyphens, underscores, dots or colons: a new UUID for each change will do.", IdempotencyRecord.MaxKeyLength]],
            }));
            return;
        }

        await RunOnceAsync(context, next, userId, key, t);
    });

    private static async Task RunOnceAsync(HttpContext context, RequestDelegate next, Guid userId, string key, IStringLocalizer<SharedResource> t)
    {
        var cancellationToken = context.RequestAborted;
        if (await RequestHashAsync(context.Request, cancellationToken) is not { } hash)
        {
            await next(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (saved is not null)
        {
            if (saved.RequestHash != hash)
            {
                await Refuse(context, StatusCodes.Status422UnprocessableEntity, t["This Idempotency-Key was used for another request"], t["Use a new key for each change; send a key again only to retry the very same request."]);
                return;
            }

            await ReplayAsync(context, saved);
            return;
        }

        // The answer is held back until the change and its record are committed: an answer received means a change kept.
        var answer = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = answer;
        }

        if (context.Response.StatusCode is >= 200 and < 300)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                UserId = userId,
                Key = key,
                RequestHash = hash,
                StatusCode = context.Response.StatusCode,
                ContentType = context.Response.ContentType,
                Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                Body = held.ToArray(),
                CreatedAtUtc = DateTime.UtcNow,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request with this key committed first: this one's change is rolled back with the transaction.
                await transaction.RollbackAsync(CancellationToken.None);
                context.Response.Headers.Location = default;
                await Refuse(context, StatusCodes.Status409Conflict, t["A request with this Idempotency-Key is being handled"], t["Send it again in a moment to get its answer."]);
                return;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        held.Position = 0;
        await held.CopyToAsync(answer, cancellationToken);
    }

    /// <summary>Deletes records older than <see cref="Lifetime"/>; run every hour by <see cref="IdempotencySweepJob"/>.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = DateTime.UtcNow - Lifetime;
        return await db.IdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static bool IsWellFormed(string key) =>
        key.Length <= IdempotencyRecord.MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>Method, address and body; a form by its fields and files, since a client that sends it again picks a new multipart boundary.</summary>
    private static async Task<string?> RequestHashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"{request.Method}\n{request.Path}{request.QueryString}\n");
        if (request.HasFormContentType)
        {
            // The form is read once and kept: the endpoint gets the same one. One that cannot be read (too large) is
            // left to the endpoint to refuse, and nothing is changed.
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                return null;
            }

            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Append(hash, $"{field.Key}={field.Value}\n");
            }

            foreach (var file in form.Files)
            {
                Append(hash, $"{file.Name}:{file.FileName}:{file.Length}\n");
                await using var content = file.OpenReadStream();
                await AppendAsync(hash, content, cancellationToken);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        request.EnableBuffering();
        await AppendAsync(hash, request.Body, cancellationToken);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));

    private static async Task AppendAsync(IncrementalHash hash, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord saved)
    {
        var response = context.Response;
        response.StatusCode = saved.StatusCode;
        response.ContentType = saved.ContentType;
        if (saved.Location is not null)
        {
            response.Headers.Location = saved.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(saved.Body, context.RequestAborted);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        ApiProblems.WriteAsync(context, new ProblemDetails { Status = status, Title = title, Detail = detail });
}
