using Microsoft.AspNetCore.Http.Features;

namespace HiTech.Web.Infrastructure.Storage;

/// <summary>
/// An evidence upload over the limit is answered with the form and its message, not a reset connection. A server
/// that stops reading a body and answers makes the browser, still sending, report "This site can't be reached"; so
/// the upload routes may read up to <see cref="ReadLimit"/> (the file limit times <see cref="Headroom"/>), refuse
/// anything over the file limit themselves, and read what is left of the body before they answer. Beyond that, the
/// server's own limit stops the request as for any other route. Pages check the size in the browser first.
/// </summary>
public static class UploadBody
{
    public const int Headroom = 4;

    /// <summary>Room for the multipart boundaries and the form's other fields.</summary>
    public const long FormOverhead = 64 * 1024;

    public static long ReadLimit(long maxBytes) => (maxBytes * Headroom) + FormOverhead;

    /// <summary>
    /// Reads the request's form when it is within <paramref name="maxBytes"/> (and the form overhead); null when it is
    /// larger, after reading and dropping the rest of the body so the answer reaches the browser.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        AllowReadingPastLimit(request.HttpContext, maxBytes);
        if (request.ContentLength is { } length && length > maxBytes + FormOverhead)
        {
            await DiscardAsync(request, cancellationToken);
            return null;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // A file part over the form limit (FormOptions), or a chunked body over the read limit.
            await DiscardAsync(request, cancellationToken);
            return null;
        }
    }

    /// <summary>Raises the server's body limit for this request to <see cref="ReadLimit"/>, if nothing has read the body yet.</summary>
    public static void AllowReadingPastLimit(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && limit.MaxRequestBodySize < ReadLimit(maxBytes))
        {
            limit.MaxRequestBodySize = ReadLimit(maxBytes);
        }
    }

    private static async Task DiscardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or InvalidOperationException)
        {
            // Over the read limit too, or the client gave up: the server's limit answers, as for any other route.
        }
    }
}
