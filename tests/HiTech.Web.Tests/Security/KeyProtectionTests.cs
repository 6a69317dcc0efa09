using HiTech.Web.Infrastructure.Security;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// The Data Protection keys (which protect sign-ins, tokens and the certificate signing key) are stored in the
/// database encrypted with a certificate from outside it, and Production refuses to start without one.
/// </summary>
public sealed class KeyProtectionTests(PlatformFixtureForKeys platform) : IClassFixture<PlatformFixtureForKeys>
{
    [Fact]
    public async Task Keys_in_the_database_are_encrypted_with_the_configured_certificate()
    {
        // Makes sure a key exists, then reads what the database holds.
        var protector = platform.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));

        var keys = await platform.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("X509Data", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_certificate_and_says_which_setting()
    {
        await using var factory = new WebAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string> { [KeyProtection.PathSetting] = "" },
        };

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains(KeyProtection.PathSetting, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx");
        await using var factory = new WebAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string> { [KeyProtection.PathSetting] = missing },
        };

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains(missing, refused.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>A platform of the key tests' own.</summary>
public sealed class PlatformFixtureForKeys : TestHost;
