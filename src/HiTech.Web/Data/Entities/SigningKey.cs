namespace HiTech.Web.Data.Entities;

/// <summary>An Ed25519 key pair for certificates; the private key is stored encrypted with ASP.NET Core Data Protection.</summary>
public sealed class SigningKey
{
    public string Id { get; set; } = "";

    public string PublicKey { get; set; } = "";

    public string ProtectedPrivateKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool Active { get; set; }
}
