namespace HiTech.Web.Features.Needs;

/// <summary>Marker for the needs and matching strings: Resources/Features/Needs/NeedsText.ml.resx (English is the key).</summary>
public sealed class NeedsText
{
}
