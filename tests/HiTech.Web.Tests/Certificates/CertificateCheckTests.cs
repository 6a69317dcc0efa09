using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Certificates;

/// <summary>
/// The public check by id is the bulk of a deadline day's requests (bench/cluster.sh): one round trip reads the
/// certificate and its key together, and nothing about either is kept between checks, so a revocation, or a key row
/// deleted to withdraw what it signed, shows on the very next check; a retired key still vouches for what it signed.
/// </summary>
public sealed class CertificateCheckTests(CertificateCheckFixture platform) : IClassFixture<CertificateCheckFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_check_by_id_is_one_database_round_trip()
    {
        var id = await platform.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.RevokedAt == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(None));
        using var anonymous = platform.Anonymous();

        // A node that has checked certificates before (query compiled, connection pool warm).
        Assert.Equal("valid", await StatusAsync(anonymous, id, null));

        using var roundTrips = new DatabaseRoundTrips();
        Assert.Equal("valid", await StatusAsync(anonymous, id, roundTrips.TraceParent));

        // Before: the certificate, then its signing key in a second round trip (on the primary, when the first was on the replica).
        var seen = roundTrips.Seen;
        Assert.True(seen.Count == 1, $"{seen.Count} round trips (1 expected):\n{string.Join("\n---\n", seen)}");
    }

    [Fact]
    public async Task A_revocation_or_a_deleted_key_shows_on_the_next_check_and_a_retired_key_still_vouches()
    {
        var (id, keyId) = await platform.WithDbAsync(async db =>
        {
            var chosen = await db.Certificates.AsNoTracking().Where(c => c.RevokedAt == null).OrderByDescending(c => c.Id).Select(c => new { c.Id, c.KeyId }).FirstAsync(None);
            return (chosen.Id, chosen.KeyId);
        });
        using var anonymous = platform.Anonymous();
        Assert.Equal("valid", await StatusAsync(anonymous, id, null));

        // Rotation as the README says: the key is retired, and what it signed still verifies.
        await platform.WithDbAsync(db => db.SigningKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(k => k.SetProperty(x => x.Active, false), None));
        Assert.Equal("valid", await StatusAsync(anonymous, id, null));

        // The key row deleted: nothing it signed is vouched for any more, from the next check on.
        var key = await platform.WithDbAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == keyId, None));
        await platform.WithDbAsync(db => db.SigningKeys.Where(k => k.Id == keyId).ExecuteDeleteAsync(None));
        try
        {
            using var check = await anonymous.GetAsync($"/api/v1/certificates/{id}/verify", None);
            var json = await TestHost.JsonAsync(check);
            Assert.Equal("not-genuine", json.GetProperty("status").GetString());
            Assert.Equal("tampered", json.GetProperty("reason").GetString());
        }
        finally
        {
            key.Active = true;
            await platform.WithDbAsync(db =>
            {
                db.SigningKeys.Add(key);
                return db.SaveChangesAsync(None);
            });
        }

        Assert.Equal("valid", await StatusAsync(anonymous, id, null));

        // A revocation is on the certificate, read on every check.
        await platform.WithDbAsync(db => db.Certificates.Where(c => c.Id == id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow).SetProperty(x => x.RevokedReason, "Figures overstated."), None));
        Assert.Equal("revoked", await StatusAsync(anonymous, id, null));
    }

    private static async Task<string?> StatusAsync(HttpClient client, string id, string? traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/certificates/{id}/verify");
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await client.SendAsync(request, None);
        return (await TestHost.JsonAsync(response)).GetProperty("status").GetString();
    }
}

/// <summary>A platform of these tests' own: they retire, delete and revoke what other tests read.</summary>
public sealed class CertificateCheckFixture : TestHost;
