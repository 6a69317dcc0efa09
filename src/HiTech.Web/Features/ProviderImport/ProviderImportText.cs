namespace HiTech.Web.Features.ProviderImport;

/// <summary>Marker for the provider import's strings: Resources/Features/ProviderImport/ProviderImportText.ml.resx (English is the key).</summary>
public sealed class ProviderImportText
{
}
