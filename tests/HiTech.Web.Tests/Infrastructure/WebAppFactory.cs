using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using HiTech.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// The platform for integration tests, the one factory every test uses: Development, a temporary data directory,
/// and a small demo ecosystem (12 enterprises) with the demo accounts.
/// <para>
/// The database is SQLite in the data directory. The same test sources compiled with the constant POSTGRES
/// (tests/HiTech.Web.PostgresTests) run on PostgreSQL instead: a fresh database per factory,
/// <c>hitech_test_&lt;guid&gt;</c> on the server named by the HITECH_TEST_POSTGRES connection string, migrated on
/// start and dropped on dispose. Without that variable every test of that assembly is skipped (see <see cref="SkipReason"/>).
/// </para>
/// </summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The environment variable holding a connection string to a PostgreSQL server the tests may create databases on.</summary>
    public const string PostgresVariable = "HITECH_TEST_POSTGRES";

    public const string PostgresMissing = "PostgreSQL not available: set HITECH_TEST_POSTGRES (.ci/run starts one)";

    /// <summary>A request header the tests may set to appear to come from another client address (the sign-in rate limit is per address).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly Lock _databaseLock = new();
    private string? _connectionString;
    private Uri? _kestrelAddress;

    public WebAppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "hitech-web-tests-" + Guid.NewGuid().ToString("N"));
        DatabaseName = UsesPostgres ? "hitech_test_" + Guid.NewGuid().ToString("N") : null;
    }

#if POSTGRES
    /// <summary>True in the PostgreSQL test assembly.</summary>
    public static bool UsesPostgres => true;
#else
    /// <summary>True in the PostgreSQL test assembly.</summary>
    public static bool UsesPostgres => false;
#endif

    /// <summary>Why the tests of this assembly cannot run here, or null when they can.</summary>
    public static string? SkipReason =>
        UsesPostgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? PostgresMissing : null;

    /// <summary>"sqlite" or "postgres": the Database:Provider the platform runs on.</summary>
    public static string Provider => UsesPostgres ? "postgres" : "sqlite";

    public string DataDirectory { get; }

    /// <summary>The host environment the platform runs in: Development unless a test needs Production's behaviour.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Settings a test adds to (or overrides in) the platform's configuration.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The PostgreSQL database of this factory (null on SQLite).</summary>
    public string? DatabaseName { get; }

    /// <summary>The address of the real (Kestrel) server once <see cref="StartKestrel"/> has run.</summary>
    public Uri KestrelAddress => _kestrelAddress ?? throw new InvalidOperationException("Call StartKestrel first.");

    /// <summary>
    /// Serves the platform on a real loopback port (for a browser) instead of the in-memory test server, and
    /// returns its address. Call before anything else touches the factory.
    /// </summary>
    public Uri StartKestrel(X509Certificate2? httpsCertificate = null)
    {
        if (_kestrelAddress is null)
        {
            UseKestrel(o =>
            {
                o.Listen(IPAddress.Loopback, 0);
                if (httpsCertificate is not null)
                {
                    o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(httpsCertificate));
                }
            });
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            _kestrelAddress = new Uri(addresses.First(a => a.StartsWith("http:", StringComparison.Ordinal)));
            HttpsAddress = addresses.Where(a => a.StartsWith("https:", StringComparison.Ordinal)).Select(a => new Uri(a)).FirstOrDefault();
        }

        return _kestrelAddress;
    }

    /// <summary>The https address of the real server, when <see cref="StartKestrel"/> was given a certificate.</summary>
    public Uri? HttpsAddress { get; private set; }

    /// <summary>
    /// The certificate that encrypts the Data Protection keys at rest (DataProtection:CertificatePath), made once for
    /// the whole test run, as an operator would provide one; its password is <see cref="CertificatePassword"/>.
    /// </summary>
    public static string CertificatePath => TestCertificate.Value;

    public const string CertificatePassword = "test-certificate";

    private static readonly Lazy<string> TestCertificate = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"hitech-web-tests-dataprotection-{Environment.ProcessId}.pfx");
        HiTech.Web.Infrastructure.Security.KeyProtection.CreateSelfSigned(path, CertificatePassword);
        return path;
    });

    /// <summary>
    /// A client without cookies and without following redirects: what an API caller or a bare browser request sees.
    /// In memory, or over a real socket once <see cref="StartKestrel"/> has run. A request sent with
    /// "Expect: 100-continue" waits for the server's answer before sending its body as long as a busy machine may take
    /// (after the default 1 s an oversized body goes anyway, and the refusal then comes as a broken pipe, not a 413).
    /// </summary>
    public HttpClient CreateBareClient() => _kestrelAddress is { } address
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = address }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = InMemoryAddress });

    /// <summary>In memory, outside Development, as if over HTTPS (the platform refuses plain HTTP there).</summary>
    private Uri InMemoryAddress => new(EnvironmentName == "Development" ? "http://localhost" : "https://localhost");

    /// <summary>
    /// The bearer token the platform would issue to this account at sign-in, made with the platform's own keys,
    /// so tests need not sign in through the API (and its rate limit) to call it.
    /// </summary>
    public async Task<string> BearerTokenAsync(string email)
    {
        var principal = await PrincipalAsync(email);
        var options = Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        return options.BearerTokenProtector.Protect(Ticket(principal, IdentityConstants.BearerScheme));
    }

    /// <summary>The sign-in cookie (name and value) the platform would set for this account.</summary>
    public async Task<(string Name, string Value)> AuthCookieAsync(string email)
    {
        var principal = await PrincipalAsync(email);
        var options = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return (options.Cookie.Name ?? "hitech.auth", options.TicketDataFormat.Protect(Ticket(principal, IdentityConstants.ApplicationScheme)));
    }

    /// <summary>A bare client carrying the account's bearer token.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string email)
    {
        var client = CreateBareClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BearerTokenAsync(email));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Enterprises", "12");
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
        if (UsesPostgres)
        {
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("ConnectionStrings:Default", CreateDatabase());
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is cleaned up by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Creates this factory's PostgreSQL database (once) and returns the connection string to it.</summary>
    private string CreateDatabase()
    {
        lock (_databaseLock)
        {
            if (_connectionString is not null)
            {
                return _connectionString;
            }

            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(PostgresMissing);
            }

            using (var connection = new NpgsqlConnection(server))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\" ENCODING 'UTF8' TEMPLATE template0", connection);
                create.ExecuteNonQuery();
            }

            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
            return _connectionString;
        }
    }

    private async Task DropDatabaseAsync()
    {
        string? created;
        lock (_databaseLock)
        {
            created = _connectionString;
            _connectionString = null;
        }

        if (created is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    private static AuthenticationTicket Ticket(ClaimsPrincipal principal, string scheme)
    {
        var now = DateTimeOffset.UtcNow;
        return new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, scheme);
    }

    /// <summary>Lets a test request say which client address it comes from (<see cref="ClientAddressHeader"/>); nothing else changes.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
