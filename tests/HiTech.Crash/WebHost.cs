using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HiTech.Crash;

/// <summary>The built web host as a child process on a free port, with its own data directory (and database).</summary>
public sealed class WebHost(string webDll, string dataDirectory, string? postgres) : IDisposable
{
    private Process? _process;

    /// <summary>One port for the host's whole life, so clients find it again after a restart.</summary>
    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public string DataDirectory => dataDirectory;

    public string? Postgres => postgres;

    public string SqliteFile => Path.Combine(dataDirectory, "hitech.db");

    /// <summary>Starts the host (Production, demo accounts on for sign-in) and waits until it answers /health/ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = Info(["--urls", Address.ToString()]);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The web host did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine($"  host: {line}"); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = Client(timeout: TimeSpan.FromSeconds(5));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web host stopped with exit code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(Address, "health/ready"), cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The web host was not ready within 3 minutes.");
    }

    /// <summary>kill -9: no shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs a command of the host (backup, restore) to its end; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var info = Info(arguments);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    public void Dispose() => Kill();

    private ProcessStartInfo Info(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(webDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.WorkingDirectory = Path.GetDirectoryName(webDll)!;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Data__Directory"] = dataDirectory;
        info.Environment["DataProtection__CertificatePath"] = KeyCertificate.Value;
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Demo__Enterprises"] = "3";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
        {
            info.Environment["Database__Provider"] = "postgres";
            info.Environment["Database__MigrateOnStart"] = "true";
            info.Environment["ConnectionStrings__Default"] = postgres;
        }

        return info;
    }

    /// <summary>
    /// Production refuses to start without a certificate that encrypts the Data Protection keys: one for the whole run,
    /// outside every data directory, so a restored backup opens its keys with it too.
    /// </summary>
    private static readonly Lazy<string> KeyCertificate = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"hitech-crash-keys-{Environment.ProcessId}.pfx");
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=HiTech crash harness", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    });

    /// <summary>
    /// The harness stands where a TLS-ending proxy on the loopback would: Production serves HTTPS only, and believes the
    /// loopback's X-Forwarded-Proto.
    /// </summary>
    public static HttpClient Client(Uri? address = null, TimeSpan? timeout = null)
    {
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        if (address is not null)
        {
            http.BaseAddress = address;
        }

        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
