using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace HiTech.Web.Infrastructure.Security;

/// <summary>
/// Encrypts the Data Protection key ring at rest with a certificate kept outside the database, so that a copy of the
/// database alone opens no cookie, token or certificate signing key. The certificate (PKCS#12, with its RSA private
/// key) comes from DataProtection:CertificatePath (and DataProtection:CertificatePassword); older certificates listed
/// in DataProtection:PreviousCertificatePaths still open the keys they protected, for rotation. Production refuses to
/// start without one; Development makes a self-signed one in the data directory.
/// </summary>
public static class KeyProtection
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string PreviousSetting = "DataProtection:PreviousCertificatePaths";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var path = configuration[PathSetting];
        var password = configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{PathSetting} is not set. Outside Development the keys that protect sign-ins, tokens and the certificate signing key " +
                    "must be encrypted with a certificate kept outside the database: give the path of a PKCS#12 (.pfx) file with an RSA key " +
                    $"(and its password in {PasswordSetting}). See the README, 'Security'.");
            }

            path = Path.Combine(dataDirectory, "dataprotection-development.pfx");
            password = null;
            if (!File.Exists(path))
            {
                CreateSelfSigned(path, password);
            }
        }

        var current = Load(path, password);
        builder.ProtectKeysWithCertificate(current);
        var previous = (configuration[PreviousSetting] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(p, password))
            .Prepend(current)
            .ToArray();
        return builder.UnprotectKeysWithAnyCertificate(previous);
    }

    /// <summary>Writes a new self-signed certificate with an RSA 3072 key, for 5 years, as PKCS#12 (Development and tests).</summary>
    public static void CreateSelfSigned(string path, string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=HiTech Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathSetting}: the certificate file '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{PathSetting}: the certificate '{path}' has no RSA private key; Data Protection needs one to open its keys.");
        }

        return certificate;
    }
}
