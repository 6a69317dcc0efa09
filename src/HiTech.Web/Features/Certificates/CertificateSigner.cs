using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using NSec.Cryptography;

namespace HiTech.Web.Features.Certificates;

/// <summary>
/// Signs and checks certificate payloads with Ed25519 (NSec). The key pair is made on first use; its private
/// key is kept in the database encrypted with Data Protection, whose keys are also in the database, so every
/// node signs with the same key. Old keys stay readable so certificates signed with them still verify.
/// </summary>
public sealed class CertificateSigner(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string ProtectorPurpose = "hitech.certificates.signing";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    private readonly IDataProtector _protector = protection.CreateProtector(ProtectorPurpose);

    /// <summary>The id of the key that signs new certificates (created if there is none yet).</summary>
    public async Task<string> ActiveKeyIdAsync(CancellationToken cancellationToken) => (await ActiveKeyAsync(cancellationToken)).Id;

    /// <summary>Signs the UTF-8 bytes of <paramref name="payload"/> with the key <paramref name="keyId"/>; returns the signature, base64url.</summary>
    public async Task<string> SignAsync(string keyId, string payload, CancellationToken cancellationToken)
    {
        var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken)
            ?? throw new InvalidOperationException($"Signing key {keyId} does not exist.");
        var privateKey = Base64Url.DecodeFromChars(_protector.Unprotect(stored.ProtectedPrivateKey));
        try
        {
            using var key = Key.Import(Algorithm, privateKey, KeyBlobFormat.RawPrivateKey);
            return Base64Url.EncodeToString(Algorithm.Sign(key, System.Text.Encoding.UTF8.GetBytes(payload)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>True when <paramref name="signature"/> (base64url) is a signature of the payload by the platform's key <paramref name="keyId"/>.</summary>
    public async Task<bool> VerifyAsync(string keyId, string payload, string signature, CancellationToken cancellationToken)
    {
        var publicKey = await db.SigningKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.PublicKey).FirstOrDefaultAsync(cancellationToken);
        return publicKey is not null && Verify(publicKey, payload, signature);
    }

    /// <summary>The public keys, for anyone who wants to check certificates offline.</summary>
    public async Task<IReadOnlyList<SigningKey>> PublicKeysAsync(CancellationToken cancellationToken) =>
        [.. (await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];

    public static bool Verify(string publicKeyBase64Url, string payload, string signature)
    {
        byte[] publicBytes;
        byte[] signatureBytes;
        try
        {
            publicBytes = Base64Url.DecodeFromChars(publicKeyBase64Url);
            signatureBytes = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        if (signatureBytes.Length != Algorithm.SignatureSize || !PublicKey.TryImport(Algorithm, publicBytes, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            return false;
        }

        return Algorithm.Verify(publicKey!, System.Text.Encoding.UTF8.GetBytes(payload), signatureBytes);
    }

    private async Task<SigningKey> ActiveKeyAsync(CancellationToken cancellationToken)
    {
        if (await FindActiveAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        // One node makes the key; two nodes racing at first use would each make one, and both stay valid.
        await CreateLock.WaitAsync(cancellationToken);
        try
        {
            if (await FindActiveAsync(cancellationToken) is { } made)
            {
                return made;
            }

            using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            var privateKey = key.Export(KeyBlobFormat.RawPrivateKey);
            var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            var signingKey = new SigningKey
            {
                Id = Convert.ToHexStringLower(SHA256.HashData(publicKey).AsSpan(0, 8)),
                PublicKey = Base64Url.EncodeToString(publicKey),
                ProtectedPrivateKey = _protector.Protect(Base64Url.EncodeToString(privateKey)),
                CreatedAt = clock.GetUtcNow(),
                Active = true,
            };
            CryptographicOperations.ZeroMemory(privateKey);
            db.SigningKeys.Add(signingKey);
            await db.SaveChangesAsync(cancellationToken);
            return signingKey;
        }
        finally
        {
            CreateLock.Release();
        }
    }

    // Sorted here, not in SQL: SQLite cannot order by DateTimeOffset, and there are only ever a few keys.
    private async Task<SigningKey?> FindActiveAsync(CancellationToken cancellationToken) =>
        (await db.SigningKeys.AsNoTracking().Where(k => k.Active).ToListAsync(cancellationToken))
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).FirstOrDefault();
}
