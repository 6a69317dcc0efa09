using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HiTech.Crash;

/// <summary>
/// One account's API client that outlives the server: a request the server did not answer (it was killed) is sent
/// again, with the same Idempotency-Key, once the server is back, until it gets an answer.
/// </summary>
public sealed class Api(Uri address, string token, Func<Task> serverUp) : IDisposable
{
    private readonly HttpClient _http = Authorised(WebHost.Client(address, TimeSpan.FromSeconds(30)), token);

    public int Retries { get; private set; }

    private static HttpClient Authorised(HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<string> SignInAsync(Uri address, string email, string password)
    {
        using var http = WebHost.Client(address);
        var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A change: answered 2xx (acknowledged: it must survive) or refused 4xx; never lost in between.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> ChangeAsync(HttpMethod method, string url, Func<HttpContent> content)
    {
        var key = Guid.NewGuid().ToString();
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(method, url) { Content = content() };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request);
                // 409 "being handled" (a twin of this request still running) and 5xx: ask again.
                var status = response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if ((int)status >= 500 || (status == HttpStatusCode.Conflict && text.Contains("Idempotency-Key", StringComparison.Ordinal)))
                {
                    Retries++;
                    await Task.Delay(100);
                    continue;
                }

                return (status, text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                    ? JsonSerializer.Deserialize<JsonElement>(text)
                    : default);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Retries++;
                await serverUp();
            }
        }
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string url, object body) =>
        ChangeAsync(HttpMethod.Post, url, () => JsonContent.Create(body));

    public Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(string url, object body) =>
        ChangeAsync(HttpMethod.Put, url, () => JsonContent.Create(body));

    /// <summary>A read, retried while the server is down.</summary>
    public async Task<JsonElement> GetAsync(string url)
    {
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            await serverUp();
        }
    }

    public async Task<byte[]?> DownloadAsync(string url)
    {
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
    }

    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static HttpContent Upload(string inputId, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent(inputId), "inputId" }, { file, "file", fileName } };
    }

    public void Dispose() => _http.Dispose();
}
