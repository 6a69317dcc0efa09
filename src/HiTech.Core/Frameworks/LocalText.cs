namespace HiTech.Core.Frameworks;

/// <summary>Text a user reads, in English and (where the framework gives it) Malayalam.</summary>
public sealed record LocalText(string En, string? Ml = null)
{
    public static readonly LocalText Empty = new("");

    /// <summary>The text in the requested language ("ml" or "en"), falling back to English.</summary>
    public string In(string language) => language.StartsWith("ml", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(Ml) ? Ml : En;

    public override string ToString() => En;
}
