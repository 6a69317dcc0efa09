using System.Threading.RateLimiting;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Infrastructure.Api;
using HiTech.Web.Infrastructure.Jobs;
using HiTech.Web.Infrastructure.Observability;
using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace HiTech.Web.Infrastructure;

/// <summary>Everything the host needs, registered in one place; features add their own handlers through Features/FeatureRegistration.cs.</summary>
public static class HostingExtensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Health checks with this tag decide /health/ready; /health/live runs none.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var options = PlatformOptions.From(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(options.DataDirectory);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);

        // Reference data and the engine: loaded once, immutable, shared by every request.
        var reference = ReferenceData.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data"));
        services.AddSingleton(reference);
        services.AddSingleton(new ActivityClassifier(reference));
        services.AddSingleton<FrameworkCache>();
        services.AddScoped<FrameworkStore>();
        if (options.EvidenceInDatabase)
        {
            services.AddSingleton<Storage.DatabaseEvidence>();
        }

        services.AddSingleton(sp => new Storage.EvidenceStore(options, sp.GetRequiredService<TimeProvider>(), sp.GetService<Storage.DatabaseEvidence>()));
        services.AddScoped<Storage.EvidenceSweep>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Audit.AuditCheck>();
        services.AddScoped<Startup.FirstAdministrator>();
        services.AddSingleton(new Startup.FirstAdministrator.Console(Console.Out));
        services.AddAnalyticsStore();

        // Background work, run once across the cluster by the job scheduler (Infrastructure/Jobs).
        services.AddJobScheduler(builder.Configuration);
        services.AddRecurringJob<Storage.EvidenceSweepJob>();
        services.AddRecurringJob<IdempotencySweepJob>();

        // Pooled contexts: a request rents one instead of building it, which matters at hundreds of requests a second.
        if (options.IsPostgres)
        {
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(PostgresConnection.WithDefaults(options.ConnectionString)));
        }
        else
        {
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()));
        }

        // Reads that may lag a little (public verification, the directory) go to the replica when one is configured.
        StaleReads.Register(services, builder.Configuration, options.IsPostgres);

        // Keys live in the database so any node can read another's cookies, antiforgery tokens and bearer tokens.
        // They are encrypted at rest with a certificate kept outside the database (KeyProtection).
        services.AddDataProtection().SetApplicationName("hitech").PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysAtRest(builder.Configuration, builder.Environment, options.DataDirectory);
        services.AddProxyAndHttps(builder.Configuration);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, Security.SessionCheck>();
        services.AddTransient<Microsoft.AspNetCore.Authorization.Policy.IPolicyEvaluator, Security.EndedSessionPolicyEvaluator>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "hitech.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Enterprise, p => p.RequireRole(Roles.Enterprise))
            .AddPolicy(Roles.Assessor, p => p.RequireRole(Roles.Assessor))
            .AddPolicy(Roles.Analyst, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Provider, p => p.RequireRole(Roles.Provider))
            // Admins may do whatever the partnerships officer does.
            .AddPolicy(Roles.PartnershipsOfficer, p => p.RequireRole(Roles.PartnershipsOfficer, Roles.Admin));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hitech.af";
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = ApiProblems.RetryAfterAsync;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");

        // Malayalam and the rupee sign go out as text, not as &#x...; entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.BasicLatin,
            System.Text.Unicode.UnicodeRanges.Latin1Supplement,
            System.Text.Unicode.UnicodeRanges.GeneralPunctuation,
            System.Text.Unicode.UnicodeRanges.CurrencySymbols,
            System.Text.Unicode.UnicodeRanges.Malayalam));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new Security.TemporaryPasswordFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails();
        services.AddApiProblems();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Kerala Hi-Tech Manufacturing Framework platform API";
            document.Info.Description = "Organisations, units, activities, assessments, reviews, certificates and classification. Sign in with POST /api/v1/auth/login and send the access token as a Bearer token.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        builder.AddTelemetry();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes + (64 * 1024));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 * 1024));
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseSlowRequestLog();
        app.UseProxyAndHttps();
        app.UseExceptionHandler("/error");

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization(Language.Options());
        app.UseApiProblems();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotency();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        // The API reference loads nothing from other hosts: its script is served by the package, its fonts are the
        // browser's own (Scalar's default fonts would come from fonts.scalar.com), no telemetry or agent, our icon.
        app.MapScalarApiReference("/scalar", o => o
            .WithTitle("Kerala Hi-Tech platform API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .WithFavicon("/favicon.svg"));
        // Ready: the database answers and this node's job scheduler polls. Live: the process answers, nothing else is asked
        // (a database outage must not make the orchestrator restart every node).
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapTelemetry();
        return app;
    }
}
